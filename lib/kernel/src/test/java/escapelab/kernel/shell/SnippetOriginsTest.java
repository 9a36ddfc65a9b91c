package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellErrors.ThrownLink;
import escapelab.kernel.errors.ErrorReport;
import escapelab.kernel.shell.SnippetOrigins.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetOriginsTest {

    @Test
    void runtimeErrorMapsSnippetFramesToCellLines() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("4", Origin.cell(3, 2));
        origins.record("7", Origin.cell(5, 1));
        StackTraceElement[] frames = {
            new StackTraceElement("java.lang.Integer", "parseInt", "Integer.java", 652),
            new StackTraceElement("", "parse", "#4", 3),
            new StackTraceElement("Helper", "lambda$do_it$$0", "#7", 2),
            new StackTraceElement("", "", "#7", 4),
        };
        ErrorReport report = CellErrors.runtime(
                List.of(new ThrownLink("java.lang.NumberFormatException", "For input string: \"x\"", frames)),
                frame -> origins.describe(frame, 5));
        assertEquals("java.lang.NumberFormatException", report.name());
        assertEquals("For input string: \"x\"", report.value());
        assertEquals(List.of(
                "java.lang.NumberFormatException: For input string: \"x\"",
                "    at java.lang.Integer.parseInt(Integer.java:652)",
                "    at parse (cell [3] line 4)",
                "    at Helper.lambda (cell line 2)",
                "    at cell line 4"), report.traceback());
    }

    @Test
    void originsOutsideCellsNameTheirSource() {
        assertEquals("startup script x.jsh line 6", Origin.source("startup script x.jsh", 5).describe(2, 9));
        assertEquals("cell line 7", Origin.cell(9, 5).describe(3, 9));
    }
}
