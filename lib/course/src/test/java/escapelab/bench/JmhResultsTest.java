package escapelab.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultsTest {

    private static RunResult run(Double bytesPerOp) {
        WorkloadParams workload = new WorkloadParams();
        workload.put("parts", "100", 0);
        IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.milliseconds(100), 1);
        BenchmarkParams params = new BenchmarkParams("cells.Concat.builder", "cells.jmh_generated.Concat_builder_jmhTest",
                false, 1, new int[]{1}, List.of(), 1, 0, iteration, iteration, Mode.AverageTime, workload,
                TimeUnit.NANOSECONDS, 1, "java", List.of(), "17", "OpenJDK", "17", "1.37", TimeValue.minutes(10));
        List<IterationResult> iterations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IterationResult result = new IterationResult(params, iteration, new IterationResultMetaData(1000, 1000));
            result.addResult(new AverageTimeResult(ResultRole.PRIMARY, "builder", 1000, 50_000 + i * 10_000L, TimeUnit.NANOSECONDS));
            if (bytesPerOp != null) {
                result.addResult(new ScalarResult("gc.alloc.rate.norm", bytesPerOp, "B/op", AggregationPolicy.AVG));
            }
            iterations.add(result);
        }
        return new RunResult(params, List.of(new BenchmarkResult(params, iterations)));
    }

    @Test
    void readsScoreParamsAndBytesPerOperation() {
        BenchResult r = JmhResults.toResult(run(48.0), "default", "Point", 24);
        assertEquals("Concat.builder", r.benchmark());
        assertEquals("builder", r.method());
        assertEquals(Map.of("parts", "100"), r.params());
        assertEquals("builder(parts=100)", r.label());
        assertEquals(55.0, r.score(), 1e-9);
        assertEquals("ns/op", r.unit());
        assertEquals(48.0, r.bytesPerOp(), 1e-9);
        assertEquals(2.0, r.objectsPerOp(), 1e-9);
        assertTrue(r.allocates());
    }

    @Test
    void aMissingAllocationKeyReadsAsZero() {
        BenchResult r = JmhResults.toResult(run(null), "default", null, Double.NaN);
        assertEquals(0.0, r.bytesPerOp());
        assertFalse(r.allocates());
        assertTrue(Double.isNaN(r.objectsPerOp()));
        assertTrue(Double.isNaN(r.bytesPerOpError()));
    }

    @Test
    void jmhNoiseBelowOneBytePerOperationIsNoAllocation() {
        BenchResult r = JmhResults.toResult(run(1e-5), "default", null, Double.NaN);
        assertFalse(r.allocates());
    }
}
