package escapelab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamBufferTest {

    @Test
    void drainReturnsWhatWasWrittenOnce() {
        StreamBuffer buffer = new StreamBuffer();
        byte[] text = "progress 10%\n".getBytes(StandardCharsets.UTF_8);
        buffer.write(text, 0, text.length);
        buffer.write('!');
        assertEquals("progress 10%\n!", buffer.drain());
        assertEquals("", buffer.drain());
    }

    @Test
    void aCharacterSplitAcrossWritesWaitsForItsLastByte() {
        StreamBuffer buffer = new StreamBuffer();
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8); // a, then 3 bytes
        buffer.write(euro, 0, 3);
        assertEquals("a", buffer.drain());
        buffer.write(euro, 3, 1);
        assertEquals("€", buffer.drain());
    }

    @Test
    void completeLengthJudgesTheLastSequence() {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, StreamBuffer.completeUtf8Length(emoji, 3));
        assertEquals(4, StreamBuffer.completeUtf8Length(emoji, 4));
        assertEquals(0, StreamBuffer.completeUtf8Length(new byte[0], 0));
        byte[] stray = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
        assertEquals(5, StreamBuffer.completeUtf8Length(stray, 5));
    }

    @Test
    void growsBeyondItsInitialSize() {
        StreamBuffer buffer = new StreamBuffer();
        String big = "x".repeat(20_000);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        assertEquals(big, buffer.drain());
    }
}
