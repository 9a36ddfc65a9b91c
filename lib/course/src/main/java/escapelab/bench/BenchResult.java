package escapelab.bench;

import escapelab.check.Check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's measurement under one variant and one set of parameters.
 *
 * @param benchmark class and method, e.g. {@code FirstEscape.valueReturn}
 * @param method the method alone
 * @param params the {@code @Param} values, in declaration order
 * @param variant the variant's label
 * @param score the primary score (e.g. ns/op)
 * @param error the 99.9% confidence half-width, NaN when JMH could not compute one
 * @param unit the score's unit
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}); 0 when JMH
 *     left the key out, which it does when nothing was allocated
 * @param bytesPerOpError the half-width of the bytes/op interval, NaN when unknown
 * @param objectType the simple name of the type counted in {@code objectsPerOp}, or null
 * @param objectsPerOp bytes per operation divided by that type's instance size, NaN when no
 *     type was given
 * @param mode JMH's short name of the mode measured: {@code avgt}, {@code thrpt}, {@code sample},
 *     {@code ss}; empty where unknown
 * @param secondary what else JMH measured of it, in its order: percentiles of a sample-time run,
 *     the members of a {@code @Group}, {@code @AuxCounters} (the GC profiler's own figures left out)
 */
public record BenchResult(String benchmark, String method, Map<String, String> params, String variant,
                          double score, double error, String unit, double bytesPerOp, double bytesPerOpError,
                          String objectType, double objectsPerOp, String mode, List<Secondary> secondary) {

    /** One more figure JMH measured of a benchmark, under its label, e.g. {@code p0.99} or {@code inc}. */
    public record Secondary(String label, double score, double error, String unit) {
    }

    public BenchResult {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = List.copyOf(secondary);
    }

    /** A result of one mode-less measurement with nothing else measured, as tests and tools make them. */
    public BenchResult(String benchmark, String method, Map<String, String> params, String variant,
                       double score, double error, String unit, double bytesPerOp, double bytesPerOpError,
                       String objectType, double objectsPerOp) {
        this(benchmark, method, params, variant, score, error, unit, bytesPerOp, bytesPerOpError, objectType,
                objectsPerOp, "", List.of());
    }

    /** Whether the operation allocates at all (at least {@value Check#NO_ALLOCATION_BELOW} B/op). */
    public boolean allocates() {
        return bytesPerOp >= Check.NO_ALLOCATION_BELOW;
    }

    /** The benchmark with its parameters, e.g. {@code concat(parts=100)}. */
    public String label() {
        if (params.isEmpty()) {
            return method;
        }
        StringBuilder label = new StringBuilder(method).append('(');
        params.forEach((k, v) -> label.append(label.charAt(label.length() - 1) == '(' ? "" : ", ")
                .append(k).append('=').append(v));
        return label.append(')').toString();
    }
}
