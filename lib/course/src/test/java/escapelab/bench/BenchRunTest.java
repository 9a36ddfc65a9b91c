package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunTest {

    private static BenchResult boxed(String n, double bytes) {
        return new BenchResult("Boxing.dumpObject", "dumpObject", Map.of("n", n), "default", 2, 1, "ns/op",
                bytes, Double.NaN, "Integer", bytes / 16);
    }

    private static BenchRun run() {
        return new BenchRun("Boxing", Profile.QUICK, "OpenJDK 64-Bit Server VM 17.0.15",
                List.of(new BenchClass("cells.Boxing", "Boxing", "", List.of(), List.of("dumpObject"))),
                List.of(boxed("127", 0.00002), boxed("128", 16)), "", "", "[]", Instant.now(), Duration.ZERO);
    }

    @Test
    void whereKeepsTheResultsOfOneParameterValue() {
        BenchRun at128 = run().where("n", "128");
        assertEquals(16, at128.bytesPerOp("dumpObject"));
        assertEquals(1, at128.objectsPerOp("dumpObject"));
        assertEquals(0.00002, run().where("n", "127").bytesPerOp("dumpObject"));
        Mistake none = assertThrows(Mistake.class, () -> run().where("n", "129"));
        assertTrue(none.getMessage().contains("n=127"), none.getMessage());
    }

    @Test
    void anAllocationReadsBackAsWords() {
        Allocation nothing = run().where("n", "127").allocation("dumpObject");
        assertFalse(nothing.any());
        assertEquals("allocates nothing (≈0 B/op)", nothing.toString());
        assertEquals("allocates 16 B/op (1 Integer/op)", run().where("n", "128").allocation("dumpObject").toString());
    }

    @Test
    void withSeveralParameterValuesAResultMustBeNarrowedDown() {
        assertThrows(Mistake.class, () -> run().bytesPerOp("dumpObject"));
    }
}
