package escapelab.kernel.errors;

import java.util.List;

/**
 * An error as Jupyter shows it.
 *
 * @param name the error's kind, such as an exception class name
 * @param value its one-line message
 * @param traceback the lines the front end shows, each without line breaks
 */
public record ErrorReport(String name, String value, List<String> traceback) {

    /** Copies the traceback so the report stays unchanged. */
    public ErrorReport {
        traceback = List.copyOf(traceback);
    }
}
