package escapelab.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns JMH's run results into the course's immutable ones. */
final class JmhResults {

    /** JMH 1.37 names it so; earlier versions prefixed a middle dot. */
    private static final String[] ALLOC_KEYS = {"gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"};

    private JmhResults() {
    }

    static BenchResult toResult(RunResult run, String variant, String objectType, double instanceSize) {
        BenchmarkParams params = run.getParams();
        String fullName = params.getBenchmark();
        int methodDot = fullName.lastIndexOf('.');
        int classDot = classStart(fullName, methodDot) - 1;
        Map<String, String> paramValues = new LinkedHashMap<>();
        for (String key : params.getParamsKeys()) {
            paramValues.put(key, params.getParam(key));
        }
        Result primary = run.getPrimaryResult();
        Result alloc = allocation(run.getSecondaryResults());
        // A missing key means JMH saw nothing allocated.
        double bytes = alloc == null ? 0 : alloc.getScore();
        double bytesError = alloc == null ? Double.NaN : alloc.getScoreError();
        double objects = Double.isNaN(instanceSize) ? Double.NaN : bytes / instanceSize;
        List<BenchResult.Secondary> secondary = new ArrayList<>();
        run.getSecondaryResults().forEach((label, result) -> {
            if (!label.startsWith(GC_PROFILER) && !label.startsWith("\u00b7" + GC_PROFILER)) {
                secondary.add(new BenchResult.Secondary(label, result.getScore(), result.getScoreError(),
                        result.getScoreUnit()));
            }
        });
        return new BenchResult(fullName.substring(classDot + 1), fullName.substring(methodDot + 1), paramValues,
                variant, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), bytes, bytesError,
                objectType, objects, params.getMode().shortLabel(), secondary);
    }

    /** The prefix of the GC profiler's figures, which the course reads as B/op and shows no further. */
    private static final String GC_PROFILER = "gc.";

    /**
     * Where the class part of a benchmark's name starts: after the package (lower-case names by
     * Java's convention), so that a nested class keeps its outer one ({@code Outer.Maps.get}).
     */
    private static int classStart(String fullName, int methodDot) {
        int start = 0;
        while (start < methodDot && !Character.isUpperCase(fullName.charAt(start))) {
            int dot = fullName.indexOf('.', start);
            if (dot < 0 || dot >= methodDot) {
                break;
            }
            start = dot + 1;
        }
        return Character.isUpperCase(fullName.charAt(start)) ? start : fullName.lastIndexOf('.', methodDot - 1) + 1;
    }

    static Result allocation(Map<String, Result> secondary) {
        for (String key : ALLOC_KEYS) {
            Result r = secondary.get(key);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
