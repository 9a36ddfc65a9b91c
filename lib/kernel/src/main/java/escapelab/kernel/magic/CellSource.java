package escapelab.kernel.magic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell's text, split into what the kernel runs: either a cell magic ({@code %%name args} on
 * the first non-blank line, the rest of the cell its body), or Java code interleaved with line
 * magics ({@code %name args} alone on a line), to be run in order.
 */
public final class CellSource {

    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\S*)(?:\\s+(.*?))?\\s*$");
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][A-Za-z0-9_]*)(?:\\s+(.*?))?\\s*$");

    /** One part of a cell, in the order the kernel runs them. */
    public sealed interface Part permits Code, LineMagic {
    }

    /**
     * Java code.
     *
     * @param firstLine the cell line (1-based) on which the code starts
     */
    public record Code(String text, int firstLine) implements Part {
    }

    /**
     * A line magic.
     *
     * @param args the text after the name, trimmed; empty if none
     */
    public record LineMagic(String name, String args, int line) implements Part {
    }

    /**
     * A cell magic call.
     *
     * @param name the text right after {@code %%}, possibly empty or invalid (the caller says so)
     * @param args the rest of the first line, trimmed; empty if none
     * @param body the cell after the magic's line
     * @param bodyLine the cell line on which {@code body} starts
     */
    public record CellMagicCall(String name, String args, String body, int bodyLine) {
    }

    private CellSource() {
    }

    /** The cell magic call if the cell is one, by its first non-blank line. */
    public static Optional<CellMagicCall> cellMagic(String cell) {
        String[] lines = cell.split("\n", -1);
        int index = 0;
        while (index < lines.length && lines[index].isBlank()) {
            index++;
        }
        if (index == lines.length) {
            return Optional.empty();
        }
        Matcher matcher = CELL_MAGIC.matcher(stripCarriageReturn(lines[index]));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String body = String.join("\n", Arrays.asList(lines).subList(index + 1, lines.length));
        String args = matcher.group(2) == null ? "" : matcher.group(2);
        return Optional.of(new CellMagicCall(matcher.group(1), args, body, index + 2));
    }

    /** The parts of a cell that is not a cell magic; blank-only code is left out. */
    public static List<Part> parts(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        List<String> code = new ArrayList<>();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = LINE_MAGIC.matcher(stripCarriageReturn(lines[i]));
            if (matcher.matches()) {
                addCode(parts, code, codeStart);
                parts.add(new LineMagic(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2), i + 1));
                code.clear();
                codeStart = i + 2;
            } else {
                code.add(lines[i]);
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    /**
     * The cell with line-magic lines blanked out (same length), for analyses that only
     * understand Java but must keep the cursor's offsets.
     */
    public static String maskLineMagics(String cell) {
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(stripCarriageReturn(lines[i])).matches()) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }

    private static void addCode(List<Part> parts, List<String> lines, int firstLine) {
        String code = String.join("\n", lines);
        if (!code.isBlank()) {
            parts.add(new Code(code, firstLine));
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
