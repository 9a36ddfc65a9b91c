package escapelab.escape;

import escapelab.notebook.Mistake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes a report covers, with their class files: a benchmark cell's classes, or whole
 * packages found on the class path.
 *
 * @param description how the report names it, e.g. {@code FirstEscape} or {@code package escapelab.check}
 * @param classFiles class file bytes by binary class name
 */
record Scope(String description, Map<String, byte[]> classFiles) {

    Scope {
        classFiles = Map.copyOf(classFiles);
    }

    /** Whether a class (binary name with dots) is covered. */
    Predicate<String> contains() {
        return classFiles::containsKey;
    }

    /**
     * A compiled cell's classes: the class and its nested classes, JMH's generated ones left out.
     *
     * @param dir the folder the cell was compiled to
     * @param className the cell's main class, e.g. {@code cells.FirstEscape}
     */
    static Map<String, byte[]> cellClasses(Path dir, String className) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        int dot = className.lastIndexOf('.');
        Path folder = dot < 0 ? dir : dir.resolve(className.substring(0, dot).replace('.', '/'));
        String simple = className.substring(dot + 1);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(simple + ".class") || (name.startsWith(simple + "$") && name.endsWith(".class"))) {
                    String binary = (dot < 0 ? "" : className.substring(0, dot + 1))
                            + name.substring(0, name.length() - ".class".length());
                    found.put(binary, Files.readAllBytes(file));
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no class files of " + className + " in " + folder);
        }
        return found;
    }

    /**
     * Every class directly in a package (not its sub-packages), from the folders and jars of
     * the class path that hold it.
     *
     * @throws Mistake if no class of that package is on the class path
     */
    static Map<String, byte[]> packageClasses(ClassLoader loader, String packageName) throws IOException {
        return packageClasses(loader, packageName, java.util.Collections.list(loader.getResources(
                packageName.replace('.', '/'))));
    }

    /**
     * The classes of a class's package, from the one jar or folder that class was loaded from
     * (not from others that hold the same package, such as a test folder).
     */
    static Map<String, byte[]> packageOf(Class<?> anchor) throws IOException {
        String path = anchor.getPackageName().replace('.', '/');
        var source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalArgumentException(anchor.getName() + " has no code source to list its package from");
        }
        String location = source.getLocation().toString();
        URL root = new URL(location.endsWith(".jar") ? "jar:" + location + "!/" + path
                : (location.endsWith("/") ? location : location + "/") + path);
        return packageClasses(anchor.getClassLoader(), anchor.getPackageName(), List.of(root));
    }

    private static Map<String, byte[]> packageClasses(ClassLoader loader, String packageName, List<URL> roots)
            throws IOException {
        String path = packageName.replace('.', '/');
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (URL root : roots) {
            for (String entry : classEntries(root, path)) {
                String binary = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try (InputStream in = entryStream(root, path, entry)) {
                    found.putIfAbsent(binary, in.readAllBytes());
                }
            }
        }
        if (found.isEmpty()) {
            throw new Mistake("no class of package " + packageName + " on the class path: check its spelling, "
                    + "or name a class of it, e.g. scope(Check.class)");
        }
        return found;
    }

    /** Reads an entry from the root it was listed in: the loader might find another copy first. */
    private static InputStream entryStream(URL root, String path, String entry) throws IOException {
        String base = root.toString();
        return new URL(base.substring(0, base.length() - path.length()) + entry).openStream();
    }

    private static List<String> classEntries(URL root, String path) throws IOException {
        List<String> entries = new ArrayList<>();
        if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(path + "/") && name.endsWith(".class")
                            && name.indexOf('/', path.length() + 1) < 0) {
                        entries.add(name);
                    }
                }
            }
        } else if (root.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted()
                        .forEach(n -> entries.add(path + "/" + n));
            } catch (URISyntaxException e) {
                throw new UncheckedIOException(new IOException("unreadable class path entry " + root, e));
            }
        }
        return entries;
    }
}
