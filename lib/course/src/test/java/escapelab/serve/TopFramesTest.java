package escapelab.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopFramesTest {

    private static AllocationRecording.Sample sample(String type, long weight, String... frames) {
        return new AllocationRecording.Sample(type, List.of(frames), weight);
    }

    @Test
    void groupsByTypeAndFrameHeaviestFirstPerRequest() {
        TopFrames frames = new TopFrames("t", new AllocationRecording.Recorded(List.of(
                sample("byte[]", 3000, "escapelab.serve.NoPool.borrow:9", "escapelab.serve.CountingPool.borrow:22"),
                sample("byte[]", 1000, "escapelab.serve.NoPool.borrow:9", "escapelab.serve.CountingPool.borrow:22"),
                sample("String", 1000, "java.lang.StringLatin1.newString:1", "sun.net.httpserver.Request.readLine:7")),
                List.of(sample("byte[]", 16400, "escapelab.serve.NoPool.borrow:9", "escapelab.serve.CountingPool.borrow:22"),
                        sample("String", 24, "java.lang.StringLatin1.newString:1"))),
                10);
        assertEquals(500, frames.bytesPerRequest());
        assertEquals(400, frames.scratchBytesPerRequest());
        // The slow-path events count apart from the samples: they weigh nothing in the table.
        assertEquals(2, frames.slowPathAllocations());
        assertEquals(1, frames.scratchSlowPathAllocations());
        var table = frames.table();
        assertEquals(2, table.rowCount());
        assertEquals("byte[]", table.stringColumn("type").get(0));
        assertEquals("NoPool.borrow:9", table.stringColumn("allocated in").get(0));
        assertEquals("CountingPool.borrow:22", table.stringColumn("called from").get(0));
        assertEquals(400, table.doubleColumn("B/request (est.)").get(0));
        assertEquals(80, table.doubleColumn("share %").get(0));
        assertEquals("—", table.stringColumn("called from").get(1));
        assertTrue(frames.toString().contains("3 JFR allocation samples"), frames.toString());
    }

    @Test
    void namesReadAsInTheSource() {
        assertEquals("byte[]", TopFrames.readableType("[B"));
        assertEquals("byte[]", TopFrames.readableType("byte[]"));
        assertEquals("String[][]", TopFrames.readableType("[[Ljava.lang.String;"));
        assertEquals("Entry", TopFrames.readableType("java.util.HashMap$Entry"));
        assertEquals("ScratchBuffers.borrow:12", TopFrames.shortFrame("REPL.$JShell$15$ScratchBuffers.borrow:12"));
        assertEquals("Arrays.copyOf", TopFrames.shortFrame("java.util.Arrays.copyOf:-1"));
    }
}
