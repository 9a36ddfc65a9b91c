package escapelab.kernel;

import java.nio.file.Path;

/**
 * A short run of the kernel without a front end, for {@code java -XX:ArchiveClassesAtExit}: it
 * starts the kernel as the kernelspec does and runs a few cells, so the archive holds the
 * classes a kernel's start and first cells load (JShell's and javac's above all, and a first
 * benchmark run's), and kernels
 * started with {@code -XX:SharedArchiveFile} map them instead of loading them one by one.
 * {@code ./course setup} runs it.
 */
public final class ClassArchiveTraining {

    private static final String[] CELLS = {
        "1 + 1",
        "int n = 6 * 7;",
        "String text = \"n = \" + n; text",
        "record Point(int x, int y) {}\nnew Point(1, 2)",
        "java.util.List.of(3, 1, 2).stream().sorted().toList()",
        "%%time\nn + 1",
        // A first %%jmh cell and run: javac with JMH's processor, JMH's runner, and the forks'
        // own class-data archive, which the course writes after a class path's first run.
        "%%jmh\nimport org.openjdk.jmh.annotations.*;\n@State(Scope.Thread) public class Warm { int x = 3;\n"
                + "  @Benchmark public int sum() { int[] p = {x, x + 1}; return p[0] + p[1]; } }",
        "bench(Warm.class).run()",
    };

    private ClassArchiveTraining() {
    }

    /** Starts a kernel as the kernelspec does, runs the cells and exits, which writes the archive. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        JavaKernel kernel = JavaKernel.start(KernelSettings.from(System.getenv(), Path.of("")), System.out, System.err);
        for (String cell : CELLS) {
            kernel.eval(cell);
        }
        System.exit(0);
    }
}
