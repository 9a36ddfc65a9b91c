package escapelab.kernel.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceJavadocTest {

    private static final String SOURCE = "package p;\n/** A facade. */\npublic class Facade {\n"
            + "    /** Runs classes. */\n    public static int run(Class<?>... classes) { return 0; }\n"
            + "    /** Runs by name. */\n    public static int run(String... names) { return 0; }\n"
            + "    /** Inside. */\n    public static class Inner {\n        /** Twice {@code x}. */\n"
            + "        int twice(java.util.Map<String, Integer> m, int x) { return 2 * x; }\n    }\n}\n";

    @Test
    void aMethodIsFoundByItsClassNameAndParameterNames() {
        assertEquals(Optional.of("Runs by name."), doc(List.of("Facade"), "run", List.of("names")));
        assertEquals(Optional.of("Twice {@code x}."), doc(List.of("Facade", "Inner"), "twice", List.of("m", "x")));
        assertEquals(Optional.of("A facade."), doc(List.of("Facade"), null, List.of()));
        assertEquals(Optional.empty(), SourceJavadoc.javadoc(SOURCE, List.of("Facade"), "run", List.of("other")));
    }

    private static Optional<String> doc(List<String> nesting, String method, List<String> parameters) {
        return SourceJavadoc.javadoc(SOURCE, nesting, method, parameters).map(String::strip);
    }

    @Test
    void parameterNamesAreTheLastWordOfEachTopLevelPart() {
        assertEquals(List.of("m", "x"), SourceJavadoc.parameterNames("java.util.Map<String, Integer> m, int x"));
        assertEquals(List.of("classes"), SourceJavadoc.parameterNames("Class<?>... classes"));
        assertEquals(List.of(), SourceJavadoc.parameterNames(""));
    }

    @Test
    void sourcesAreFoundAsMavenLaysThemOut(@TempDir Path module) throws Exception {
        Path sources = Files.createDirectories(module.resolve("src/main/java"));
        Files.createDirectories(module.resolve("target/classes"));
        assertEquals(Optional.of(sources), SourceJavadoc.sourceRoot(module.resolve("target/classes")));
        assertEquals(Optional.of(sources), SourceJavadoc.sourceRoot(module.resolve("target/course.jar")));
        assertEquals(Optional.empty(), SourceJavadoc.sourceRoot(module.resolve("src")));
    }

    @Test
    void thisModulesOwnClassesAreDocumentedFromItsSources() {
        SourceJavadoc docs = new SourceJavadoc(getClass().getClassLoader());
        Optional<String> doc = docs.of("String escapelab.kernel.doc.JavadocText.markdown(String javadoc)");
        assertTrue(doc.isPresent() && doc.get().contains("as Markdown"), doc::toString);
    }
}
