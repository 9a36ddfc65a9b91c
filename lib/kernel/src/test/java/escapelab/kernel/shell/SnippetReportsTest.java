package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetReportsTest {

    @Test
    void kernelFramesAreLeftOutOfTraces() {
        StackTraceElement[] frames = {
            new StackTraceElement("escapelab.kernel.display.KernelHost", "declare", "KernelHost.java", 58),
            new StackTraceElement("lib.Course", "setUp", "Course.java", 12),
            new StackTraceElement("escapelab.kernel.display.Display", "display", "Display.java", 20),
            new StackTraceElement("", "", "#3", 1),
        };
        assertEquals(List.of(frames[1], frames[3]), List.of(SnippetReports.withoutKernelFrames(frames)));
    }
}
