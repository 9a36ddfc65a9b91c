package escapelab.submit;

import escapelab.notebook.MimeBundle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished export.
 *
 * @param folder where it was written
 * @param files the files in it, relative to the folder
 * @param warning a warning to show (such as a saved notebook older than the run), or null
 */
public record Exported(Path folder, List<String> files, String warning) implements MimeBundle {

    public Exported {
        files = List.copyOf(files);
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        StringBuilder html = new StringBuilder("<div>&#10003; Exported to <code>").append(MimeBundle.escapeHtml(folder.toString()))
                .append("</code>: ").append(MimeBundle.escapeHtml(String.join(", ", files))).append("</div>");
        if (warning != null) {
            html.append("<div style=\"color:#b35900\">&#9888; ").append(MimeBundle.escapeHtml(warning)).append("</div>");
        }
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        return "Exported to " + folder + ": " + String.join(", ", files) + (warning == null ? "" : "\nWarning: " + warning);
    }

}
