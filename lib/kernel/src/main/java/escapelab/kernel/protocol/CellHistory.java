package escapelab.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel, for history requests: the last ones, a range of execution
 * counts, or those that match a glob pattern. In memory: history lasts as long as the kernel.
 */
public final class CellHistory {

    /** How many cells a tail request without {@code n} returns, as IPython does. */
    static final int DEFAULT_TAIL = 10;

    /** A cell as it was run: its execution count, source and the text of its result, if any. */
    public record Entry(int session, int line, String input, String output) {
    }

    private final int session;
    private final List<Entry> entries = new ArrayList<>();

    /** @param session the number this kernel's session goes by in replies */
    public CellHistory(int session) {
        this.session = session;
    }

    int session() {
        return session;
    }

    public synchronized void record(int executionCount, String input, String output) {
        entries.add(new Entry(session, executionCount, input, output == null ? "" : output));
    }

    /** The last {@code n} cells, oldest first; {@code n <= 0} means {@value #DEFAULT_TAIL}. */
    public synchronized List<Entry> tail(int n) {
        int count = n <= 0 ? DEFAULT_TAIL : n;
        return List.copyOf(entries.subList(Math.max(0, entries.size() - count), entries.size()));
    }

    /**
     * Cells with {@code start <= count < stop} of session {@code session} (0 or this session's
     * number: this one; earlier sessions are not kept). A {@code stop} of 0 or less means no end.
     */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != this.session) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /**
     * The last {@code n} cells whose whole source matches {@code glob} ({@code *}, {@code ?} and
     * {@code [...]}), oldest first; {@code n <= 0} means all of them. With {@code unique}, only
     * the last run of each source counts.
     */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = entries.stream().filter(e -> pattern.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> lastOfEach = new LinkedHashMap<>();
            for (Entry entry : matches) {
                lastOfEach.remove(entry.input());
                lastOfEach.put(entry.input(), entry);
            }
            matches = List.copyOf(lastOfEach.values());
        }
        return n <= 0 ? matches : matches.subList(Math.max(0, matches.size() - n), matches.size());
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                regex.append(glob, i, close + 1);
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
