package escapelab.notebook;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The one place where a kernel and the libraries it hosts meet. */
public final class Notebook {

    private static volatile Host host = new TextHost();
    private static final Map<String, CellMagic> CELL_MAGICS = new ConcurrentHashMap<>();

    private Notebook() {
    }

    /** Returns the kernel's host, or the plain-text fallback when no kernel installed one. */
    public static Host host() {
        return host;
    }

    /** Whether a kernel installed its host (rich output is shown), as opposed to plain text. */
    public static boolean inKernel() {
        return !(host instanceof TextHost);
    }

    /** Installs the kernel's host; called by a kernel at start-up. */
    public static void install(Host kernelHost) {
        host = Objects.requireNonNull(kernelHost, "host");
    }

    /**
     * Registers a cell magic, replacing any of the same name.
     *
     * @param name the magic's name, without {@code %%}
     */
    public static void registerCellMagic(String name, CellMagic magic) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a cell magic name is a letter then letters, digits or _: " + name);
        }
        CELL_MAGICS.put(name, Objects.requireNonNull(magic, "magic"));
    }

    /** The names of the registered cell magics, sorted. */
    public static java.util.SortedSet<String> cellMagicNames() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(CELL_MAGICS.keySet()));
    }

    /** Returns the cell magic registered under {@code name}, if any. */
    public static Optional<CellMagic> cellMagic(String name) {
        return Optional.ofNullable(CELL_MAGICS.get(name));
    }
}
