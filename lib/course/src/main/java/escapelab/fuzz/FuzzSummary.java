package escapelab.fuzz;

import escapelab.evidence.Numbers;
import escapelab.notebook.MimeBundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fuzz run did, read from libFuzzer's output: its last status line
 * ({@code #4280533 DONE cov: 33 ft: 38 corp: 10/178b ...}), its closing line
 * ({@code Done 4280533 runs in 61 second(s)}) and, where the target threw, Jazzer's finding.
 *
 * @param executions inputs run
 * @param seconds how long it fuzzed, as libFuzzer counts it; 0 where it stopped at a finding
 * @param coverage coverage points (edges of the instrumented code) reached
 * @param features coverage features (edges with hit counts, compared values) reached
 * @param corpusEntries inputs in the corpus at the end: one per new behaviour found
 * @param corpusSize the corpus's total size, as libFuzzer writes it ({@code 178b}, {@code 2Kb})
 * @param finding the exception that crashed the target, first line; empty for none
 * @param crashInput where libFuzzer saved the crashing input; empty for none
 * @param statusLine the last status line, as printed
 */
public record FuzzSummary(long executions, long seconds, int coverage, int features, int corpusEntries,
                          String corpusSize, String finding, String crashInput, String statusLine)
        implements MimeBundle {

    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+(\\w+)\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/(\\S+)");
    private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second");
    private static final Pattern EXECUTED = Pattern.compile("^stat::number_of_executed_units:\\s*(\\d+)");
    private static final Pattern FINDING = Pattern.compile("^== Java Exception: (.*)");
    private static final Pattern CRASH_INPUT = Pattern.compile("Test unit written to (\\S+)");

    /**
     * Reads a fuzz run's output.
     *
     * @throws IllegalArgumentException if the output holds no status line (the fuzzer never
     *     started), with its last lines
     */
    public static FuzzSummary parse(String output) {
        Matcher status = null;
        String statusLine = null;
        long executions = -1;
        long executed = -1;
        long seconds = 0;
        String finding = "";
        String crashInput = "";
        for (String line : output.split("\\R")) {
            Matcher m = STATUS.matcher(line);
            if (m.find()) {
                status = m;
                statusLine = line.strip();
                continue;
            }
            m = DONE.matcher(line);
            if (m.find()) {
                executions = Long.parseLong(m.group(1));
                seconds = Long.parseLong(m.group(2));
                continue;
            }
            m = EXECUTED.matcher(line);
            if (m.find()) {
                executed = Long.parseLong(m.group(1));
                continue;
            }
            m = FINDING.matcher(line);
            if (m.find() && finding.isEmpty()) {
                finding = m.group(1).strip();
                continue;
            }
            m = CRASH_INPUT.matcher(line);
            if (m.find()) {
                crashInput = m.group(1);
            }
        }
        if (status == null && !finding.isEmpty()) {
            // A seed crashed the target before libFuzzer's first status line.
            return new FuzzSummary(Math.max(executed, 1), 0, 0, 0, 0, "0b", finding, crashInput, "");
        }
        if (status == null) {
            List<String> lines = output.lines().toList();
            throw new IllegalArgumentException("the fuzzer printed no status line; its last lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        if (executed >= 0) {
            // The final stats count every input, a crash's run included; status lines lag.
            executions = executed;
        } else if (executions < 0) {
            executions = Long.parseLong(status.group(1));
        }
        return new FuzzSummary(executions, seconds, Integer.parseInt(status.group(3)),
                Integer.parseInt(status.group(4)), Integer.parseInt(status.group(5)), status.group(6),
                finding, crashInput, statusLine);
    }

    /** Whether the target threw on an input: a finding. */
    public boolean crashed() {
        return !finding.isEmpty();
    }

    /** One line: executions, time, coverage, corpus and the finding or its absence. */
    @Override
    public String toString() {
        String ran = Numbers.count(executions) + " inputs" + (seconds > 0 ? " in " + seconds + " s" : "");
        String found = crashed() ? "crashed on an input: " + finding
                + (crashInput.isEmpty() ? "" : " (input saved as " + crashInput + ")") : "no crash";
        return "fuzzed " + ran + ": coverage " + coverage + " points (" + features + " features), corpus "
                + corpusEntries + " inputs (" + corpusSize + "), " + found;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/markdown", statusLine.isEmpty() ? toString()
                : toString() + "  \nlibFuzzer's last status line: `" + statusLine + "`");
        bundle.put("text/plain", (toString() + "\n" + statusLine).strip());
        return bundle;
    }
}
