package escapelab.kernel.shell;

import java.util.ArrayList;
import java.util.List;

/** Line and column arithmetic over a piece of source text, all 1-based as editors count. */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number of lines; a trailing newline opens an (empty) last line. */
    int lineCount() {
        return lineStarts.length;
    }

    /** The line holding {@code offset}; offsets past the end count as on the last line. */
    int lineOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= clamped) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** The column of {@code offset} within its line. */
    int columnOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts[lineOf(clamped) - 1] + 1;
    }

    /** The text of a line, without its line break. */
    String line(int lineNumber) {
        int start = lineStarts[lineNumber - 1];
        int end = lineNumber < lineStarts.length ? lineStarts[lineNumber] - 1 : text.length();
        String line = text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
