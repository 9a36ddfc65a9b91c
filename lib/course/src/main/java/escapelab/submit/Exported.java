package escapelab.submit;

import escapelab.check.Check;
import escapelab.notebook.MimeBundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished export, and what it holds: how many of the task's criteria are met, and which are
 * not (failed, or open such as an analysis that is only the reference answer), so that the
 * learner reads it where they exported, not only in the README.
 *
 * @param folder where it was written
 * @param files the files in it, relative to the folder
 * @param criteria the checks of every checklist the session showed, in order
 * @param warning a warning to show (such as a saved notebook older than the run), or null
 */
public record Exported(Path folder, List<String> files, List<Check> criteria, String warning) implements MimeBundle {

    public Exported {
        files = List.copyOf(files);
        criteria = List.copyOf(criteria);
    }

    /** Whether every criterion is met (and there is at least one). */
    public boolean complete() {
        return !criteria.isEmpty() && criteria.stream().allMatch(Check::passed);
    }

    /**
     * The headline: {@code Exported to F with 2 of 3 criteria met, 1 open}, or with no criteria
     * checked when no checklist ran.
     */
    public String headline() {
        if (criteria.isEmpty()) {
            return "Exported to " + folder + " with no criteria checked: run the task's checks(...) cell, then submit again";
        }
        long met = criteria.stream().filter(Check::passed).count();
        long failed = criteria.stream().filter(Check::failed).count();
        long open = criteria.size() - met - failed;
        return "Exported to " + folder + " with " + met + " of " + criteria.size() + " criteria met"
                + (failed == 0 ? "" : ", " + failed + " failed") + (open == 0 ? "" : ", " + open + " open");
    }

    /** One line per criterion not met: {@code ✘ criterion: outcome} or {@code ○ criterion: outcome}. */
    public List<String> notMet() {
        List<String> lines = new ArrayList<>();
        for (Check c : criteria) {
            if (!c.passed()) {
                lines.add((c.failed() ? "✘ " : "○ ") + c.criterion() + ": " + c.outcome());
            }
        }
        return lines;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        String color = complete() ? "#1e7e34" : "#b35900";
        StringBuilder html = new StringBuilder("<div style=\"color:").append(color).append("\">")
                .append(complete() ? "&#10003; " : "&#9888; ").append(MimeBundle.escapeHtml(headline()))
                .append(notMet().isEmpty() ? "" : ":").append("</div>");
        if (!notMet().isEmpty()) {
            html.append("<ul style=\"list-style:none;padding-left:1em;margin:0\">");
            notMet().forEach(line -> html.append("<li>").append(MimeBundle.escapeHtml(line)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<div>Files: ").append(MimeBundle.escapeHtml(String.join(", ", files))).append("</div>");
        if (warning != null) {
            html.append("<div style=\"color:#b35900\">&#9888; ").append(MimeBundle.escapeHtml(warning)).append("</div>");
        }
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(complete() ? "✓ " : "⚠ ").append(headline())
                .append(notMet().isEmpty() ? "" : ":");
        notMet().forEach(line -> text.append("\n  ").append(line));
        text.append("\nFiles: ").append(String.join(", ", files));
        return text + (warning == null ? "" : "\nWarning: " + warning);
    }
}
