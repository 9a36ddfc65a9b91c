package escapelab.view;

import escapelab.cell.CellClasses;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * A class's bytecode as {@code javap -c -p -s} lists it: each member's declaration (with its
 * generic signature), its erased descriptor, and a method's instructions. It runs the JDK's own
 * {@code javap} through the tool API ({@link ToolProvider}), in this JVM, so the listing is of
 * the class file the benchmarks run, and reading it needs no external process.
 *
 * <pre>{@code
 * Bytecode code = Bytecode.of("escapelab.cells.Generics", classesDir);
 * code.methodsNamed("max");          // one method: generics erase
 * code.only("max", "maxInteger");    // the listing of just those
 * }</pre>
 */
public final class Bytecode implements MimeBundle {

    /**
     * One member of the class as javap lists it.
     *
     * @param declaration the source-like line, e.g. {@code static <T extends
     *     java.lang.Comparable<T>> T max(T, T);}
     * @param descriptor the erased JVM descriptor, e.g. {@code (Ljava/lang/Comparable;Ljava/lang/Comparable;)Ljava/lang/Comparable;}
     * @param listing the member's whole block of the listing, code included
     */
    public record Member(String declaration, String descriptor, String listing) {

        /** Whether this is a method (or constructor), not a field. */
        public boolean isMethod() {
            return declaration.contains("(");
        }

        /** The member's simple name: {@code max}; a constructor's is its class's name. */
        public String name() {
            String head = isMethod() ? declaration.substring(0, declaration.indexOf('(')) : declaration;
            head = head.replaceAll(";$", "").strip();
            String last = head.substring(head.lastIndexOf(' ') + 1);
            return last.substring(last.lastIndexOf('.') + 1);
        }

        /** Whether the code calls a method of that name, e.g. {@code Integer.valueOf} or {@code max}. */
        public boolean calls(String method) {
            String name = method.substring(method.lastIndexOf('.') + 1);
            String owner = method.contains(".") ? method.substring(0, method.lastIndexOf('.')) : "";
            return listing.lines().anyMatch(line -> line.contains("invoke")
                    && line.matches(".*// (Interface)?Method .*\\b" + (owner.isEmpty() ? "" : ".*" + owner + "\\.")
                            + name + ":.*"));
        }
    }

    private final String className;
    private final String header;
    private final List<Member> members;

    private Bytecode(String className, String header, List<Member> members) {
        this.className = className;
        this.header = header;
        this.members = List.copyOf(members);
    }

    /**
     * A class's bytecode: a {@code %%jmh} cell's class from the class file its benchmarks run,
     * any other class from the running JDK.
     *
     * @throws Mistake if the class is null, or javap cannot find it
     */
    public static Bytecode of(Class<?> type) {
        if (type == null) {
            throw new Mistake("name the class to list, e.g. bytecode(Generics.class)");
        }
        return CellClasses.shared().find(type.getSimpleName())
                .map(cell -> of(cell.name(), CellClasses.shared().dir()))
                .orElseGet(() -> of(type.getName(), null));
    }

    /**
     * Lists a class with javap.
     *
     * @param className the binary name, e.g. {@code java.lang.Integer} or a cell's class
     * @param classPath where to find it, or null for the JDK's own classes
     * @throws Mistake if the JDK has no javap (a runtime without the jdk.jdeps module) or javap
     *     cannot find the class
     */
    public static Bytecode of(String className, Path classPath) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new Mistake(
                "this JVM has no javap tool (it is a runtime without the jdk.jdeps module): run the kernel on a full JDK"));
        List<String> args = new ArrayList<>(List.of("-c", "-p", "-s"));
        if (classPath != null) {
            args.addAll(List.of("-cp", classPath.toString()));
        }
        args.add(className);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = javap.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (status != 0) {
            throw new Mistake("javap could not list " + className + ": " + (err + " " + out).strip());
        }
        return parse(className, out.toString());
    }

    /** Reads javap's output: a header, then members separated by blank lines, inside the class's braces. */
    static Bytecode parse(String className, String javapOutput) {
        List<String> lines = javapOutput.lines().toList();
        int open = 0;
        while (open < lines.size() && !lines.get(open).endsWith("{")) {
            open++;
        }
        String header = String.join("\n", lines.subList(0, Math.min(open + 1, lines.size())));
        List<Member> members = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : lines.subList(Math.min(open + 1, lines.size()), lines.size())) {
            if (line.isBlank() || line.equals("}")) {
                addMember(block, members);
                block.clear();
            } else {
                block.add(line);
            }
        }
        addMember(block, members);
        return new Bytecode(className, header, members);
    }

    private static void addMember(List<String> block, List<Member> members) {
        // Attributes javap prints after the members (SourceFile, Signature) are not indented.
        if (block.isEmpty() || !block.get(0).startsWith("  ") || block.get(0).startsWith("    ")) {
            return;
        }
        String descriptor = block.stream().map(String::strip).filter(l -> l.startsWith("descriptor:"))
                .map(l -> l.substring("descriptor:".length()).strip()).findFirst().orElse("");
        members.add(new Member(block.get(0).strip(), descriptor, String.join("\n", block)));
    }

    /** Every field, constructor and method, in the class file's order. */
    public List<Member> members() {
        return members;
    }

    /** The methods (constructors included) of that name: one per erased signature. */
    public List<Member> methodsNamed(String name) {
        return members.stream().filter(m -> m.isMethod() && m.name().equals(name)).toList();
    }

    /**
     * The method of that name, when there is exactly one.
     *
     * @throws Mistake if there is none, or several (overloads)
     */
    public Member method(String name) {
        List<Member> found = methodsNamed(name);
        if (found.size() != 1) {
            throw new Mistake(className + " has " + found.size() + " methods named " + name + "; its methods are "
                    + members.stream().filter(Member::isMethod).map(Member::name).distinct()
                            .collect(Collectors.joining(", ")));
        }
        return found.get(0);
    }

    /**
     * The listing of just these methods (all their overloads), for showing in a notebook.
     *
     * @throws Mistake if the class has no method of one of the names
     */
    public Bytecode only(String... names) {
        for (String name : names) {
            if (methodsNamed(name).isEmpty()) {
                method(name);
            }
        }
        List<String> wanted = Arrays.asList(names);
        return new Bytecode(className, header, members.stream()
                .filter(m -> m.isMethod() && wanted.contains(m.name())).toList());
    }

    /** The listing as javap prints it (of the members kept). */
    public String text() {
        return header + "\n" + members.stream().map(Member::listing).collect(Collectors.joining("\n\n")) + "\n}";
    }

    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText("<pre>" + MimeBundle.escapeHtml(text()) + "</pre>", text());
    }

    @Override
    public String toString() {
        return text();
    }
}
