package escapelab.serve;

import escapelab.measure.ScratchFolder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A JFR recording of allocation samples ({@code jdk.ObjectAllocationSample}) in this JVM while a
 * piece of work runs, read back with {@code jdk.jfr.consumer}: Java's {@code pprof -alloc_*}.
 * JFR samples: each event stands for the bytes its thread allocated since its last sample (the
 * event's weight), so the sums are estimates, good for telling where allocation comes from;
 * the per-thread counters give the exact total.
 *
 * <p>It also records every allocation that took HotSpot's slow path, unsampled: the object that
 * opened a new TLAB ({@code jdk.ObjectAllocationInNewTLAB}) or was placed outside one
 * ({@code jdk.ObjectAllocationOutsideTLAB}). Those are exact events, not estimates: an array that
 * goes outside the TLAB is sampled only when its thread has allocated a whole TLAB's worth since
 * its last sample ({@code jfrObjectAllocationSample.cpp}), so where TLABs are small the samples can
 * miss a large array altogether, and these events cannot.
 */
final class AllocationRecording implements AutoCloseable {

    /** Samples per second: well above JFR's default of 150, so that a few seconds of load give a clear picture. */
    static final String THROTTLE = "2000/s";

    /** The slow-path allocation events, each recorded: in a new TLAB, or outside one. */
    static final List<String> SLOW_PATH = List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");

    /**
     * One allocation event: the allocated type, its stack (top frame first) and its weight in
     * bytes (a sample's weight, or a slow-path event's object size).
     */
    record Sample(String type, List<String> frames, long weight) {
    }

    /** What a recording holds: the throttled samples and the slow-path events. */
    record Recorded(List<Sample> samples, List<Sample> slowPath) {
    }

    private final Recording recording = new Recording();
    private final Path file;

    private AllocationRecording() throws IOException {
        // In the kernel's scratch folder: a kernel killed mid-step leaves no recording behind.
        file = Files.createTempFile(ScratchFolder.shared().dir(), "allocations-", ".jfr");
        recording.enable("jdk.ObjectAllocationSample").with("throttle", THROTTLE).withStackTrace();
        SLOW_PATH.forEach(event -> recording.enable(event).withStackTrace());
        recording.setToDisk(true);
    }

    /** Starts recording. */
    static AllocationRecording start() throws IOException {
        AllocationRecording recording = new AllocationRecording();
        try {
            recording.recording.start();
            return recording;
        } catch (RuntimeException | Error e) {
            recording.close();
            throw e;
        }
    }

    /**
     * Stops recording and returns the samples and slow-path events of the threads whose names
     * {@code threads} accepts. A thread's first sample is left out: HotSpot weighs a sample by what
     * its thread allocated since its previous sample, and for the first one that is everything
     * since the thread began, the work before the recording included.
     */
    Recorded stop(Predicate<String> threads) throws IOException {
        recording.stop();
        recording.dump(file);
        List<RecordedEvent> events = new ArrayList<>(RecordingFile.readAllEvents(file));
        events.sort(Comparator.comparing(RecordedEvent::getStartTime));
        Set<Long> threadsSeen = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        List<Sample> slowPath = new ArrayList<>();
        for (RecordedEvent event : events) {
            RecordedThread thread = event.getThread("eventThread");
            if (thread == null || thread.getJavaName() == null || !threads.test(thread.getJavaName())) {
                continue;
            }
            if (SLOW_PATH.contains(event.getEventType().getName())) {
                slowPath.add(new Sample(typeName(event), frames(event.getStackTrace()), event.getLong("allocationSize")));
                continue;
            }
            boolean firstOfItsThread = threadsSeen.add(thread.getId());
            if (firstOfItsThread) {
                continue;
            }
            samples.add(new Sample(typeName(event), frames(event.getStackTrace()), event.getLong("weight")));
        }
        return new Recorded(samples, slowPath);
    }

    private static String typeName(RecordedEvent event) {
        String name = event.getClass("objectClass").getName();
        return TopFrames.readableType(name);
    }

    private static List<String> frames(RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName()
                        + ":" + frame.getLineNumber());
            }
        }
        return frames;
    }

    @Override
    public void close() throws IOException {
        recording.close();
        Files.deleteIfExists(file);
    }
}
