package escapelab.kernel;

import escapelab.kernel.shell.JShellSession;
import escapelab.kernel.shell.SessionStartup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * What the front end shows for Shift-Tab or {@code name?}: the signatures of the JDK type,
 * member or learner's declaration under the cursor, with their javadoc where JShell finds it.
 */
final class Inspector {

    private final JShellSession session;
    private final SessionStartup startup;

    /** @param startup what inspection waits for, as cells do: the start-up scripts' imports name what is asked about */
    Inspector(JShellSession session, SessionStartup startup) {
        this.session = session;
        this.startup = startup;
    }

    /** The text about the name at {@code cursor} in {@code code}, if anything is known of it. */
    Optional<String> inspect(String code, int cursor) {
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
            return Optional.empty();
        }
        String upToName = code.substring(0, end);
        String name = code.substring(start, end);
        List<String> parts = new ArrayList<>();
        if (!name.contains(".")) {
            parts.addAll(session.declarationsNamed(name));
        }
        if (parts.isEmpty()) {
            List<Documentation> docs = session.documentation(upToName, upToName.length());
            if (docs.isEmpty()) { // a method name: JShell documents calls, from inside the parentheses
                docs = session.documentation(upToName + "(", upToName.length() + 1);
            }
            docs.forEach(doc -> parts.add(describe(doc)));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    private static String describe(Documentation doc) {
        String javadoc = doc.javadoc();
        return javadoc == null || javadoc.isBlank() ? doc.signature() : doc.signature() + "\n" + javadoc.strip();
    }
}
