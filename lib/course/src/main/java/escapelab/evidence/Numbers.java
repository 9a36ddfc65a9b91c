package escapelab.evidence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How every number the course shows people is rounded: results tables, checks, progress lines,
 * layouts and reports all read alike. Files for machines (JMH's JSON, CSV data) keep full
 * figures.
 */
public final class Numbers {

    private static final MathContext THREE_SIGNIFICANT = new MathContext(3, RoundingMode.HALF_UP);

    /** Below this magnitude a measured figure is noise: {@code 2.3E-5 B/op} means nothing allocated. */
    private static final double NOISE = 1e-3;

    private Numbers() {
    }

    /**
     * Returns the value as people should read it: whole numbers from 100 up ({@code 1234}), three
     * significant digits below ({@code 16}, {@code 1.23}, {@code 0.0123}), 0 for noise (below
     * 0.001). NaN and infinities are returned as they are.
     */
    public static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return value;
        }
        if (Math.abs(value) < NOISE) {
            return 0;
        }
        return rounded(value).doubleValue();
    }

    /**
     * Returns the value as text, rounded as {@link #round(double)} does; noise reads {@code ≈0},
     * NaN {@code n/a}, infinities {@code ∞} and {@code -∞}.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) < NOISE) {
            return "≈0";
        }
        return rounded(value).toPlainString();
    }

    /**
     * Returns a number with its unit: {@code 16 B/op}, {@code 12%}, or the bare number when the
     * unit is empty.
     */
    public static String quantity(double value, String unit) {
        String n = format(value);
        if (unit == null || unit.isEmpty()) {
            return n;
        }
        return unit.startsWith("%") ? n + unit : n + " " + unit;
    }

    /** Returns a count with thousands separators, such as {@code 1,048,648}. */
    public static String count(long n) {
        return countFormat().format(n);
    }

    /** Returns the format of {@link #count(long)}, for a table column of counts. */
    public static NumberFormat countFormat() {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        return format;
    }

    /** Returns a byte count in the largest binary unit it fills: {@code 120 B}, {@code 1.0 MiB}. */
    public static String bytes(long n) {
        if (Math.abs(n) < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static BigDecimal rounded(double value) {
        // valueOf goes through the shortest decimal form, so 2.675 rounds like the 2.675 people see.
        BigDecimal decimal = BigDecimal.valueOf(value);
        if (Math.abs(value) >= 100) {
            return decimal.setScale(0, RoundingMode.HALF_UP);
        }
        return decimal.round(THREE_SIGNIFICANT).stripTrailingZeros();
    }
}
