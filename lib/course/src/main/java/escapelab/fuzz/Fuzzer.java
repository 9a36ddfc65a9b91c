package escapelab.fuzz;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.measure.ScratchFolder;
import escapelab.notebook.Host;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import escapelab.notebook.Notebook;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A coverage-guided fuzz run of one class's {@code public static void fuzzerTestOneInput(byte[])},
 * with Jazzer's libFuzzer driver in a child JVM: it runs the seeds, then mutates the inputs that
 * reach new code, for a fixed time or until the target throws. A live line in the cell shows
 * libFuzzer's latest status; {@link #run()} returns the summary.
 *
 * <pre>{@code
 * FuzzSummary s = Fuzzer.of("cells.ParseHeader", List.of(classes)).seconds(5)
 *         .seed("valid", packet).in(folder).run();
 * }</pre>
 *
 * <p>Jazzer's jars are not on the kernel's class path: the build copies them to
 * {@code target/fuzz-lib/} beside the course library, where this class finds them.
 */
public final class Fuzzer {

    /** The status lines libFuzzer prints as it goes: {@code #1024 pulse cov: 24 ...}. */
    private static final Pattern STATUS = Pattern.compile("^#\\d+\\s+\\w+\\s+cov:");
    private static final long SHOW_EVERY_NANOS = 250_000_000L;

    private final String targetClass;
    private final List<Path> classPath;
    private final Map<String, byte[]> seeds = new LinkedHashMap<>();
    private int seconds = 10;
    private Path folder;

    private Fuzzer(String targetClass, List<Path> classPath) {
        this.targetClass = targetClass;
        this.classPath = List.copyOf(classPath);
    }

    /**
     * A run of {@code targetClass}'s {@code fuzzerTestOneInput}, loaded from {@code classPath}:
     * the child JVM's class path is those entries and Jazzer's jars only, so the target may use
     * the JDK and what those entries hold. Only the target's package is instrumented for
     * coverage.
     *
     * @throws Mistake if the class name is blank
     */
    public static Fuzzer of(String targetClass, List<Path> classPath) {
        if (targetClass == null || targetClass.isBlank()) {
            throw new Mistake("name the class whose fuzzerTestOneInput(byte[]) to fuzz, e.g. Fuzzer.of(\"cells.ParseHeader\", …)");
        }
        return new Fuzzer(targetClass, classPath);
    }

    /**
     * A fuzz run of a {@code %%jmh} cell's {@code public static void fuzzerTestOneInput(byte[] input)}.
     * The cell is compiled again for Java 17 class files, which Jazzer instruments for coverage on
     * every JDK; the fuzzed code may use the JDK and the cell's own classes. Its files go in the
     * kernel's scratch folder.
     *
     * @throws Mistake if the class is not from a {@code %%jmh} cell or has no such method
     */
    public static Fuzzer ofCell(Class<?> cellClass) throws IOException {
        BenchClass cell = CellClasses.shared().benchmark(cellClass);
        try {
            Method target = cellClass.getMethod("fuzzerTestOneInput", byte[].class);
            if (!Modifier.isStatic(target.getModifiers())) {
                throw new NoSuchMethodException("not static");
            }
        } catch (NoSuchMethodException e) {
            throw new Mistake(cell.simpleName() + " has no public static void fuzzerTestOneInput(byte[] input): "
                    + "add one that calls your parser; the fuzzer calls it with every input it makes");
        }
        Path scratch = ScratchFolder.shared().dir();
        Path classes = Files.createTempDirectory(scratch, "fuzz-classes-");
        BenchCompiler.compileForRelease(cell, 17, classes);
        return of(cell.name(), List.of(classes)).in(Files.createTempDirectory(scratch, "fuzz-" + cell.simpleName() + "-"));
    }

    /**
     * How long to fuzz (libFuzzer's {@code -max_total_time}); 10 s unless set.
     *
     * @throws Mistake if not positive
     */
    public Fuzzer seconds(int seconds) {
        if (seconds < 1) {
            throw new Mistake("fuzz for at least one second, e.g. seconds(5); " + seconds + " was given");
        }
        this.seconds = seconds;
        return this;
    }

    /**
     * An input the run starts from, such as a valid header: libFuzzer mutates it, which reaches
     * the code behind the checks much sooner than random bytes do.
     *
     * @throws Mistake if the name is not a plain file name or the input is null
     */
    public Fuzzer seed(String name, byte[] input) {
        if (name == null || !name.matches("[\\w.-]+") || input == null) {
            throw new Mistake("give the seed a plain file name and its bytes, e.g. seed(\"valid\", packet)");
        }
        seeds.put(name, input.clone());
        return this;
    }

    /**
     * The folder that keeps the corpus ({@code corpus/}) and any crashing input
     * ({@code crashes/}); a new temporary folder unless set. A corpus there is run again by the
     * next run, which starts where this one stopped.
     */
    public Fuzzer in(Path folder) {
        this.folder = folder;
        return this;
    }

    /**
     * Runs the fuzzer and waits for it.
     *
     * @throws IllegalStateException if the fuzzer did not start (its last lines say why)
     * @throws InterruptedException if interrupted; the child JVM is ended
     */
    public FuzzSummary run() throws IOException, InterruptedException {
        Path root = folder != null ? Files.createDirectories(folder) : Files.createTempDirectory("escapelab-fuzz-");
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Path crashes = Files.createDirectories(root.resolve("crashes"));
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(corpus.resolve("seed-" + seed.getKey()), seed.getValue());
        }
        Process process = new ProcessBuilder(command(corpus, crashes)).redirectErrorStream(true).start();
        Host host = Notebook.host();
        String display = host.display(line("starting Jazzer on " + targetClass));
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long shown = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (STATUS.matcher(line).find() && System.nanoTime() - shown > SHOW_EVERY_NANOS) {
                    shown = System.nanoTime();
                    host.updateDisplay(display, line("fuzzing " + targetClass + " for " + seconds + " s: "
                            + line.strip().replaceAll("\\s+", " ")));
                }
            }
            process.waitFor();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        try {
            FuzzSummary summary = FuzzSummary.parse(output.toString());
            host.updateDisplay(display, line("✓ " + summary));
            return summary;
        } catch (IllegalArgumentException e) {
            host.updateDisplay(display, line("✘ the fuzzer did not run"));
            throw new IllegalStateException("Jazzer did not fuzz " + targetClass + " (exit code "
                    + process.exitValue() + "): " + e.getMessage(), e);
        }
    }

    /** The child JVM's command: Jazzer's driver on the target, libFuzzer's flags after. */
    List<String> command(Path corpus, Path crashes) {
        List<String> entries = new ArrayList<>();
        classPath.forEach(p -> entries.add(p.toString()));
        // Not this JVM's class path: Jazzer scans all of its class path at start, and the
        // kernel's libraries would add seconds to every run.
        entries.add(fuzzLib() + File.separator + "*");
        String packageName = targetClass.contains(".") ? targetClass.substring(0, targetClass.lastIndexOf('.')) : "";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The fuzzer's JVM needs little heap: one input at a time.
                "-Xmx256m",
                "-cp", String.join(File.pathSeparator, entries),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + targetClass,
                "--reproducer_path=" + crashes));
        if (!packageName.isEmpty()) {
            // Coverage of the code under test only, not of the course library around it.
            command.add("--instrumentation_includes=" + packageName + ".**");
        }
        command.addAll(List.of(
                "-max_total_time=" + seconds,
                "-print_final_stats=1",
                "-artifact_prefix=" + crashes + File.separator,
                corpus.toString()));
        return command;
    }

    /**
     * The folder of Jazzer's jars, {@code fuzz-lib} beside the course library's jar (or its
     * classes folder).
     *
     * @throws IllegalStateException if the build has not put them there
     */
    static Path fuzzLib() {
        try {
            Path here = Path.of(Fuzzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = here.getParent().resolve("fuzz-lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("Jazzer's jars are not in " + lib
                        + ": build the course library again (./course setup)");
            }
            return lib;
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate the course library", e));
        }
    }

    private static MimeBundle line(String text) {
        return () -> MimeBundle.htmlAndText("<div style=\"font-family:monospace\">" + MimeBundle.escapeHtml(text)
                + "</div>", text);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "fuzz %s for %d s", targetClass, seconds);
    }
}
