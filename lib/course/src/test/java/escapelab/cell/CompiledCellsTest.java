package escapelab.cell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledCellsTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @AfterEach
    void restoreTheClassPath() throws Exception {
        System.setProperty("java.class.path", CLASS_PATH);
        System.clearProperty(CompiledCells.STORE_PROPERTY);
        CompiledCells.recordInto(null);
    }

    private static String path(Object... entries) {
        return Stream.of(entries).map(String::valueOf).collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void theKeyFollowsTheSourceTheJarsAndTheClassesEarlierCellsLeft(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1, 2});
        Path other = Files.write(dir.resolve("b.jar"), new byte[] {3});
        Path cells = Files.createDirectories(dir.resolve("cells"));
        String classPath = path(jar, other, cells);

        Optional<String> key = CompiledCells.key("class A {}", classPath, cells);
        assertTrue(key.isPresent());
        assertEquals(key, CompiledCells.key("class A {}", path(other, jar, cells), cells), "the jars' order is left out");
        assertNotEquals(key, CompiledCells.key("class A { }", classPath, cells));
        Files.write(dir.resolve("cells/Earlier.class"), new byte[] {7});
        Optional<String> afterAnEarlierCell = CompiledCells.key("class A {}", classPath, cells);
        assertNotEquals(key, afterAnEarlierCell);
        Files.write(dir.resolve("cells/Earlier.class"), new byte[] {8});
        assertNotEquals(afterAnEarlierCell, CompiledCells.key("class A {}", classPath, cells));
        Files.write(jar, new byte[] {1, 2, 3});
        assertNotEquals(CompiledCells.key("class A {}", classPath, cells), afterAnEarlierCell);
        Path classesFolder = Files.createDirectories(dir.resolve("classes"));
        assertEquals(Optional.empty(), CompiledCells.key("class A {}", path(jar, classesFolder, cells), cells),
                "another folder's classes are not followed: no key");
    }

    @Test
    void aKeptCellIsCopiedInWithJavacsBytesAndAnEditedOneCompiles(@TempDir Path store) throws Exception {
        // Jars and the cells' folder only, as in a kernel: the Maven run's class folders have no key.
        Path cells = CellClasses.shared().dir();
        String jars = Stream.of(CLASS_PATH.split(File.pathSeparator)).filter(e -> e.endsWith(".jar"))
                .collect(Collectors.joining(File.pathSeparator));
        System.setProperty("java.class.path", path(jars, cells));
        BenchCompiler compiler = new BenchCompiler(CellClasses.shared());
        String kept = BenchCompilerTest.source("Kept", "  int x = 3;\n  @Benchmark public int sum() { return x + 1; }\n");

        CompiledCells.recordInto(store);
        compiler.compile(kept, 2);
        CompiledCells.recordInto(null);
        byte[] javacs = Files.readAllBytes(cells.resolve("cells/Kept.class"));
        List<Path> entries;
        try (Stream<Path> listed = Files.list(store)) {
            entries = listed.toList();
        }
        assertEquals(1, entries.size(), entries::toString);
        Files.writeString(entries.get(0).resolve("cells/FromTheStore.txt"), "kept by setup", StandardCharsets.UTF_8);
        removeKept(cells);

        System.setProperty(CompiledCells.STORE_PROPERTY, store.toString());
        BenchClass again = compiler.compile(kept, 2);
        assertEquals(List.of("sum"), again.benchmarks());
        assertTrue(Files.exists(cells.resolve("cells/FromTheStore.txt")), "the same cell is read from the store");
        assertArrayEquals(javacs, Files.readAllBytes(cells.resolve("cells/Kept.class")));
        Files.delete(cells.resolve("cells/FromTheStore.txt"));
        removeKept(cells);

        compiler.compile(kept.replace("x + 1", "x + 2"), 2);
        assertFalse(Files.exists(cells.resolve("cells/FromTheStore.txt")), "an edited cell compiles");
        assertFalse(java.util.Arrays.equals(javacs, Files.readAllBytes(cells.resolve("cells/Kept.class"))));
        removeKept(cells);
    }

    /** The folder as it was before the cell compiled: its key names the folder's classes. */
    private static void removeKept(Path cells) throws Exception {
        try (Stream<Path> files = Files.walk(cells)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Kept")).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aNotebooksJmhCellsAreReadAsTheKernelSplitsThem(@TempDir Path dir) throws Exception {
        Path notebook = Files.writeString(dir.resolve("n.ipynb"), """
                {"cells": [
                  {"cell_type": "markdown", "source": ["%%jmh\\n", "not code"]},
                  {"cell_type": "code", "source": ["\\n", "%%jmh\\n", "class A {}\\n", "// end"]},
                  {"cell_type": "code", "source": "%%jmh  \\nclass B {}"},
                  {"cell_type": "code", "source": ["%%time\\n", "1 + 1"]}
                ]}""", StandardCharsets.UTF_8);

        assertEquals(List.of("class A {}\n// end", "class B {}"), PrecompileCells.jmhCells(notebook));
    }
}
