package escapelab.notebook;

import java.nio.file.Path;

/**
 * What a library running inside a notebook may ask of the notebook: show rich output, update it
 * in place while a cell runs, extend the class path, and declare source in the session.
 *
 * <p>A kernel installs its implementation with {@link Notebook#install(Host)}; without a kernel
 * the {@link TextHost} fallback prints plain text, so libraries stay usable from tests and
 * plain {@code main} methods.
 */
public interface Host {

    /**
     * Shows a value as a new output of the running cell.
     *
     * @param value a {@link MimeBundle}, an image, a chart, a table or any object (its text)
     * @return an id that {@link #updateDisplay(String, Object)} accepts
     */
    String display(Object value);

    /**
     * Replaces the output shown under {@code id} with {@code value}.
     *
     * @throws IllegalArgumentException if no output was shown under that id
     */
    void updateDisplay(String id, Object value);

    /**
     * Makes a folder or jar visible to later cells and to JVMs forked from this one (it is
     * appended to the {@code java.class.path} system property too).
     */
    void addToClasspath(Path path);

    /**
     * Declares Java types and imports in the session, so that later cells can name them by
     * their simple names. Re-declaring a type replaces it.
     *
     * @param javaSource one or more top-level declarations and imports
     * @throws IllegalStateException if the session rejects the source
     */
    void declare(String javaSource);
}
