package escapelab.check;

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
}
