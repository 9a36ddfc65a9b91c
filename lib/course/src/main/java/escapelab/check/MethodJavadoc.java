package escapelab.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of one method, read from source as written: the criterion "document the contract
 * in the method's comment", checked on the comment itself. The source is parsed by javac (not
 * compiled), so the comment is the one javadoc would use: the {@code /** ... *}{@code /} block
 * directly before the method, with its leading asterisks and line breaks folded into spaces.
 */
public final class MethodJavadoc {

    private MethodJavadoc() {
    }

    /**
     * The Javadoc of a method declared in a {@code %%jmh} cell, as written there.
     *
     * @param type the class that declares the method (top-level or nested) in a {@code %%jmh} cell
     * @param method its name, or its name and parameter types where it is overloaded
     * @throws Mistake if no {@code %%jmh} cell declares the class, or it has no such method
     */
    public static Optional<String> of(Class<?> type, String method) {
        return of(CellClasses.shared().declaring(type, EXAMPLE).source(), type.getSimpleName(), method);
    }

    /**
     * Checks that a {@code %%jmh} cell's method has Javadoc with every phrase, as
     * {@link #check(String, String, String, String, String...)} does on the cell's source.
     *
     * @throws Mistake if no {@code %%jmh} cell declares the class, or it has no such method
     */
    public static Check check(String criterion, Class<?> type, String method, String... phrases) {
        return check(criterion, CellClasses.shared().declaring(type, EXAMPLE).source(), type.getSimpleName(),
                method, phrases);
    }

    private static final String EXAMPLE = "javadoc(Varint.class, \"encode\")";

    /**
     * The Javadoc of a method of a type declared in {@code source}.
     *
     * @param source a whole compilation unit
     * @param typeName the simple name of the class, record or interface (nested ones too)
     * @param method the method's name, e.g. {@code encode}, or with its parameter types as written
     *               where it is overloaded: {@code encode(int[], byte[], int)}
     * @return the comment's text, whitespace folded; empty if the method has no Javadoc
     * @throws Mistake if the type has no such method, or the name alone fits several overloads
     */
    public static Optional<String> of(String source, String typeName, String method) {
        List<Declared> methods = methods(source, typeName);
        List<Declared> named = methods.stream().filter(m -> m.matches(method)).toList();
        if (named.isEmpty()) {
            throw new Mistake(typeName + " declares no method " + method + "; its methods are "
                    + methods.stream().map(Declared::signature).distinct().collect(Collectors.joining(", ")));
        }
        if (named.size() > 1) {
            throw new Mistake(typeName + "." + method + " is overloaded: name one with its parameter types, "
                    + "e.g. " + named.stream().map(Declared::signature).collect(Collectors.joining(" or ")));
        }
        return Optional.ofNullable(named.get(0).javadoc());
    }

    /**
     * Checks that a method's Javadoc states every phrase given (ignoring case and line breaks);
     * the evidence is the comment, or what it lacks.
     *
     * @throws Mistake as {@link #of}
     */
    public static Check check(String criterion, String source, String typeName, String method, String... phrases) {
        Optional<String> doc = of(source, typeName, method);
        if (doc.isEmpty()) {
            return Check.of(criterion, false, "no Javadoc (/** ... */) directly above " + typeName + "." + method
                    + ": write the contract there");
        }
        String folded = doc.get().toLowerCase(java.util.Locale.ROOT);
        List<String> missing = new ArrayList<>();
        for (String phrase : phrases) {
            if (!folded.contains(phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "))) {
                missing.add("\"" + phrase + "\"");
            }
        }
        return missing.isEmpty() ? Check.of(criterion, true, "\"" + doc.get() + "\"")
                : Check.of(criterion, false, "the Javadoc \"" + doc.get() + "\" does not say "
                + String.join(" or ", missing));
    }

    /** A method as declared: its name, its parameter types as written, its Javadoc or null. */
    private record Declared(String name, List<String> parameterTypes, String javadoc) {

        String signature() {
            return name + "(" + String.join(", ", parameterTypes) + ")";
        }

        boolean matches(String method) {
            String wanted = method.replaceAll("\\s+", "");
            return wanted.equals(name) || wanted.equals(signature().replaceAll("\\s+", ""));
        }
    }

    private static List<Declared> methods(String source, String typeName) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the kernel on a JDK, not a JRE");
        }
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Cell.java"),
                javax.tools.JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        Trees trees = Trees.instance(task);
        List<Declared> found = new ArrayList<>();
        boolean[] typeFound = {false};
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree type, Void unused) {
                        if (type.getSimpleName().contentEquals(typeName)) {
                            typeFound[0] = true;
                            for (Tree member : type.getMembers()) {
                                if (member instanceof MethodTree m && !m.getName().contentEquals("<init>")) {
                                    String doc = trees.getDocComment(new TreePath(getCurrentPath(), m));
                                    found.add(new Declared(m.getName().toString(), m.getParameters().stream()
                                            .map(VariableTree::getType).map(Tree::toString).toList(), fold(doc)));
                                }
                            }
                        }
                        return super.visitClass(type, unused);
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!typeFound[0]) {
            throw new Mistake("the source declares no type " + typeName + ": name the class that holds the method");
        }
        return found;
    }

    private static String fold(String doc) {
        if (doc == null) {
            return null;
        }
        String folded = doc.replaceAll("\\s+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }
}
