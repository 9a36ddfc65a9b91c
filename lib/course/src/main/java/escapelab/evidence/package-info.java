/**
 * What every result of the course shares: it is {@link escapelab.evidence.Evidence} a submission
 * carries, recorded in the notebook's {@link escapelab.evidence.SessionEvidence} as it is
 * produced, and it reads alike wherever it is shown: numbers rounded by
 * {@link escapelab.evidence.Numbers}, tables written by {@link escapelab.evidence.HtmlTables}.
 * This package depends on no other package of the course, so every one of them can use it.
 */
package escapelab.evidence;
