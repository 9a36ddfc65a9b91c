package escapelab.check;

import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodJavadocTest {

    private static final String CELL = """
            import org.openjdk.jmh.annotations.*;

            /** Varints: seven bits a byte. */
            class Varint {

                /** Returns a new array: allocates per call. */
                static byte[] encode(int[] values) {
                    return new byte[0];
                }

                /**
                 * Appends the encoding of values to dst at off,
                 * and returns the new length.
                 *
                 * @param dst the caller's buffer, reused across calls
                 */
                static int encode(int[] values, byte[] dst, int off) {
                    return off;
                }

                // a line comment is not Javadoc
                static int size(int[] values) {
                    return 0;
                }
            }

            @State(Scope.Thread)
            public class CarryBench {
                @Benchmark
                public int carried() {
                    return 0;
                }
            }
            """;

    @Test
    void readsTheJavadocOfAnOverloadNamedWithItsParameterTypes() {
        assertEquals(Optional.of("Appends the encoding of values to dst at off, and returns the new length. "
                        + "@param dst the caller's buffer, reused across calls"),
                MethodJavadoc.of(CELL, "Varint", "encode(int[], byte[], int)"));
        assertEquals(Optional.of("Returns a new array: allocates per call."),
                MethodJavadoc.of(CELL, "Varint", "encode(int[])"));
    }

    @Test
    void aMethodWithoutJavadocHasNone() {
        assertEquals(Optional.empty(), MethodJavadoc.of(CELL, "Varint", "size"));
        assertEquals(Optional.empty(), MethodJavadoc.of(CELL, "CarryBench", "carried"));
    }

    @Test
    void theCheckPassesWhenEveryPhraseIsThereAcrossLineBreaks() {
        Check check = MethodJavadoc.check("the contract is documented", CELL, "Varint", "encode(int[],byte[],int)",
                "appends the encoding of values to dst", "returns the new length");
        assertTrue(check.passed(), check::toString);
        assertTrue(check.toString().contains("\"Appends the encoding"), check::toString);
    }

    @Test
    void theCheckFailsNamingTheMissingPhraseOrTheMissingComment() {
        Check lacking = MethodJavadoc.check("the contract is documented", CELL, "Varint", "encode(int[])",
                "appends to dst", "allocates per call");
        assertFalse(lacking.passed());
        assertTrue(lacking.toString().contains("does not say \"appends to dst\""), lacking::toString);
        Check none = MethodJavadoc.check("the contract is documented", CELL, "Varint", "size", "returns");
        assertFalse(none.passed());
        assertTrue(none.toString().contains("no Javadoc"), none::toString);
    }

    @Test
    void anOverloadedNameAloneOrAMissingMethodOrTypeIsAMistake() {
        Mistake overloaded = assertThrows(Mistake.class, () -> MethodJavadoc.of(CELL, "Varint", "encode"));
        assertTrue(overloaded.getMessage().contains("encode(int[]) or encode(int[], byte[], int)"),
                overloaded.getMessage());
        Mistake missing = assertThrows(Mistake.class, () -> MethodJavadoc.of(CELL, "Varint", "decode"));
        assertTrue(missing.getMessage().contains("its methods are encode(int[]), encode(int[], byte[], int), size(int[])"),
                missing.getMessage());
        assertThrows(Mistake.class, () -> MethodJavadoc.of(CELL, "Base64", "encode"));
    }

    /** A %%jmh cell: a benchmark class with a nested class, and a top-level helper beside it. */
    private static final String JMH_CELL = """
            import org.openjdk.jmh.annotations.*;

            @State(Scope.Thread)
            public class JavadocCell {

                /** A buffer from a pool. */
                static final class Buffer {
                    /** Gives the buffer back to its pool: the caller must not use it after. */
                    void release() {
                    }
                }

                @Benchmark
                public int encode() {
                    return JavadocVarint.encode(new int[] {1}, new byte[8], 0);
                }
            }

            final class JavadocVarint {
                /**
                 * Appends the encoding of values to dst at off,
                 * and returns the new length.
                 */
                static int encode(int[] values, byte[] dst, int off) {
                    return off + values.length;
                }

                static int size(int[] values) {
                    return values.length;
                }
            }
            """;

    @Test
    void readsTheJavadocOfAClassACellDeclaredBesideOrInsideItsBenchmark() throws Exception {
        new BenchCompiler(CellClasses.shared()).compile(JMH_CELL, 2);
        Class<?> helper = Class.forName("cells.JavadocVarint");
        Class<?> nested = Class.forName("cells.JavadocCell$Buffer");

        assertEquals(Optional.of("Appends the encoding of values to dst at off, and returns the new length."),
                MethodJavadoc.of(helper, "encode"));
        assertEquals(Optional.empty(), MethodJavadoc.of(helper, "size"));
        assertEquals(Optional.of("Gives the buffer back to its pool: the caller must not use it after."),
                MethodJavadoc.of(nested, "release"));

        Check stated = MethodJavadoc.check("the contract is documented", helper, "encode", "returns the new length");
        assertTrue(stated.passed(), stated::toString);
        Check lacking = MethodJavadoc.check("the contract is documented", helper, "encode", "allocates nothing");
        assertTrue(lacking.failed(), lacking::toString);
        assertTrue(lacking.expectation().endsWith("does not say \"allocates nothing\""), lacking::toString);
        Check none = MethodJavadoc.check("the contract is documented", helper, "size", "returns");
        assertTrue(none.failed(), none::toString);
        assertTrue(none.expectation().startsWith("no Javadoc (/** ... */) directly above JavadocVarint.size"),
                none::toString);
        assertThrows(Mistake.class, () -> MethodJavadoc.of(helper, "decode"));
    }

    @Test
    void aClassNoCellDeclaredOrNoClassIsAMistake() {
        Mistake notACell = assertThrows(Mistake.class, () -> MethodJavadoc.of(String.class, "length"));
        assertEquals("String was not declared by a %%jmh cell in this session: run the %%jmh cell that declares it "
                + "first", notACell.getMessage());
        assertThrows(Mistake.class, () -> MethodJavadoc.check("documented", String.class, "length", "returns"));
        Mistake none = assertThrows(Mistake.class, () -> MethodJavadoc.of((Class<?>) null, "encode"));
        assertEquals("name the class that declares the method, e.g. javadoc(Varint.class, \"encode\")",
                none.getMessage());
        Mistake noneChecked = assertThrows(Mistake.class,
                () -> MethodJavadoc.check("documented", (Class<?>) null, "encode", "returns"));
        assertEquals(none.getMessage(), noneChecked.getMessage());
    }
}
