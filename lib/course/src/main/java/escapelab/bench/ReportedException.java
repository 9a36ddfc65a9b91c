package escapelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exception a forked JVM reported as text (JMH prints a failed benchmark's stack trace and
 * goes on with the next one), read back so that it can be placed in the learner's cell like
 * one that travelled as an object.
 */
final class ReportedException extends Exception {

    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:[\\w.$]+/)?([\\w.$<>]+)\\.([\\w$<>]+)\\((.*?)\\)\\s*$");
    private static final Pattern FILE_LINE = Pattern.compile("^(.+?):(\\d+)$");

    private final String className;

    private ReportedException(String className, String message, ReportedException cause) {
        super(message, cause, false, true);
        this.className = className;
    }

    /** The name of the exception as the forked JVM printed it, e.g. {@code java.lang.IllegalStateException}. */
    String className() {
        return className;
    }

    /** Reads a printed stack trace: its first line, its frames, and each "Caused by:" in turn. */
    static ReportedException parse(String trace) {
        List<List<String>> blocks = new ArrayList<>();
        for (String line : trace.strip().split("\\R")) {
            if (blocks.isEmpty() || line.startsWith("Caused by: ")) {
                blocks.add(new ArrayList<>());
            }
            blocks.get(blocks.size() - 1).add(line);
        }
        ReportedException cause = null;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            cause = read(blocks.get(i), cause);
        }
        return cause;
    }

    private static ReportedException read(List<String> block, ReportedException cause) {
        String head = block.get(0).replaceFirst("^Caused by: ", "").strip();
        int colon = head.indexOf(": ");
        String name = colon < 0 ? head : head.substring(0, colon);
        String message = colon < 0 ? null : head.substring(colon + 2);
        ReportedException reported = new ReportedException(name, message, cause);
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : block.subList(1, block.size())) {
            Matcher frame = FRAME.matcher(line);
            if (frame.matches()) {
                Matcher fileLine = FILE_LINE.matcher(frame.group(3));
                String file = fileLine.matches() ? fileLine.group(1) : null;
                int number = fileLine.matches() ? Integer.parseInt(fileLine.group(2)) : -1;
                frames.add(new StackTraceElement(frame.group(1), frame.group(2), file, number));
            }
        }
        reported.setStackTrace(frames.toArray(StackTraceElement[]::new));
        return reported;
    }
}
