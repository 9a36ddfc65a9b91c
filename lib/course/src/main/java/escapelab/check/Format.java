package escapelab.check;

import com.google.common.html.HtmlEscapers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formatting shared by checks and checklists: numbers for people, HTML escaping, one-line text. */
final class Format {

    private static final MathContext THREE_SIGNIFICANT = new MathContext(3, RoundingMode.HALF_UP);

    private Format() {
    }

    /**
     * Formats a measured value for people: whole numbers from 100 up ({@code 1234}), three
     * significant digits below ({@code 16}, {@code 1.23}, {@code 0.0123}), and {@code ≈0} for
     * values so small they are noise (below 0.001), so {@code 2.3E-5 B/op} reads as nothing.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-3) {
            return "≈0";
        }
        // valueOf goes through the shortest decimal form, so 2.675 rounds like the 2.675 people see.
        BigDecimal decimal = BigDecimal.valueOf(value);
        if (magnitude >= 100) {
            return decimal.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return decimal.round(THREE_SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A number with its unit: {@code 16 B/op}, {@code 12%}, or the bare number when the unit is empty. */
    static String quantity(double value, String unit) {
        String n = number(value);
        if (unit.isEmpty()) {
            return n;
        }
        return unit.startsWith("%") ? n + unit : n + " " + unit;
    }


    /** Joins the lines of a text with spaces, so that one check stays one line of output. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
