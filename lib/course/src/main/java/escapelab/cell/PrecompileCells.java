package escapelab.cell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the {@code %%jmh} cells of notebooks, each notebook's in order from an empty cells'
 * folder as a fresh kernel's Run All would, and keeps javac's output in {@link CompiledCells}'
 * store. {@code ./course setup} runs it once per JDK with the cells' class path, the one a
 * kernel compiles cells against:
 * {@code java -cp CELLS_CLASS_PATH escapelab.cell.PrecompileCells NOTEBOOK.ipynb...}.
 * A cell that does not compile is left to the kernel, which shows the error where it belongs.
 *
 * <p>Given {@code -} instead of notebooks, it reads one notebook's path per line on its standard
 * input and answers each with a line once its cells are kept: the tests that run edited
 * notebooks compile their cells in this one JVM, whose javac is warm after the first.
 */
public final class PrecompileCells {

    private static final Pattern JMH_MAGIC = Pattern.compile("^\\s*%%jmh\\s*$");

    private PrecompileCells() {
    }

    /** Compiles the notebooks' cells into the store beside the course's jar; prints what it kept. */
    public static void main(String[] notebooks) throws IOException {
        Path store = CompiledCells.besideCourseJar()
                .orElseThrow(() -> new IllegalStateException("run it from the course's jar: the store goes beside it"));
        CompiledCells.recordInto(store);
        if (List.of(notebooks).equals(List.of("-"))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String notebook = in.readLine(); notebook != null; notebook = in.readLine()) {
                System.out.println(compile(List.of(notebook)).said());
                System.out.flush();
            }
            System.exit(0);
        }
        System.out.println(compile(List.of(notebooks)).said());
        System.exit(0);
    }

    /** How many cells a compile kept, and how many it left to the kernel. */
    private record Count(int compiled, int failed) {
        String said() {
            return "precompiled " + compiled + " %%jmh cells for Java " + Runtime.version().feature()
                    + (failed > 0 ? " (" + failed + " left to the kernel: they do not compile alone)" : "");
        }
    }

    private static Count compile(List<String> notebooks) throws IOException {
        CellClasses cells = CellClasses.shared();
        int compiled = 0;
        int failed = 0;
        for (String notebook : notebooks) {
            emptyFolder(cells.dir());
            for (String body : jmhCells(Path.of(notebook))) {
                try {
                    new BenchCompiler(cells).compile(body, 2);
                    compiled++;
                } catch (Exception e) {
                    failed++;
                }
            }
        }
        return new Count(compiled, failed);
    }

    /** The bodies of a notebook's {@code %%jmh} cells, in order, as the kernel splits a cell. */
    static List<String> jmhCells(Path notebook) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).path("cells");
        List<String> bodies = new ArrayList<>();
        for (JsonNode cell : cells) {
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            JsonNode source = cell.path("source");
            StringBuilder text = new StringBuilder();
            if (source.isArray()) {
                source.forEach(line -> text.append(line.asText()));
            } else {
                text.append(source.asText());
            }
            String[] lines = text.toString().split("\n", -1);
            int first = 0;
            while (first < lines.length && lines[first].isBlank()) {
                first++;
            }
            if (first < lines.length && JMH_MAGIC.matcher(lines[first].replace("\r", "")).matches()) {
                bodies.add(String.join("\n", List.of(lines).subList(first + 1, lines.length)));
            }
        }
        return bodies;
    }

    private static void emptyFolder(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Folders.deleteTree(entry);
            }
        }
    }
}
