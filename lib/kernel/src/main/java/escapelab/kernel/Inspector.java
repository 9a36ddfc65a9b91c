package escapelab.kernel;

import escapelab.kernel.doc.JavadocText;
import escapelab.kernel.doc.SourceJavadoc;
import escapelab.kernel.shell.JShellSession;
import escapelab.kernel.shell.SessionStartup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * What the front end shows for Shift-Tab or {@code name?}: the signatures of the JDK type,
 * member or learner's declaration under the cursor, with their javadoc rendered; right after an
 * open parenthesis (or among the arguments), those of the call being written. A library's
 * javadoc comes from its sources where JShell has none ({@link SourceJavadoc}).
 */
final class Inspector {

    /** What is shown: as plain text (the pager, classic tooltips) and as Markdown. */
    record Shown(String plain, String markdown) {
    }

    private final JShellSession session;
    private final SessionStartup startup;
    private final SourceJavadoc sources;

    /** @param startup what inspection waits for, as cells do: the start-up scripts' imports name what is asked about */
    Inspector(JShellSession session, SessionStartup startup) {
        this.session = session;
        this.startup = startup;
        this.sources = new SourceJavadoc(session.classLoader());
    }

    /** The text about the name at {@code cursor} in {@code code}, if anything is known of it. */
    Optional<Shown> inspect(String code, int cursor) {
        startup.await();
        int at = Math.max(0, Math.min(cursor, code.length()));
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = end;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == end) {
            // No name at the cursor, as right after "bench(": JShell documents the call around it.
            return shown(List.of(), session.documentation(code.substring(0, at), at));
        }
        String upToName = code.substring(0, end);
        String name = code.substring(start, end);
        List<String> declared = name.contains(".") ? List.of() : session.declarationsNamed(name);
        if (!declared.isEmpty()) {
            return shown(declared, List.of());
        }
        List<Documentation> docs = session.documentation(upToName, upToName.length());
        if (docs.isEmpty()) { // a method name: JShell documents calls, from inside the parentheses
            docs = session.documentation(upToName + "(", upToName.length() + 1);
        }
        return shown(List.of(), docs);
    }

    private Optional<Shown> shown(List<String> declared, List<Documentation> docs) {
        List<String> plain = new ArrayList<>(declared);
        List<String> markdown = new ArrayList<>();
        declared.forEach(d -> markdown.add(fenced(d)));
        for (Documentation doc : docs) {
            String javadoc = doc.javadoc();
            if (javadoc == null || javadoc.isBlank()) {
                javadoc = sources.of(doc.signature()).orElse("");
            }
            String text = JavadocText.plain(javadoc);
            plain.add(text.isEmpty() ? doc.signature() : doc.signature() + "\n" + text);
            String md = JavadocText.markdown(javadoc);
            markdown.add(md.isEmpty() ? fenced(doc.signature()) : fenced(doc.signature()) + "\n" + md);
        }
        return plain.isEmpty() ? Optional.empty()
                : Optional.of(new Shown(String.join("\n\n", plain), String.join("\n\n---\n\n", markdown)));
    }

    private static String fenced(String code) {
        return "```java\n" + code + "\n```";
    }
}
