/**
 * Running JMH from a cell: {@link escapelab.bench.Bench} (and the escape report) say what to run
 * in the words of {@link escapelab.bench.RunPlan}; {@link escapelab.bench.JmhRunner} runs it in
 * forked JVMs, once per {@link escapelab.bench.Variant} (flags, another JDK), with live
 * {@link escapelab.bench.Progress}, in a {@link escapelab.bench.Profile}; the results come back
 * as an immutable {@link escapelab.bench.BenchRun} of {@link escapelab.bench.BenchResult}s. A
 * run's first fork may be a JVM started ahead of time ({@link escapelab.bench.StandbyForks}).
 */
package escapelab.bench;
