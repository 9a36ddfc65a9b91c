package escapelab.kernel.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as a reader wants it in a tooltip: Markdown, with {@code {@code x}} as code,
 * {@code {@link A#b label}} as its label or {@code A.b}, HTML paragraphs, lists and {@code <pre>}
 * blocks as Markdown, and the block tags ({@code @param}, {@code @return}, {@code @throws}) as
 * labelled lists. Only what Javadoc comments commonly hold: anything else loses its tags, never
 * its words.
 */
public final class JavadocText {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\b");
    private static final Pattern PRE = Pattern.compile("(?is)<pre>\\s*(.*?)\\s*</pre>");
    private static final Pattern FENCE_MARK = Pattern.compile("\u0000(\\d+)\u0000");
    private static final Map<String, String> BLOCK_HEADINGS = Map.of("param", "Parameters", "return", "Returns",
            "throws", "Throws", "exception", "Throws", "see", "See also", "since", "Since", "deprecated", "Deprecated",
            "implSpec", "Implementation requirements", "implNote", "Implementation note", "apiNote", "API note");

    private JavadocText() {
    }

    /** The comment (its text, without the asterisks) as Markdown. */
    public static String markdown(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        String text = dedent(javadoc);
        Matcher block = BLOCK_TAG.matcher(text);
        int firstTag = block.find() ? block.start() : text.length();
        StringBuilder md = new StringBuilder(body(text.substring(0, firstTag)));
        Map<String, List<String>> tags = new LinkedHashMap<>();
        String[] pieces = text.substring(firstTag).split("(?m)^\\s*(?=@\\w+\\b)");
        for (String piece : pieces) {
            Matcher tag = BLOCK_TAG.matcher(piece);
            if (!tag.lookingAt()) {
                continue;
            }
            String name = tag.group(1);
            String rest = piece.substring(tag.end()).strip();
            if (name.equals("param") || name.equals("throws") || name.equals("exception")) {
                String[] words = rest.split("\\s+", 2);
                String what = words[0].startsWith("<") ? words[0] : "`" + words[0] + "`";
                rest = what + (words.length > 1 ? ": " + entities(inline(words[1]).replaceAll("<[^>]+>", "")) : "");
            } else {
                rest = entities(inline(rest).replaceAll("<[^>]+>", ""));
            }
            tags.computeIfAbsent(BLOCK_HEADINGS.getOrDefault(name, "@" + name), k -> new ArrayList<>())
                    .add(rest.replaceAll("\\s*\\n\\s*", " "));
        }
        tags.forEach((heading, items) -> {
            md.append("\n\n**").append(heading).append(":**");
            items.forEach(item -> md.append("\n- ").append(item));
        });
        return md.toString().strip();
    }

    /** The comment as plain text: the Markdown, which reads as text, with its code marks kept. */
    public static String plain(String javadoc) {
        return markdown(javadoc).replace("**", "");
    }

    /** Drops the indent every line shares (JShell keeps the space after each asterisk). */
    private static String dedent(String text) {
        String[] lines = text.replace("\r", "").split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                indent = Math.min(indent, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i].isBlank() ? "" : lines[i].substring(Math.min(indent, lines[i].length())));
        }
        return out.toString();
    }

    /** The description: {@code <pre>} blocks as fenced code, the rest as paragraphs of Markdown. */
    private static String body(String text) {
        List<String> fences = new ArrayList<>();
        Matcher pre = PRE.matcher(text);
        StringBuilder held = new StringBuilder();
        while (pre.find()) {
            String code = unwrapCode(pre.group(1));
            fences.add("\n\n```java\n" + entities(code.replaceAll("(?s)<[^>]+>", "")).stripTrailing() + "\n```\n\n");
            pre.appendReplacement(held, Matcher.quoteReplacement("\u0000" + (fences.size() - 1) + "\u0000"));
        }
        pre.appendTail(held);
        String md = inline(held.toString())
                .replaceAll("(?i)<p>|</p>|<blockquote>|</blockquote>", "\n\n")
                .replaceAll("(?i)<li>\\s*", "\n- ")
                .replaceAll("(?i)</li>", "")
                .replaceAll("(?i)<ul>|</ul>|<ol>|</ol>", "\n")
                .replaceAll("(?i)<br\\s*/?>", "  \n")
                .replaceAll("(?i)</?(b|strong)>", "**")
                .replaceAll("(?i)</?(i|em)>", "_")
                .replaceAll("(?i)</?(code|tt)>", "`")
                .replaceAll("<[^>\\u0000]+>", "");
        // Lines of one paragraph join (a tooltip wraps them); lists and blank lines stay.
        md = md.replaceAll("(?<![\\n ])\\n(?![\\n-])", " ").replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n").replaceAll("[ \\t]{2,}", " ");
        Matcher mark = FENCE_MARK.matcher(entities(md));
        StringBuilder out = new StringBuilder();
        while (mark.find()) {
            mark.appendReplacement(out, Matcher.quoteReplacement(fences.get(Integer.parseInt(mark.group(1)))));
        }
        mark.appendTail(out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** {@code <pre>{@code ...}</pre>} holds its code in the tag: the code alone. */
    private static String unwrapCode(String pre) {
        String trimmed = pre.strip();
        if (trimmed.startsWith("{@code") && trimmed.endsWith("}")) {
            return trimmed.substring("{@code".length(), trimmed.length() - 1).replaceFirst("^[ \\t]*\\n", "");
        }
        return pre;
    }

    /** Inline tags as Markdown; their content may hold balanced braces ({@code {@code new int[]{1}}}). */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher tag = INLINE_TAG.matcher(text);
        while (tag.find(from)) {
            int end = closingBrace(text, tag.end());
            if (end < 0) {
                break;
            }
            out.append(text, from, tag.start());
            out.append(inlineTag(tag.group(1), text.substring(tag.end(), end)));
            from = end + 1;
        }
        return out.append(text.substring(from)).toString();
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String inlineTag(String name, String content) {
        String body = content.strip();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "code":
                return "`" + escape(body.replace("`", "'")) + "`";
            case "literal":
                return escape(body);
            case "link":
            case "linkplain": {
                String[] parts = body.split("\\s+", 2);
                String target = parts[0].startsWith("#") ? parts[0].substring(1) : parts[0].replace('#', '.');
                if (parts.length > 1) {
                    return name.equals("link") ? "`" + parts[1].strip() + "`" : parts[1].strip();
                }
                return "`" + target + "`";
            }
            case "value":
                return body.isEmpty() ? "" : "`" + (body.startsWith("#") ? body.substring(1) : body.replace('#', '.')) + "`";
            case "inheritdoc":
            case "index":
                return body.isEmpty() ? "" : body.split("\\s+", 2)[0];
            default:
                return body;
        }
    }

    /** Code's angle brackets are not HTML: escaped until the HTML tags are gone. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String entities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#64;", "@")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
