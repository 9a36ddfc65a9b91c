package escapelab.kernel.magic;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What {@code %%time} reports, as IPython words it: the wall-clock time a cell took and the CPU
 * time the kernel's JVM spent meanwhile (all its threads, the JIT compiler's and the garbage
 * collector's included: the JVM reports no user/system split).
 */
public final class CellTimer {

    private final long startWall = System.nanoTime();
    private final long startCpu = processCpuNanos();

    /** The two lines to print once the cell has run. */
    public String report() {
        long wall = System.nanoTime() - startWall;
        long cpu = processCpuNanos() - startCpu;
        return (cpu < 0 ? "CPU times: not measurable in this JVM" : "CPU times: total " + format(cpu))
                + "\nWall time: " + format(wall);
    }

    /** A duration with three significant digits in the unit that suits it, as IPython's. */
    static String format(long nanos) {
        if (nanos >= 60_000_000_000L) {
            long seconds = Math.round(nanos / 1e9);
            return seconds / 60 + "min " + seconds % 60 + "s";
        }
        String[] units = {"s", "ms", "\u00b5s", "ns"};
        double value = nanos / 1e9;
        for (String unit : units) {
            if (value >= 1 || unit.equals("ns")) {
                String digits = String.format(Locale.ROOT, "%.3g", value);
                if (digits.contains(".")) {
                    digits = digits.replaceFirst("\\.?0+$", "");
                }
                return digits + " " + unit;
            }
            value *= 1000;
        }
        throw new AssertionError();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
