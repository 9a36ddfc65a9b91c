package escapelab.notebook;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host outside a kernel: outputs go to standard output as text, updates are printed as new
 * lines, and the class path is extended for forked JVMs only.
 */
public final class TextHost implements Host {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public String display(Object value) {
        System.out.println(text(value));
        return "text-" + ids.incrementAndGet();
    }

    @Override
    public void updateDisplay(String id, Object value) {
        System.out.println(text(value));
    }

    /**
     * Appends the path to {@code java.class.path}, which forked JVMs inherit. This JVM's own
     * class loaders cannot be extended from here: a caller that needs to load from the path in
     * this JVM must have it on the class path at start-up.
     */
    @Override
    public void addToClasspath(Path path) {
        String entry = path.toAbsolutePath().toString();
        String cp = System.getProperty("java.class.path", "");
        for (String e : cp.split(File.pathSeparator)) {
            if (e.equals(entry)) {
                return;
            }
        }
        System.setProperty("java.class.path", cp.isEmpty() ? entry : cp + File.pathSeparator + entry);
    }

    /** Does nothing: without a session there is nothing to declare into. */
    @Override
    public void declare(String javaSource) {
    }

    /** The plain-text form of a value: its bundle's {@code text/plain}, else {@code toString()}. */
    public static String text(Object value) {
        if (value instanceof MimeBundle bundle) {
            String plain = bundle.mimeBundle().get("text/plain");
            if (plain != null) {
                return plain;
            }
        }
        return String.valueOf(value);
    }
}
