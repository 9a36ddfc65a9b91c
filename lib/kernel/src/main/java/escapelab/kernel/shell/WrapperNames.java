package escapelab.kernel.shell;

import java.util.regex.Pattern;

/**
 * JShell compiles each snippet into a wrapper class of its own ({@code REPL.$JShell$193}), whose
 * name shows up in what the JVM says about the learner's code: a helpful
 * {@code NullPointerException} reads {@code because "REPL.$JShell$193.s" is null}, a class cast
 * names {@code REPL.$JShell$12$Point}. The learner wrote {@code s} and {@code Point}.
 */
final class WrapperNames {

    /** A wrapper's name and the separator after it: {@code .} before a member, {@code $} before a nested type. */
    private static final Pattern WRAPPER = Pattern.compile("\\bREPL\\.\\$JShell\\$\\d+[A-Z]*[.$]");

    private WrapperNames() {
    }

    /** {@code text} with JShell's wrapper prefixes taken out of the names in it; {@code null} stays {@code null}. */
    static String asWritten(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }
}
