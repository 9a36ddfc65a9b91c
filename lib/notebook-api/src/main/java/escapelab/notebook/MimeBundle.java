package escapelab.notebook;

import java.util.Map;

/**
 * A value that knows how to show itself: a map from MIME type to data, as Jupyter's
 * {@code display_data} carries it. Binary types (such as {@code image/png}) are base64 text.
 * Every bundle should hold {@code text/plain}, the fallback of every front end.
 */
public interface MimeBundle {

    /** Returns MIME type to data, in the order of preference; never empty. */
    Map<String, String> mimeBundle();
}
