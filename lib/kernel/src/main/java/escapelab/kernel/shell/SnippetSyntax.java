package escapelab.kernel.shell;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether a snippet is Java at all, by javac's parser alone: JShell sees where a snippet ends
 * ({@code int 3x = 4;} ends at its semicolon) but has no verdict on its syntax short of running
 * it. JShell's {@code sourceToSnippets} would tell, but on JDK 25 it leaves the session unable to
 * find documentation afterwards; parsing apart touches nothing of the session.
 */
final class SnippetSyntax {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private SnippetSyntax() {
    }

    /** Whether {@code snippet} parses as a statement, a declaration, an import or an expression. */
    static boolean parses(String snippet) {
        String expression = snippet.strip().replaceFirst(";$", "");
        return parsesAsFile("class $ { void $() {\n" + snippet + "\n} }")
                || parsesAsFile("class $ {\n" + snippet + "\n}")
                || parsesAsFile(snippet + "\nclass $ {}")
                || parsesAsFile("class $ { Object $ = (\n" + expression + "\n); }");
    }

    private static boolean parsesAsFile(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        AtomicBoolean error = new AtomicBoolean();
        JavacTask task = (JavacTask) JAVAC.getTask(null, null,
                diagnostic -> error.compareAndSet(false, diagnostic.getKind() == Diagnostic.Kind.ERROR),
                List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (java.io.IOException impossible) { // the source is in memory
            return false;
        }
        return !error.get();
    }
}
