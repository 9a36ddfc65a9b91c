package escapelab.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value that knows how to show itself: a map from MIME type to data, as Jupyter's
 * {@code display_data} carries it. Binary types (such as {@code image/png}) are base64 text.
 * Every bundle should hold {@code text/plain}, the fallback of every front end.
 */
public interface MimeBundle {

    /** Returns MIME type to data, in the order of preference; never empty. */
    Map<String, String> mimeBundle();

    /** The usual pair: an HTML view with its plain-text fallback. */
    static Map<String, String> htmlAndText(String html, String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html);
        bundle.put("text/plain", text);
        return Collections.unmodifiableMap(bundle);
    }

    /** Escapes text for HTML content and attribute values; {@code null} becomes empty. */
    static String escapeHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
