package escapelab.kernel.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * JShell's compiler file manager, minus a repeated cost: javac's file manager forgets its index
 * of the class path (which jar holds which package) whenever one of its options is set, and
 * javac sets {@code --multi-release} on it for every task, four per expression. With the
 * course's ninety jars, re-indexing took a few milliseconds of every task. An option is
 * therefore passed on only when its value differs from the one last passed; the class path
 * itself is always passed on, so that jars added later are indexed.
 */
final class IndexKeepingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {

    /** Options javac sets on every task with the same value. */
    private static final List<String> REPEATED_OPTIONS = List.of("--multi-release");

    private final Map<String, String> lastValues = new HashMap<>();

    IndexKeepingFileManager(StandardJavaFileManager fileManager) {
        super(fileManager);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (!REPEATED_OPTIONS.contains(current) || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String value = remaining.next();
        if (Objects.equals(lastValues.get(current), value)) {
            return true;
        }
        boolean handled = super.handleOption(current, List.of(value).iterator());
        if (handled) {
            lastValues.put(current, value);
        }
        return handled;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
