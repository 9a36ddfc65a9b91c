/**
 * How a failing cell reads to the learner: compile errors at their line with a caret (the
 * seam's {@link escapelab.notebook.SourceProblem}), exceptions with their cell lines and without
 * the kernel's frames, a library's {@link escapelab.notebook.Mistake} as its message and the
 * cell line it came from, magics misused. One place, so that every way a cell fails is worded
 * and shaped alike.
 */
package escapelab.kernel.errors;
