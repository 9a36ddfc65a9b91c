package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WrapperNamesTest {

    @Test
    void wrapperPrefixesLeaveTheNamesTheLearnerWrote() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                WrapperNames.asWritten("Cannot invoke \"String.length()\" because \"REPL.$JShell$193.s\" is null"));
        assertEquals("class Point cannot be cast to class java.lang.String",
                WrapperNames.asWritten("class REPL.$JShell$12$Point cannot be cast to class java.lang.String"));
        assertEquals("Point.Inner", WrapperNames.asWritten("REPL.$JShell$7B$Point.Inner"));
    }

    @Test
    void otherTextStaysAsItIs() {
        assertEquals("REPL is a word; $JShell$ alone too", WrapperNames.asWritten("REPL is a word; $JShell$ alone too"));
        assertNull(WrapperNames.asWritten(null));
    }
}
