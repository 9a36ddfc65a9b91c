package escapelab.submit;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedNotebookTest {

    @TempDir
    Path tmp;

    /** A small nbformat-4 notebook: string and list sources, tagged and untagged markdown, outputs. */
    private static final String NOTEBOOK = """
            {
              "nbformat": 4,
              "nbformat_minor": 5,
              "metadata": {"kernelspec": {"name": "escapelab", "display_name": "Java (escapelab)"}},
              "cells": [
                {"cell_type": "markdown", "id": "a1", "metadata": {}, "source": "# Task 1\\nIntro"},
                {"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": 1,
                 "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\\n"]}],
                 "source": ["record Point(int x, int y) {}\\n", "Layout.of(Point.class)"]},
                {"cell_type": "markdown", "id": "a2", "metadata": {"tags": ["analysis"]},
                 "source": ["The point ", "escapes.\\n", "So it is allocated."]},
                {"cell_type": "markdown", "id": "a3", "metadata": {"tags": ["hint", "analysis"]},
                 "source": "Second analysis."},
                {"cell_type": "code", "id": "c2", "metadata": {"tags": ["analysis"]}, "outputs": [],
                 "execution_count": null, "source": "int n = 3;"},
                {"cell_type": "raw", "id": "r1", "metadata": {"tags": ["analysis"]}, "source": "raw"},
                {"cell_type": "markdown", "id": "a4", "metadata": {"tags": []}, "source": []}
              ]
            }
            """;

    @Test
    void readsAnalysisAndCodeCells() throws IOException {
        Path file = tmp.resolve("task1.ipynb");
        Files.writeString(file, NOTEBOOK);
        Instant saved = Instant.parse("2026-11-27T10:15:30Z");
        Files.setLastModifiedTime(file, FileTime.from(saved));

        SavedNotebook notebook = SavedNotebook.read(file);
        assertEquals(List.of("The point escapes.\nSo it is allocated.", "Second analysis."), notebook.analysis());
        assertEquals(List.of("record Point(int x, int y) {}\nLayout.of(Point.class)", "int n = 3;"), notebook.codeCells());
        assertEquals(saved, notebook.savedAt());
        assertEquals(file.toAbsolutePath(), notebook.path());
        assertEquals("task1.ipynb saved 2026-11-27T10:15:30Z: 2 code cells, 2 analysis cells", notebook.toString());
    }

    @Test
    void aLearnerCopyKnowsItsReferenceAnswerBySentenceDigests() throws IOException {
        String digest = Analysis.digest("the point escapes.");
        Path file = tmp.resolve("learner.ipynb");
        Files.writeString(file, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "markdown", "metadata": {"tags": ["analysis"],
                   "escapelab": {"reference_sentences": ["%s"]}},
                   "source": "The *point* escapes."}]}
                """.formatted(digest));

        Analysis analysis = SavedNotebook.read(file).ownAnalysis();
        assertTrue(analysis.copiedReference());
        assertEquals(List.of(), analysis.ownLines());
    }

    @Test
    void aNotebookWithoutAnalysisHasNone() throws IOException {
        Path file = tmp.resolve("empty.ipynb");
        Files.writeString(file, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}");
        SavedNotebook notebook = SavedNotebook.read(file);
        assertEquals(List.of(), notebook.analysis());
        assertEquals(List.of(), notebook.codeCells());
    }

    @Test
    void aMissingNotebookSaysSaveItFirst() {
        Mistake e = assertThrows(Mistake.class,
                () -> SavedNotebook.read(tmp.resolve("task9.ipynb")));
        assertTrue(e.getMessage().contains("task9.ipynb not found; save it first (Ctrl-S) or pass its path"),
                e.getMessage());
    }

    @Test
    void somethingElseIsNotANotebook() throws IOException {
        Path text = tmp.resolve("notes.ipynb");
        Files.writeString(text, "these are not JSON notes");
        Mistake notJson = assertThrows(Mistake.class, () -> SavedNotebook.read(text));
        assertTrue(notJson.getMessage().contains("is not a Jupyter notebook"), notJson.getMessage());

        Path json = tmp.resolve("data.json");
        Files.writeString(json, "{\"results\": [1, 2]}");
        Mistake noCells = assertThrows(Mistake.class, () -> SavedNotebook.read(json));
        assertTrue(noCells.getMessage().contains("is not a Jupyter notebook"), noCells.getMessage());

        Path array = tmp.resolve("array.ipynb");
        Files.writeString(array, "[1, 2]");
        assertThrows(Mistake.class, () -> SavedNotebook.read(array));

        Path old = tmp.resolve("old.ipynb");
        Files.writeString(old, "{\"nbformat\": 3, \"worksheets\": [], \"cells\": []}");
        Mistake v3 = assertThrows(Mistake.class, () -> SavedNotebook.read(old));
        assertTrue(v3.getMessage().contains("nbformat 3"), v3.getMessage());

        Mistake folder = assertThrows(Mistake.class, () -> SavedNotebook.read(tmp));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
    }

    @Test
    void findNeedsTheNotebooksName() {
        Mistake blank = assertThrows(Mistake.class, () -> SavedNotebook.find(" "));
        assertTrue(blank.getMessage().startsWith("name the notebook, e.g. submit(\"01-first-escape\")"),
                blank.getMessage());
        assertThrows(Mistake.class, () -> SavedNotebook.find(null));
    }

    @Test
    void findTakesTheNameWithOrWithoutItsExtension() throws IOException {
        Path file = tmp.resolve("task1.ipynb");
        Files.writeString(file, NOTEBOOK);
        String withoutExtension = tmp.resolve("task1").toString();

        assertEquals(file.toAbsolutePath(), SavedNotebook.find(withoutExtension).path());
        assertEquals(file.toAbsolutePath(), SavedNotebook.find(withoutExtension + ".ipynb").path());
        // A relative name is read from the working folder, where the kernel runs.
        String relative = Path.of("").toAbsolutePath().relativize(tmp.toAbsolutePath().resolve("task1")).toString();
        assertEquals(file.toAbsolutePath().normalize(), SavedNotebook.find(relative).path());
    }

    @Test
    void findingANotebookThatWasNeverSavedSaysSaveItFirst() {
        String name = "never-saved-" + System.nanoTime();
        Mistake e = assertThrows(Mistake.class, () -> SavedNotebook.find(name));
        assertTrue(e.getMessage().startsWith("notebook " + name + ".ipynb not found; save it first"), e.getMessage());
    }

    @Test
    void analysisTextJoinsTheAnalysisCellsParagraphsApart() throws IOException {
        Path file = tmp.resolve("task1.ipynb");
        Files.writeString(file, NOTEBOOK);
        assertEquals("The point escapes.\nSo it is allocated.\n\nSecond analysis.", SavedNotebook.read(file).analysisText());

        Path empty = tmp.resolve("empty.ipynb");
        Files.writeString(empty, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}");
        assertEquals("", SavedNotebook.read(empty).analysisText());
    }
}
