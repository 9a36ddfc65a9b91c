package escapelab.submit;

import escapelab.notebook.Mistake;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link WorkingFolderTest} in a child JVM whose working folder the test chooses (a JVM
 * cannot change its own): prints what {@link SavedNotebook#find}, {@link Submission#folder()} and
 * {@link Submission#exportSession} see from there, one {@code @key=value} line per command.
 *
 * <p>Commands: {@code find:NAME}, {@code folder}, {@code mkdir:PATH}, {@code export:NAME}.
 */
public final class InWorkingFolder {

    private InWorkingFolder() {
    }

    public static void main(String[] args) throws Exception {
        for (String command : args) {
            String[] parts = command.split(":", 2);
            try {
                switch (parts[0]) {
                    case "find" -> print("found", SavedNotebook.find(parts[1]).path());
                    case "folder" -> print("folder", Submission.folder());
                    case "mkdir" -> Files.createDirectories(Path.of(parts[1]));
                    case "export" -> {
                        Exported exported = Submission.exportSession(parts[1]);
                        print("exported", exported.folder());
                        print("files", String.join(",", exported.files()));
                    }
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
            } catch (Mistake mistake) {
                print("mistake", mistake.getMessage());
            }
        }
    }

    private static void print(String key, Object value) {
        System.out.println("@" + key + "=" + value);
    }
}
