package escapelab.measure;

import escapelab.evidence.Numbers;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import org.openjdk.jol.vm.VirtualMachine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;

/**
 * A {@link HashMap}'s bucket array watched while the map is filled: its length (the capacity)
 * read after every put, so that each resize is seen when it happens, not inferred from the
 * load factor. A resize is a put after which the table is a new, longer array; the first table
 * a map allocates (at its first put, whatever its initial capacity) is not a resize.
 *
 * <p>How the table is read: {@code HashMap.table} is a private field of {@code java.base}, and
 * reflection may not open it without {@code --add-opens java.base/java.util=ALL-UNNAMED} on the
 * JVM's command line (JDK 16 and later). JOL, which the course already uses for layouts, reads
 * fields by their offset instead ({@code VM.current().fieldOffset} and {@code getObject}), the
 * way it reads any object it sizes: that works on JDK 17 and 25 alike with no flag.
 *
 * <pre>{@code
 * MapGrowth g = MapGrowth.fill("no hint", new HashMap<Integer, Integer>(), keys.length, (m, i) -> m.put(keys[i], keys[i]));
 * g.resizes();       // 17 for 1M entries from the default capacity
 * g.finalCapacity(); // 2,097,152
 * }</pre>
 *
 * @param label what the map was, e.g. {@code new HashMap<>()}
 * @param entries how many puts were made
 * @param steps every change of capacity, in order: the first table, then each resize
 * @param arrayBytes the bytes of each table the map allocated, in the same order (JOL's sizes)
 */
public record MapGrowth(String label, int entries, List<Step> steps, List<Long> arrayBytes) implements MimeBundle {

    /**
     * One change of the table's length.
     *
     * @param size how many entries the map held after the put that changed it
     * @param from the capacity before (0: no table yet)
     * @param to the capacity after
     */
    public record Step(int size, int from, int to) {
    }

    /** Copies the lists. */
    public MapGrowth {
        steps = List.copyOf(steps);
        arrayBytes = List.copyOf(arrayBytes);
    }

    /**
     * Fills a map with {@code puts} calls of {@code put} (given the map and the index 0 ..
     * puts-1), reading the table's length after each.
     *
     * @throws Mistake if the map is null or the count negative
     */
    public static <M extends HashMap<?, ?>> MapGrowth fill(String label, M map, int puts, ObjIntConsumer<M> put) {
        if (map == null || put == null) {
            throw new Mistake("pass a map and how to put entry i, e.g. mapGrowth(\"no hint\", new HashMap<Integer, "
                    + "Integer>(), keys.length, (m, i) -> m.put(keys[i], keys[i]))");
        }
        if (puts < 0) {
            throw new Mistake("the number of puts cannot be negative: " + puts);
        }
        List<Step> steps = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        Object table = table(map);
        for (int i = 0; i < puts; i++) {
            put.accept(map, i);
            Object now = table(map);
            if (now != table) {
                steps.add(new Step(map.size(), length(table), length(now)));
                bytes.add(JolVm.current().sizeOf(now));
                table = now;
            }
        }
        return new MapGrowth(label, puts, steps, bytes);
    }

    /**
     * The capacity of a map now: its table's length, 0 before the first put allocates it.
     *
     * @throws Mistake if the map is null
     */
    public static int capacity(HashMap<?, ?> map) {
        if (map == null) {
            throw new Mistake("pass a map, e.g. capacity(new HashMap<>(1000))");
        }
        return length(table(map));
    }

    private static final Field TABLE;

    static {
        try {
            TABLE = HashMap.class.getDeclaredField("table");
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("this JDK's HashMap has no field 'table': " + e);
        }
    }

    private static Object table(HashMap<?, ?> map) {
        VirtualMachine vm = JolVm.current();
        return vm.getObject(map, vm.fieldOffset(TABLE));
    }

    private static int length(Object table) {
        return table == null ? 0 : ((Object[]) table).length;
    }

    /** How many times the map replaced its table by a longer one (the first table is not counted). */
    public int resizes() {
        return (int) steps.stream().filter(s -> s.from() > 0).count();
    }

    /** The capacity after the last put. */
    public int finalCapacity() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).to();
    }

    /** The bytes of every table but the last: what the resizes left behind as garbage. */
    public long discardedTableBytes() {
        return arrayBytes.stream().limit(Math.max(0, arrayBytes.size() - 1)).mapToLong(Long::longValue).sum();
    }

    /** The bytes of every table the map allocated, the last one included. */
    public long allTableBytes() {
        return arrayBytes.stream().mapToLong(Long::longValue).sum();
    }

    /** One line, e.g. {@code new HashMap<>(): 1,000,000 puts, 17 resizes, capacity 16 → 2,097,152}. */
    public String summary() {
        String path = steps.stream().map(s -> Numbers.count(s.to())).collect(Collectors.joining(" → "));
        return label + ": " + Numbers.count(entries) + " puts, " + resizes() + (resizes() == 1 ? " resize" : " resizes")
                + ", capacity " + (path.isEmpty() ? "0" : path) + "; tables allocated " + Numbers.count(allTableBytes())
                + " bytes, " + Numbers.count(discardedTableBytes()) + " of them discarded";
    }

    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText("<div>" + MimeBundle.escapeHtml(summary()) + "</div>", summary());
    }

    @Override
    public String toString() {
        return summary();
    }
}
