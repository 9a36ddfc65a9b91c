package escapelab.serve;

import escapelab.evidence.MeasuredTable;
import escapelab.evidence.Numbers;
import escapelab.evidence.TypeNames;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a load's allocations come from, as {@code pprof -alloc_space} lists them: JFR's
 * allocation samples on the server's threads grouped by allocated type and allocating frame,
 * heaviest first, with the estimated bytes per request and the share of all sampled bytes.
 * Immutable.
 */
public final class TopFrames implements MeasuredTable {

    /** How many rows the table shows. */
    static final int ROWS = 8;

    private static final String BORROW = CountingPool.class.getSimpleName() + ".borrow";

    /** One row: a type allocated at a frame, reached from the first frame outside the JDK. */
    record Row(String type, String frame, String via, double bytesPerRequest, double share) {
    }

    private final String name;
    private final List<AllocationRecording.Sample> samples;
    private final List<AllocationRecording.Sample> slowPath;
    private final long requests;
    private final List<Row> rows;

    TopFrames(String name, AllocationRecording.Recorded recorded, long requests) {
        this.name = name;
        this.samples = List.copyOf(recorded.samples());
        this.slowPath = List.copyOf(recorded.slowPath());
        this.requests = Math.max(requests, 1);
        this.rows = group();
    }

    private List<Row> group() {
        Map<List<String>, Long> weights = new LinkedHashMap<>();
        for (AllocationRecording.Sample s : samples) {
            String top = s.frames().isEmpty() ? "(no Java frame)" : s.frames().get(0);
            weights.merge(List.of(s.type(), shortFrame(top), via(s.frames())), s.weight(), Long::sum);
        }
        double total = Math.max(1, totalWeight());
        return weights.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(ROWS)
                .map(e -> new Row(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                        (double) e.getValue() / requests, 100.0 * e.getValue() / total))
                .toList();
    }

    private long totalWeight() {
        return samples.stream().mapToLong(AllocationRecording.Sample::weight).sum();
    }

    /** Returns the table's name. */
    @Override
    public String name() {
        return name;
    }

    /** Returns the number of samples read. */
    public int samples() {
        return samples.size();
    }

    /** Returns the estimated bytes per request of all samples. */
    public double bytesPerRequest() {
        return (double) totalWeight() / requests;
    }

    /**
     * Returns the estimated bytes per request of the samples whose stack passes through a frame
     * whose class and method name contain {@code frame}, such as {@code "CountingPool.borrow"}:
     * the scratch buffers the handler borrowed.
     */
    public double bytesPerRequestThrough(String frame) {
        return (double) through(frame).mapToLong(AllocationRecording.Sample::weight).sum() / requests;
    }

    private Stream<AllocationRecording.Sample> through(String frame) {
        return through(samples, frame);
    }

    private static Stream<AllocationRecording.Sample> through(List<AllocationRecording.Sample> events, String frame) {
        return events.stream().filter(s -> s.frames().stream().anyMatch(f -> f.contains(frame)));
    }

    /** Returns the estimated bytes per request of the scratch buffers: samples through the pool's borrow. */
    public double scratchBytesPerRequest() {
        return bytesPerRequestThrough(BORROW);
    }

    /** Returns how many samples pass through the pool's borrow: the scratch buffers JFR caught. */
    public long scratchSamples() {
        return through(BORROW).count();
    }

    /** Returns the number of slow-path allocations recorded (each one: a new TLAB, or outside one). */
    public int slowPathAllocations() {
        return slowPath.size();
    }

    /**
     * Returns how many slow-path allocations pass through the pool's borrow. Unlike the samples,
     * every one is recorded: a scratch buffer allocated per request opens new TLABs or goes
     * outside them again and again, and a pool that serves every borrow leaves none.
     */
    public long scratchSlowPathAllocations() {
        return through(slowPath, BORROW).count();
    }

    /** Returns the heaviest rows as a table. */
    public Table table() {
        return Table.create(name).addColumns(
                StringColumn.create("type", rows.stream().map(Row::type).toList()),
                StringColumn.create("allocated in", rows.stream().map(Row::frame).toList()),
                StringColumn.create("called from", rows.stream().map(Row::via).toList()),
                DoubleColumn.create("B/request (est.)", rows.stream().mapToDouble(r -> Numbers.round(r.bytesPerRequest())).toArray()),
                DoubleColumn.create("share %", rows.stream().mapToDouble(r -> Numbers.round(r.share())).toArray()));
    }

    @Override
    public String caption() {
        return name + ": " + samples.size() + " JFR allocation samples on the server's threads, about "
                + Numbers.format(bytesPerRequest()) + " B/request in all; " + slowPath.size()
                + " allocations in a new TLAB or outside one, " + scratchSlowPathAllocations() + " through borrow";
    }

    @Override
    public String toString() {
        return caption();
    }

    /** {@code CountingPool.borrow:31} of {@code escapelab.serve.CountingPool.borrow:31}; a cell's class loses its wrapper. */
    static String shortFrame(String frame) {
        int colon = frame.lastIndexOf(':');
        String method = colon < 0 ? frame : frame.substring(0, colon);
        String line = colon < 0 ? "" : frame.substring(colon);
        int dot = method.lastIndexOf('.');
        if (dot < 0) {
            return frame;
        }
        String type = method.substring(0, dot);
        return TypeNames.simpleName(type) + method.substring(dot) + (line.equals(":-1") ? "" : line);
    }

    /** The first frame below the top one that is not the JDK's own code, or "—". */
    static String via(List<String> frames) {
        return frames.stream().skip(1).filter(f -> !isJdk(f)).findFirst().map(TopFrames::shortFrame).orElse("—");
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                || frame.startsWith("sun.") || frame.startsWith("com.sun.");
    }

    /** {@code byte[]} of {@code [B} or {@code byte[]}, {@code String} of {@code java.lang.String}. */
    static String readableType(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element = name.substring(dims);
        if (dims > 0) {
            element = switch (element) {
                case "B" -> "byte";
                case "C" -> "char";
                case "I" -> "int";
                case "J" -> "long";
                case "S" -> "short";
                case "Z" -> "boolean";
                case "F" -> "float";
                case "D" -> "double";
                default -> element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
            };
        }
        return TypeNames.simpleName(element) + "[]".repeat(dims);
    }
}
