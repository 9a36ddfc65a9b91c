package escapelab.kernel.doc;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of a library's method or type, read from the library's sources: JShell reads only
 * the JDK's ({@code src.zip}), so a library's functions would show signatures alone. The sources
 * of a class are found beside where it was loaded from, as Maven lays them out: {@code X.jar}'s
 * {@code X-sources.jar}, or the module's {@code src/main/java} for {@code target/X.jar} and
 * {@code target/classes}.
 */
public final class SourceJavadoc {

    /** JShell's signature of a method: {@code [type params] return-type qualified.Name.method(params)}. */
    private static final Pattern METHOD = Pattern.compile("([\\w$.]+)\\.([\\w$]+)\\((.*)\\)[^()]*$");
    private static final Pattern TYPE = Pattern.compile("^(?:[\\w.]+\\s+)*?([a-z_][\\w]*(?:\\.[\\w$]+)+)(?:<.*>)?$");

    private final ClassLoader loader;
    private final Map<Path, Optional<Path>> sourceRoots = new ConcurrentHashMap<>();

    /** @param loader what loads the classes asked about (the session's loader) */
    public SourceJavadoc(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The Javadoc of what JShell's {@code signature} names, as the comment's text (asterisks
     * dropped), if its class's sources are found and document it.
     */
    public Optional<String> of(String signature) {
        Matcher method = METHOD.matcher(signature.strip());
        if (method.find()) {
            return find(method.group(1), method.group(2), parameterNames(method.group(3)));
        }
        Matcher type = TYPE.matcher(signature.strip());
        return type.matches() ? find(type.group(1), null, List.of()) : Optional.empty();
    }

    /** The parameters' names, the last word of each top-level comma-separated part. */
    static List<String> parameterNames(String parameters) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= parameters.length(); i++) {
            char c = i < parameters.length() ? parameters.charAt(i) : ',';
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String part = parameters.substring(start, i).strip();
                if (!part.isEmpty()) {
                    names.add(part.substring(part.lastIndexOf(' ') + 1));
                }
                start = i + 1;
            }
        }
        return names;
    }

    private Optional<String> find(String qualifiedName, String method, List<String> parameters) {
        Optional<Class<?>> type = load(qualifiedName);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Class<?> top = type.get();
        List<String> nesting = new ArrayList<>();
        for (; top.getEnclosingClass() != null; top = top.getEnclosingClass()) {
            nesting.add(0, top.getSimpleName());
        }
        nesting.add(0, top.getSimpleName());
        Optional<String> source = source(top);
        return source.flatMap(text -> javadoc(text, nesting, method, parameters));
    }

    /** The class of a qualified name, nested classes named with dots as JShell writes them. */
    private Optional<Class<?>> load(String qualifiedName) {
        String name = qualifiedName;
        while (true) {
            try {
                return Optional.of(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }

    private Optional<String> source(Class<?> top) {
        CodeSource code = top.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        Path location;
        try {
            location = Path.of(code.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String file = top.getName().replace('.', '/') + ".java";
        return sourceRoots.computeIfAbsent(location, SourceJavadoc::sourceRoot).flatMap(root -> {
            Path path = root.resolve(file);
            try {
                return Files.isRegularFile(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Where the sources of classes loaded from {@code location} are, if anywhere. */
    static Optional<Path> sourceRoot(Path location) {
        String name = location.getFileName() == null ? "" : location.getFileName().toString();
        if (name.endsWith(".jar")) {
            Path jar = location.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-sources.jar");
            if (Files.isRegularFile(jar)) {
                try {
                    FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
                    return Optional.of(zip.getRootDirectories().iterator().next());
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        Path target = name.equals("classes") ? location.getParent() : name.endsWith(".jar") ? location.getParent() : null;
        if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
            Path sources = target.resolveSibling("src").resolve("main").resolve("java");
            return Files.isDirectory(sources) ? Optional.of(sources) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The comment of the type at {@code nesting}, or of its method named so with those parameters. */
    static Optional<String> javadoc(String source, List<String> nesting, String method, List<String> parameters) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Source.java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        Trees trees = Trees.instance(task);
        List<String> found = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, List<String>>() {
                    @Override
                    public Void visitClass(ClassTree type, List<String> outer) {
                        List<String> path = new ArrayList<>(outer);
                        path.add(type.getSimpleName().toString());
                        if (path.equals(nesting)) {
                            if (method == null) {
                                add(trees.getDocComment(getCurrentPath()));
                                return null;
                            }
                            for (Tree member : type.getMembers()) {
                                if (member instanceof MethodTree m && m.getName().contentEquals(method)
                                        && names(m).equals(parameters)) {
                                    add(trees.getDocComment(new TreePath(getCurrentPath(), m)));
                                }
                            }
                            return null;
                        }
                        return super.visitClass(type, path);
                    }

                    private void add(String doc) {
                        if (doc != null && !doc.isBlank()) {
                            found.add(doc);
                        }
                    }
                }.scan(unit, List.of());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    private static List<String> names(MethodTree method) {
        return method.getParameters().stream().map(VariableTree::getName).map(Object::toString).toList();
    }
}
