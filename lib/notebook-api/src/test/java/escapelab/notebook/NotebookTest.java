package escapelab.notebook;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    @Test
    void withoutAKernelTheHostIsPlainText() {
        assertFalse(Notebook.inKernel());
        assertTrue(Notebook.host() instanceof TextHost);
    }

    @Test
    void cellMagicsAreFoundByName() throws Exception {
        CellMagic echo = cell -> cell.args() + "|" + cell.body() + "|" + cell.bodyLine();
        Notebook.registerCellMagic("echo", echo);
        assertSame(echo, Notebook.cellMagic("echo").orElseThrow());
        assertEquals("a|b|2", Notebook.cellMagic("echo").orElseThrow().run(new Cell("a", "b", 2)));
        assertTrue(Notebook.cellMagic("nothing").isEmpty());
    }

    @Test
    void aMagicNameMustBeAnIdentifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.registerCellMagic("%%jmh", cell -> null));
        assertTrue(e.getMessage().contains("%%jmh"), e.getMessage());
    }

    @Test
    void textOfABundleIsItsPlainText() {
        MimeBundle bundle = () -> Map.of("text/html", "<b>x</b>", "text/plain", "x");
        assertEquals("x", TextHost.text(bundle));
        assertEquals("42", TextHost.text(42));
        assertEquals("null", TextHost.text(null));
    }

    @Test
    void theTextHostPutsAPathOnTheForkedClassPathOnce() {
        Path dir = Path.of("target", "some-classes").toAbsolutePath();
        TextHost host = new TextHost();
        host.addToClasspath(dir);
        host.addToClasspath(dir);
        long count = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(dir.toString()::equals).count();
        assertEquals(1, count);
    }

    @Test
    void htmlIsEscapedAndBundlesKeepTheirOrder() {
        assertEquals("Map&lt;K, V&gt; &amp; &quot;x&quot; &#39;y&#39;", MimeBundle.escapeHtml("Map<K, V> & \"x\" 'y'"));
        assertEquals("", MimeBundle.escapeHtml(null));
        assertEquals(java.util.List.of("text/html", "text/plain"),
                java.util.List.copyOf(MimeBundle.htmlAndText("<b>x</b>", "x").keySet()));
    }
}
