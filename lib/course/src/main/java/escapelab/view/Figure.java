package escapelab.view;

import escapelab.evidence.Evidence;
import escapelab.notebook.Mistake;
import escapelab.notebook.MimeBundle;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A picture with a name: shown as {@code image/png} in a notebook, written as
 * {@code <name>.png} in a submission.
 */
public final class Figure implements MimeBundle, Evidence {

    private final String name;
    private final String title;
    private final BufferedImage image;

    /**
     * @param name a file-friendly name, e.g. {@code first-escape}
     * @param title what the picture shows, one line
     * @throws Mistake if the name is not file-friendly
     */
    public Figure(String name, String title, BufferedImage image) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new Mistake("a figure name is letters, digits, '.', '_' or '-': " + name);
        }
        this.name = name;
        this.title = title;
        this.image = image;
    }

    /** The file-friendly name. */
    @Override
    public String name() {
        return name;
    }

    /** What the picture shows. */
    public String title() {
        return title;
    }

    /** The picture itself (a copy is not made: do not draw on it). */
    public BufferedImage image() {
        return image;
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        return Render.png(image);
    }

    @Override
    public Section section() {
        return Section.CHARTS;
    }

    /** The picture as a Markdown image of its file, {@code charts/<name>.png}. */
    @Override
    public String markdown() {
        return "![" + title + "](" + pngFile() + ")\n";
    }

    /** The picture as {@code charts/<name>.png}. */
    @Override
    public Map<String, byte[]> files() {
        return Map.of(pngFile(), png());
    }

    private String pngFile() {
        return "charts/" + name + ".png";
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/png", Render.base64Png(image));
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        return "Figure " + name + ": " + title + " (" + image.getWidth() + "x" + image.getHeight() + ")";
    }
}
