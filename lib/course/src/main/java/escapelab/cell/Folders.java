package escapelab.cell;

import escapelab.measure.OwnedFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Deleting the temporary folders the course writes (compiled cells, compile logs). */
public final class Folders {

    private Folders() {
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path root) throws IOException {
        OwnedFolders.deleteTree(root);
    }

    /** Deletes a folder if it can: a temporary folder left behind is harmless. */
    public static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
