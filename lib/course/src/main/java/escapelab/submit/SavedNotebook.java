package escapelab.submit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import escapelab.notebook.Mistake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A notebook as last saved to disk (nbformat 4), read to collect what the learner wrote: the
 * analysis cells and the code. What is on disk may be older than what the browser shows, so
 * {@link #savedAt()} says when it was saved.
 */
public final class SavedNotebook {

    /** The tag that marks a markdown cell as the learner's analysis. */
    static final String ANALYSIS_TAG = "analysis";

    // A cell's source is a string or a list of strings: reading a single value as a one-element
    // list lets one List<String> field take both. Other keys (outputs, ids...) are not needed.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The parts of an nbformat-4 file this class reads. */
    record Ipynb(Integer nbformat, List<Cell> cells) {
    }

    /** One cell; {@code source} joined gives its text. */
    record Cell(@JsonProperty("cell_type") String cellType, List<String> source, Metadata metadata) {

        String text() {
            return source == null ? "" : String.join("", source);
        }

        boolean tagged(String tag) {
            return metadata != null && metadata.tags() != null && metadata.tags().contains(tag);
        }
    }

    /** The cell metadata this class reads. */
    record Metadata(List<String> tags, Course escapelab) {
    }

    /** What a learner copy records about a cell: the digests of its reference answer's sentences. */
    record Course(@JsonProperty("reference_sentences") List<String> referenceSentences) {
    }

    private final Path path;
    private final Instant savedAt;
    private final List<Cell> cells;

    private SavedNotebook(Path path, Instant savedAt, List<Cell> cells) {
        this.path = path;
        this.savedAt = savedAt;
        this.cells = List.copyOf(cells);
    }

    /**
     * Reads the saved notebook a cell names: {@code "01-first-escape"} (with or without
     * {@code .ipynb}) in the kernel's working folder, else in its {@code notebooks/}.
     *
     * @throws Mistake if the name is blank or the notebook was never saved where it runs
     */
    public static SavedNotebook find(String notebook) throws IOException {
        if (notebook == null || notebook.isBlank()) {
            throw new Mistake("name the notebook, e.g. submit(\"01-first-escape\")");
        }
        String file = notebook.endsWith(".ipynb") ? notebook : notebook + ".ipynb";
        Path here = Path.of(file);
        Path inNotebooks = Path.of("notebooks", file);
        return read(!Files.exists(here) && Files.exists(inNotebooks) ? inNotebooks : here);
    }

    /**
     * Reads a saved notebook.
     *
     * @param ipynb the {@code .ipynb} file
     * @return its cells as saved
     * @throws Mistake if there is no such file (the notebook was never saved, or the path is
     *     wrong), the path is a folder, or the file is not an nbformat-4 notebook
     * @throws IOException if the file cannot be read
     */
    public static SavedNotebook read(Path ipynb) throws IOException {
        if (ipynb == null) {
            throw new Mistake("pass the notebook's path, e.g. Path.of(\"task1.ipynb\")");
        }
        Path path = ipynb.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new Mistake("notebook " + ipynb + " not found; save it first (Ctrl-S) or pass its path");
        }
        if (Files.isDirectory(path)) {
            throw new Mistake(ipynb + " is a folder, not a notebook; pass the .ipynb file inside it");
        }
        // The time first: if the file is saved again while we read, we claim the older time.
        Instant savedAt = Files.getLastModifiedTime(path).toInstant();
        byte[] json = Files.readAllBytes(path);
        Ipynb file;
        try {
            file = JSON.readValue(json, Ipynb.class);
        } catch (JsonProcessingException e) {
            throw new Mistake(ipynb + " is not a Jupyter notebook (its content is not notebook JSON: "
                    + e.getOriginalMessage() + ")", e);
        }
        if (file == null || file.nbformat() == null || file.cells() == null) {
            throw new Mistake(ipynb + " is not a Jupyter notebook: it has no nbformat or no cells");
        }
        if (file.nbformat() != 4) {
            throw new Mistake(ipynb + " is nbformat " + file.nbformat()
                    + "; this course reads nbformat 4: open and save it in a current Jupyter");
        }
        if (file.cells().contains(null)) {
            throw new Mistake(ipynb + " is not a valid notebook: it has an empty (null) cell");
        }
        return new SavedNotebook(path, savedAt, file.cells());
    }

    /** Returns the text of the markdown cells tagged {@code analysis}, in notebook order. */
    public List<String> analysis() {
        return cells.stream().filter(c -> "markdown".equals(c.cellType()) && c.tagged(ANALYSIS_TAG))
                .map(Cell::text).toList();
    }

    /** The analysis cells' texts as one, paragraphs apart: what {@code analysis("01-first-escape")} shows. */
    public String analysisText() {
        return String.join("\n\n", analysis()).strip();
    }

    /** What the analysis cells hold, the learner's own lines told apart from a reference answer. */
    public Analysis ownAnalysis() {
        Set<String> reference = new HashSet<>();
        cells.stream().filter(c -> c.tagged(ANALYSIS_TAG) && c.metadata().escapelab() != null)
                .map(c -> c.metadata().escapelab().referenceSentences()).filter(Objects::nonNull)
                .forEach(reference::addAll);
        return Analysis.of(analysis(), reference);
    }

    /** Returns the text of the code cells, in notebook order. */
    public List<String> codeCells() {
        return cells.stream().filter(c -> "code".equals(c.cellType())).map(Cell::text).toList();
    }

    /** Returns when the file was last saved (its modification time). */
    public Instant savedAt() {
        return savedAt;
    }

    /** Returns the notebook file's absolute path. */
    public Path path() {
        return path;
    }

    /** Returns a short description: the file, when it was saved and what it holds. */
    @Override
    public String toString() {
        return path.getFileName() + " saved " + savedAt + ": " + codeCells().size() + " code cells, "
                + analysis().size() + " analysis cells";
    }
}
