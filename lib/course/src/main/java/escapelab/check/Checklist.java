package escapelab.check;

import escapelab.evidence.Evidence;
import escapelab.evidence.Numbers;
import escapelab.notebook.Mistake;
import escapelab.notebook.MimeBundle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A task's acceptance criteria, each checked live. In a notebook it shows as a checklist with
 * green ✔, red ✘ and amber ○ (open); its plain text has one {@code [PASS] }/{@code [FAIL] }/{@code [OPEN] } line per check, so
 * automated runs can grep for {@code [FAIL]}; {@link #markdown()} is for a README.
 *
 * @param title what is being checked, such as {@code Task 2: scalar replacement}
 * @param checks the checks, in the order given
 */
public record Checklist(String title, List<Check> checks) implements MimeBundle, Evidence {

    private static final String GREEN = "#1a7f37";
    private static final String RED = "#cf222e";
    private static final String AMBER = "#9a6700";

    /**
     * Checks and copies the components.
     *
     * @throws Mistake if the title is blank, or checks is empty or holds null
     */
    public Checklist {
        if (title == null || title.isBlank()) {
            throw new Mistake("give the checklist a title, e.g. Checklist.of(\"Task 1\", …)");
        }
        if (checks == null || checks.isEmpty()) {
            throw new Mistake("a checklist needs at least one Check, e.g. Check.that(…).measured(…).below(…)");
        }
        if (checks.contains(null)) {
            throw new Mistake("check " + (checks.indexOf(null) + 1) + " of \"" + title + "\" is null");
        }
        checks = List.copyOf(checks);
    }

    /**
     * Returns a checklist of the given checks.
     *
     * @param title what is being checked
     * @param checks at least one check
     * @return the checklist
     * @throws Mistake if the title is blank, or there are no checks, or one is null
     */
    public static Checklist of(String title, Check... checks) {
        if (checks == null) {
            throw new Mistake("a checklist needs at least one Check");
        }
        return new Checklist(title, Arrays.asList(checks));
    }

    /** Returns the title, which names the checklist in a submission. */
    @Override
    public String name() {
        return title;
    }

    @Override
    public Section section() {
        return Section.CRITERIA;
    }

    /** Returns whether every criterion is met. */
    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Returns the checks that failed, in order (open ones are not failed). */
    public List<Check> failed() {
        return checks.stream().filter(Check::failed).toList();
    }

    /**
     * Returns the checklist as Markdown for a submission's README: a bold title with the count of criteria
     * met, then {@code - [x] criterion — measured …, expected …} per check, failed ones
     * {@code - [ ] …} and marked {@code **FAILED**}, open ones {@code **OPEN**}.
     */
    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("**").append(Check.oneLine(title)).append("** — ").append(summary()).append("\n\n");
        for (Check c : checks) {
            md.append(c.passed() ? "- [x] " : "- [ ] ").append(Check.oneLine(c.criterion())).append(" — ")
                    .append(c.outcome());
            if (c.failed()) {
                md.append(" — **FAILED**");
            } else if (!c.passed()) {
                md.append(" — **OPEN**");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * Returns the notebook views: {@code text/html} (a checklist with ✔/✘, values and
     * expectations, and a header such as "3 of 3 criteria met") and {@code text/plain} (a
     * header line, then one line per check starting with {@code [PASS] } or {@code [FAIL] }).
     */
    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText(html(), toString());
    }

    /** Returns the plain text: {@code title: n of m criteria met}, then one line per check. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(Check.oneLine(title)).append(": ").append(summary()).append('\n');
        for (Check c : checks) {
            text.append(c).append('\n');
        }
        return text.toString();
    }

    private String summary() {
        long met = checks.stream().filter(Check::passed).count();
        long open = checks.stream().filter(c -> c.verdict() == Check.Verdict.OPEN).count();
        return met + " of " + checks.size() + " criteria met" + (open == 0 ? "" : ", " + open + " open");
    }

    private String html() {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"escapelab-checklist\">\n");
        h.append("<div style=\"font-weight:bold;margin-bottom:4px\">").append(MimeBundle.escapeHtml(title)).append(": ")
                .append("<span style=\"color:").append(allPassed() ? GREEN : failed().isEmpty() ? AMBER : RED).append("\">")
                .append(summary()).append("</span></div>\n");
        h.append("<ul style=\"list-style:none;padding-left:0;margin:0\">\n");
        for (Check c : checks) {
            h.append("<li>");
            if (c.passed()) {
                h.append("<span style=\"color:" + GREEN + ";font-weight:bold\" title=\"passed\">✔</span> ");
            } else if (!c.failed()) {
                h.append("<span style=\"color:" + AMBER + ";font-weight:bold\" title=\"open\">○</span> ");
            } else {
                h.append("<span style=\"color:" + RED + ";font-weight:bold\" title=\"failed\">✘</span> ");
            }
            h.append(MimeBundle.escapeHtml(c.criterion())).append(" <span style=\"color:#555\">— ");
            if (c.numeric()) {
                h.append("measured <b>").append(MimeBundle.escapeHtml(Numbers.quantity(c.measured(), c.unit()))).append("</b>, expected ")
                        .append(MimeBundle.escapeHtml(c.expectation()));
            } else {
                h.append(MimeBundle.escapeHtml(c.expectation()));
            }
            h.append("</span></li>\n");
        }
        h.append("</ul>\n</div>");
        return h.toString();
    }
}
