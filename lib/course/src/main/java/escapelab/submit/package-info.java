/**
 * A task's submission: the saved notebook read back ({@link escapelab.submit.SavedNotebook}), the
 * learner's analysis told apart from the reference answer ({@link escapelab.submit.Analysis}),
 * and the export of everything the session recorded ({@link escapelab.submit.Submission}) as a
 * README, a summary for tools and a Maven project in JMH's archetype layout.
 */
package escapelab.submit;
