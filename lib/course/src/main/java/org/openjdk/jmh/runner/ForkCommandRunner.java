package org.openjdk.jmh.runner;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Utils;
import org.openjdk.jmh.util.Version;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH's runner, whose forks' commands a {@link ForkCommands} may replace (with one that hands the
 * fork to a JVM started ahead of time, say). It sits in JMH's package because the command that
 * starts a fork is JMH's package-private hook; a fork that an external profiler wraps or watches
 * starts as JMH starts it.
 */
public class ForkCommandRunner extends Runner {

    /** What a fork's command becomes. */
    public interface ForkCommands {
        /**
         * @param jmhCommand the command JMH starts the fork with: {@code java}, its flags,
         *     {@code -cp} and the class path, JMH's fork main, the host's name and port
         * @param sample what JMH sends that fork: the run's options and the benchmark's plan
         */
        List<String> command(List<String> jmhCommand, List<Serializable> sample);
    }

    /** A fork's command and what JMH sends it. */
    public record Fork(List<String> command, List<Serializable> sample) {
    }

    private final ForkCommands forks;

    public ForkCommandRunner(Options options, OutputFormat output, ForkCommands forks) {
        super(options, output);
        this.forks = forks;
    }

    /**
     * The first fork of a run with these options, whose flags they all set (none come from a
     * benchmark's annotations), on {@code classPath}, before that run: the command JMH would give
     * a fork of any benchmark (the benchmark's name travels to the fork with the host's address,
     * not on its command line), with a placeholder for the host's address.
     */
    public static Fork firstFork(Options options, String classPath) {
        List<String> jvmArgs = new ArrayList<>(options.getJvmArgsPrepend().orElse(List.of()));
        jvmArgs.addAll(options.getJvmArgs().orElse(List.of()));
        jvmArgs.addAll(options.getJvmArgsAppend().orElse(List.of()));
        IterationParams iterations = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        BenchmarkParams any = new BenchmarkParams("cells.Any.any", "cells.jmh_generated.Any_any_jmhTest", false, 1,
                new int[] {1}, List.of(), 1, 0, iterations, iterations, Mode.AverageTime, new WorkloadParams(),
                TimeUnit.NANOSECONDS, 1, Utils.getCurrentJvm(), jvmArgs, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), Version.getPlainVersion(),
                TimeValue.minutes(10));
        ForkCommandRunner runner = new ForkCommandRunner(options, OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT), (command, sample) -> command);
        List<String> command = new ArrayList<>(runner.jmhCommand(any));
        // JMH gives its forks java.class.path, which a run sets for its time.
        command.set(command.indexOf("-cp") + 1, classPath);
        return new Fork(command, sample(options, any));
    }

    private List<String> jmhCommand(BenchmarkParams benchmark) {
        return super.getForkedMainCommand(benchmark, List.of(), "127.0.0.1", 0);
    }

    /** What JMH sends a fork: the run's options and its plan of one benchmark. */
    private static List<Serializable> sample(Options options, BenchmarkParams benchmark) {
        ActionPlan plan = new ActionPlan(ActionType.FORKED);
        plan.add(new Action(benchmark, ActionMode.WARMUP_MEASUREMENT));
        return List.of(options, plan);
    }

    @Override
    List<String> getForkedMainCommand(BenchmarkParams benchmark, List<ExternalProfiler> profilers, String host,
                                      int port) {
        List<String> command = super.getForkedMainCommand(benchmark, profilers, host, port);
        return profilers.isEmpty() ? forks.command(command, sample(options, benchmark)) : command;
    }
}
