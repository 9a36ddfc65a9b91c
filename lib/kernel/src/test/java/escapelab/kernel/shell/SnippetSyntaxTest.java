package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetSyntaxTest {

    @Test
    void everyKindOfSnippetParses() {
        for (String snippet : new String[] {"int a = 1;", "a++;", "System.out.println(a);", "1 + 2;", "\"x\".length()",
                "void m() { }", "class K { int x; }", "record R(int x) {}", "import java.util.*;",
                "public static final int LIMIT = 3;", "int unknown = missing();", "for (int i = 0; i < 3; i++) { }"}) {
            assertTrue(SnippetSyntax.parses(snippet), snippet);
        }
    }

    @Test
    void whatIsNoJavaDoesNot() {
        for (String snippet : new String[] {"int 3x = 4;", "int c = );", "class { }", "import ;"}) {
            assertFalse(SnippetSyntax.parses(snippet), snippet);
        }
    }
}
