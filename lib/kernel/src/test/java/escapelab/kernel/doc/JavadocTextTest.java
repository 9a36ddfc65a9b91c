package escapelab.kernel.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    /** Math.max(int, int)'s comment as JShell hands it over: the space after each asterisk kept. */
    private static final String MAX = "Returns the greater of two {@code int} values. That is, the\n"
            + " result is the argument closer to the value of\n"
            + " {@link Integer#MAX_VALUE}. If the arguments have the same value,\n"
            + " the result is that same value.\n\n"
            + " @param   a   an argument.\n"
            + " @param   b   another argument.\n"
            + " @return  the larger of {@code a} and {@code b}.\n";

    @Test
    void inlineTagsBecomeCodeAndBlockTagsLabelledLists() {
        assertEquals("Returns the greater of two `int` values. That is, the result is the argument closer to the "
                + "value of `Integer.MAX_VALUE`. If the arguments have the same value, the result is that same value.\n\n"
                + "**Parameters:**\n- `a`: an argument.\n- `b`: another argument.\n\n"
                + "**Returns:**\n- the larger of `a` and `b`.", JavadocText.markdown(MAX));
        assertFalse(JavadocText.plain(MAX).contains("{@"), JavadocText.plain(MAX));
    }

    @Test
    void htmlParagraphsPreBlocksAndEntitiesBecomeMarkdown() {
        String doc = "Runs it:\n <pre>{@code\n var run = bench(A.class).run();\n if (a < b) { x(); }\n }</pre>\n"
                + " <p>Then <b>read</b> {@code List<String>} and {@linkplain Object#equals(Object) equality}, "
                + "{@code a < b} &amp; {@code c > d}.\n <ul><li>one</li><li>two</li></ul>";
        assertEquals("Runs it:\n\n```java\nvar run = bench(A.class).run();\nif (a < b) { x(); }\n```\n\n"
                + "Then **read** `List<String>` and equality, `a < b` & `c > d`.\n\n- one\n- two",
                JavadocText.markdown(doc));
    }

    @Test
    void nothingIsNothing() {
        assertEquals("", JavadocText.markdown(null));
        assertEquals("", JavadocText.markdown("  "));
    }
}
