package escapelab.bench;

import escapelab.notebook.MimeBundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark cell compiled to disk, where JMH and its forks load it.
 *
 * @param name the main class's qualified name, e.g. {@code cells.FirstEscape}
 * @param simpleName the main class's simple name, as later cells name it
 * @param source the cell's source, as the learner wrote it
 * @param classNames every class the cell compiled (nested and JMH-generated ones excluded)
 * @param benchmarks the {@code @Benchmark} methods of the main class, in source order
 */
public record BenchClass(String name, String simpleName, String source, List<String> classNames,
                         List<String> benchmarks) implements MimeBundle {

    public BenchClass {
        classNames = List.copyOf(classNames);
        benchmarks = List.copyOf(benchmarks);
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "Compiled " + simpleName + ": " + benchmarks.size() + " benchmark"
                + (benchmarks.size() == 1 ? "" : "s") + " (" + String.join(", ", benchmarks) + ")");
        return bundle;
    }

    @Override
    public String toString() {
        return mimeBundle().get("text/plain");
    }
}
