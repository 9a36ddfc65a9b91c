package escapelab.cell;

import escapelab.evidence.Evidence;
import escapelab.notebook.MimeBundle;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A benchmark cell compiled to disk, where JMH and its forks load it.
 *
 * @param name the main class's qualified name, e.g. {@code cells.FirstEscape}
 * @param simpleName the main class's simple name, as later cells name it
 * @param source the cell's source, as the learner wrote it
 * @param classNames every top-level class the cell compiled (nested and JMH-generated ones
 *     excluded), qualified
 * @param benchmarks the {@code @Benchmark} methods of the main class, in source order
 * @param firstLine the cell line the source starts on, to place a line of the source in the cell
 */
public record BenchClass(String name, String simpleName, String source, List<String> classNames,
                         List<String> benchmarks, int firstLine) implements MimeBundle, Evidence {

    public BenchClass {
        classNames = List.copyOf(classNames);
        benchmarks = List.copyOf(benchmarks);
    }

    /** A cell whose source starts on the cell's first line. */
    public BenchClass(String name, String simpleName, String source, List<String> classNames, List<String> benchmarks) {
        this(name, simpleName, source, classNames, benchmarks, 1);
    }

    /** The cell's top-level class that holds this one: itself, or {@code Outer} for {@code Outer.Maps}. */
    public String topLevelName() {
        int dot = simpleName.indexOf('.');
        return dot < 0 ? simpleName : simpleName.substring(0, dot);
    }

    /** The qualified name of {@link #topLevelName()}, e.g. {@code cells.Outer}. */
    public String topLevelClassName() {
        String packageName = packageName();
        return packageName.isEmpty() ? topLevelName() : packageName + "." + topLevelName();
    }

    /** Whether the cell compiled a top-level class of this simple name, benchmark or not. */
    public boolean declares(String simple) {
        return classNames.stream().anyMatch(c -> c.substring(c.lastIndexOf('.') + 1).equals(simple));
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

    @Override
    public Section section() {
        return Section.CODE;
    }

    /** The source as a Java code block, headed by its file's name. */
    @Override
    public String markdown() {
        return "### `" + sourceFile() + "`\n\n```java\n" + source.strip() + "\n```\n";
    }

    /**
     * The source where Maven looks for it, {@code src/main/java/<package path>/<simple name>.java},
     * with the package line the compiler gave it (on its first line, as compiled).
     */
    @Override
    public Map<String, byte[]> files() {
        return Map.of(sourceFile(), compiledSource().getBytes(StandardCharsets.UTF_8));
    }

    /** The source as compiled: a cell without a package gets {@link BenchCompiler#DEFAULT_PACKAGE}'s. */
    public String compiledSource() {
        String packageName = packageName();
        boolean declared = PACKAGE_LINE.matcher(source).find();
        return declared || packageName.isEmpty() ? source : "package " + packageName + "; " + source;
    }

    private String packageName() {
        int dot = name.length() - simpleName.length() - 1;
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private String sourceFile() {
        String folder = packageName().isEmpty() ? "" : packageName().replace('.', '/') + "/";
        return "src/main/java/" + folder + topLevelName() + ".java";
    }

    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");
}
