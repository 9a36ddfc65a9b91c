package escapelab.bench;

import escapelab.cell.BenchClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A stack trace a forked JVM printed, read back and placed in the learner's cell. */
class ReportedExceptionTest {

    private static final String TRACE = """
            java.lang.IllegalStateException: boom in benchmark
            \tat cells.Boom.helper(Boom.java:9)
            \tat cells.Boom.boom(Boom.java:6)
            \tat cells.jmh_generated.Boom_boom_jmhTest.boom_avgt_jmhStub(Boom_boom_jmhTest.java:190)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            Caused by: java.io.IOException: disk
            \tat cells.Boom.read(Boom.java:12)
            \t... 3 more
            """;

    private static final BenchClass BOOM = new BenchClass("cells.Boom", "Boom",
            "import org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\npublic class Boom {\n    int x;\n"
                    + "    @Benchmark public int boom() {\n        return helper();\n    }\n    int helper() {\n"
                    + "        throw new IllegalStateException(\"boom in benchmark\");\n    }\n}\n",
            List.of("cells.Boom"), List.of("boom"), 3);

    @Test
    void aPrintedTraceReadsBackWithItsNameMessageFramesAndCause() {
        ReportedException reported = ReportedException.parse(TRACE);

        assertEquals("java.lang.IllegalStateException", reported.className());
        assertEquals("boom in benchmark", reported.getMessage());
        assertEquals(4, reported.getStackTrace().length);
        assertEquals(new StackTraceElement("cells.Boom", "helper", "Boom.java", 9), reported.getStackTrace()[0]);
        assertEquals("java.lang.Thread", reported.getStackTrace()[3].getClassName());
        ReportedException cause = (ReportedException) reported.getCause();
        assertEquals("java.io.IOException", cause.className());
        assertEquals("disk", cause.getMessage());
        assertNull(cause.getCause());
    }

    @Test
    void aFailureIsSaidWithTheCellLineThatThrew() {
        assertEquals("Boom.boom threw java.lang.IllegalStateException: boom in benchmark\n"
                + "    at line 11 of the %%jmh cell of Boom (in Boom.helper): "
                + "throw new IllegalStateException(\"boom in benchmark\");",
                BenchmarkFailure.describe("cells.Boom.boom", TRACE, List.of(BOOM)));
    }

    @Test
    void aFailureOutsideTheCellsIsSaidByItsFirstLine() {
        assertEquals("Boom.boom failed: java.lang.OutOfMemoryError: Java heap space",
                BenchmarkFailure.describe("cells.Boom.boom", "java.lang.OutOfMemoryError: Java heap space\n"
                        + "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)\n", List.of(BOOM)));
    }
}
