package escapelab.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder named after its owner goes when a later one of its kind is made after the owner ended. */
class OwnedFoldersTest {

    @TempDir
    Path root;

    @Test
    void anEndedOwnersFoldersGoWithTheNextOneMadeAndOthersStay() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        Path ofEnded = Files.createDirectory(root.resolve(OwnedFolders.name("escapelab-cells-", ended.toHandle()) + "-123"));
        Files.writeString(ofEnded.resolve("Point.class"), "left by a killed kernel");
        Path otherKind = Files.createDirectory(root.resolve(OwnedFolders.name("escapelab-javac-", ended.toHandle()) + "-4"));
        Path oldName = Files.createDirectory(root.resolve("escapelab-cells-7818709928100290854"));

        Path mine = OwnedFolders.create(root, "escapelab-cells-");
        Path mineToo = OwnedFolders.create(root, "escapelab-cells-");

        assertFalse(Files.exists(ofEnded), "the ended kernel's folder is deleted");
        assertTrue(Files.isDirectory(otherKind), "another kind is left to its own next creation");
        assertTrue(Files.isDirectory(oldName), "a name without an owner is not ours to judge");
        assertTrue(Files.isDirectory(mine) && Files.isDirectory(mineToo), "a live owner's folders stay");
        assertTrue(mine.getFileName().toString().startsWith(OwnedFolders.name("escapelab-cells-", ProcessHandle.current()) + "-"));
        assertFalse(OwnedFolders.ownerHasEnded("escapelab-cells-", mine.getFileName().toString()));
    }
}
