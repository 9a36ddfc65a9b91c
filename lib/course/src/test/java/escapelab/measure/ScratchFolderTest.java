package escapelab.measure;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchFolderTest {

    @TempDir
    Path root;

    @Test
    void writesAFileOfExactlyTheSizeAskedAndReusesIt() throws IOException {
        ScratchFolder folder = ScratchFolder.createIn(root, ProcessHandle.current());
        long size = 3 * (1 << 20) + 17;
        Path file = folder.file("three.bin", size);
        assertEquals(size, Files.size(file));
        assertEquals(folder.dir(), file.getParent());
        byte[] data = Files.readAllBytes(file);
        assertNotEquals(0, data[0] | data[1] | data[2], "a pattern, not zeros");
        long written = Files.getLastModifiedTime(file).toMillis();
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        folder.file("three.bin", size);
        assertEquals(written - 60_000, Files.getLastModifiedTime(file).toMillis(), "the same size is reused");
        assertEquals(10, Files.size(folder.file("three.bin", 10)), "another size is written again");
    }

    @Test
    void anInterruptedWriteLeavesNothingBehind() throws IOException {
        ScratchFolder folder = ScratchFolder.createIn(root, ProcessHandle.current());
        Thread.currentThread().interrupt();
        try {
            assertThrows(IOException.class, () -> folder.file("fifty.bin", 50L << 20));
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> left = Files.list(folder.dir())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void namesAndSizesAreChecked() throws IOException {
        ScratchFolder folder = ScratchFolder.createIn(root, ProcessHandle.current());
        assertThrows(Mistake.class, () -> folder.file("../escape.bin", 1));
        assertThrows(Mistake.class, () -> folder.file("x.partial", 1));
        assertThrows(Mistake.class, () -> folder.file("ok.bin", -1));
    }

    @Test
    void deletesTheFoldersOfEndedProcessesOnly() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        Path ofEnded = Files.createDirectory(root.resolve(ScratchFolder.PREFIX + ended.pid() + "-0"));
        Files.writeString(ofEnded.resolve("fifty.bin"), "left by a killed kernel");
        long self = ProcessHandle.current().pid();
        Path ofReusedPid = Files.createDirectory(root.resolve(ScratchFolder.PREFIX + self + "-1"));
        Path unrelated = Files.createDirectory(root.resolve("escapelab-other"));

        ScratchFolder mine = ScratchFolder.createIn(root, ProcessHandle.current());

        assertFalse(Files.exists(ofEnded));
        assertFalse(Files.exists(ofReusedPid), "same pid, another start time: an ended process");
        assertTrue(Files.isDirectory(unrelated));
        assertTrue(Files.isDirectory(mine.dir()));
        assertFalse(OwnedFolders.ownerHasEnded(ScratchFolder.PREFIX, mine.dir().getFileName().toString()));
    }

    @Test
    void theFolderGoesWhenItsJvmEndsAndAKilledJvmsFolderAtTheNextStart() throws Exception {
        Process normal = child("exit");
        Path normalDir = Path.of(firstLine(normal));
        assertEquals(0, normal.waitFor());
        assertFalse(Files.exists(normalDir), "deleted by the shutdown hook");

        Process killed = child("wait");
        Path killedDir = Path.of(firstLine(killed));
        assertTrue(Files.exists(killedDir.resolve("big.bin")));
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(killedDir), "a killed JVM runs no shutdown hook");

        ScratchFolder.createIn(root, ProcessHandle.current());
        assertFalse(Files.exists(killedDir), "the next scratch folder deletes the dead one");
    }

    private Process child(String then) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.io.tmpdir=" + root, "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), then).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine();
    }

    /** A JVM that makes a scratch file, prints its folder, then exits or waits to be killed. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Path file = ScratchFolder.shared().file("big.bin", 1 << 20);
            System.out.println(file.getParent());
            System.out.flush();
            if (args[0].equals("wait")) {
                Thread.sleep(60_000);
            }
        }
    }
}
