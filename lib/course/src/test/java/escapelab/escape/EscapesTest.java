package escapelab.escape;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapesTest {

    @TempDir
    Path dir;

    @Test
    void aForkThatWroteNoCompileLogIsNamedWithItsVm() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Escapes.readLogs(dir, "Eclipse OpenJ9 VM 17.0.9"));
        assertTrue(none.getMessage().contains("HotSpot's compile log"), none.getMessage());
        assertTrue(none.getMessage().contains("the forked JVM wrote none: Eclipse OpenJ9 VM 17.0.9."), none.getMessage());
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        BenchClass cell = new BenchClass("cells.Demo", "Demo", "", List.of("cells.Demo"), List.of("one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Escapes(List.of(), dir))
                .getMessage().contains("escapes(FirstEscape.class)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Escapes(List.of(cell), dir).scope(new String[0]))
                .getMessage().contains("scope(\"escapelab.check\")"));
        assertTrue(assertThrows(Mistake.class, () -> new Escapes(List.of(cell), dir).jvmArgs("XX:-DoEscapeAnalysis"))
                .getMessage().contains("does not start with '-'"));
        assertEquals("no @Benchmark method nope in Demo (its benchmarks: one)",
                assertThrows(Mistake.class, () -> new Escapes(List.of(cell), dir).methods("nope")).getMessage());
        assertTrue(assertThrows(Mistake.class, () -> new Escapes(List.of(cell), dir).profile(null))
                .getMessage().contains("QUICK"));
        Escapes onOtherFlags = new Escapes(List.of(cell), dir).variant("EA off", "-XX:-DoEscapeAnalysis");
        assertTrue(assertThrows(Mistake.class, () -> onOtherFlags.variant("EA on")).getMessage()
                .contains("an escape report runs one variant (it has EA off)"));
    }
}
