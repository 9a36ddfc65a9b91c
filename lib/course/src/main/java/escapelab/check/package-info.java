/**
 * Live checks of a task's acceptance criteria: a {@link escapelab.check.Check} is met, failed or
 * open, with what it measured and the bound it held it to; a {@link escapelab.check.Checklist}
 * shows a task's checks and keeps them for the submission. The other checks read a cell's source
 * (a comment, a method's Javadoc) or a call's exception.
 */
package escapelab.check;
