package escapelab.evidence;

import org.junit.jupiter.api.Test;

import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeNamesTest {

    static IntSupplier adder(int x, int y) {
        return () -> x + y;
    }

    @Test
    void aClassGoesByItsSimpleName() {
        assertEquals("Integer", TypeNames.shortName(Integer.class));
        assertEquals("TypeNamesTest", TypeNames.shortName(TypeNamesTest.class));
        assertEquals("int[]", TypeNames.shortName(int[].class));
    }

    @Test
    void aLambdaGoesByTheClassThatWroteIt() {
        Class<?> lambda = adder(3, 4).getClass();
        assertEquals("TypeNamesTest lambda", TypeNames.shortName(lambda));
    }

    @Test
    void aNonCapturingLambdaToo() {
        Runnable nothing = () -> { };
        assertEquals("TypeNamesTest lambda", TypeNames.shortName(nothing.getClass()));
    }

    @Test
    void anAnonymousClassGoesByItsBinaryNameAfterThePackage() {
        Object anonymous = new Object() { };
        assertEquals("TypeNamesTest$1", TypeNames.shortName(anonymous.getClass()));
    }
}
