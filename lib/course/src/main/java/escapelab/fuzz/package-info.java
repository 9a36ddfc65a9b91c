/**
 * Coverage-guided fuzzing from a notebook cell: {@link escapelab.fuzz.Fuzzer} runs Jazzer's
 * libFuzzer driver on a class's {@code fuzzerTestOneInput(byte[])} in a child JVM, and
 * {@link escapelab.fuzz.FuzzSummary} reads what libFuzzer printed: executions, coverage,
 * corpus, and the finding if one crashed the target.
 */
package escapelab.fuzz;
