package escapelab.kernel;

import escapelab.kernel.shell.ClassPath;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the kernelspec's environment asks of the kernel, named as in IJava.
 *
 * @param classPath {@code IJAVA_CLASSPATH}, expanded: extra class path for cells
 * @param startupScripts {@code IJAVA_STARTUP_SCRIPTS_PATH}, expanded: files of Java snippets
 *     evaluated at start-up, in order
 */
record KernelSettings(List<Path> classPath, List<Path> startupScripts) {

    static final String CLASSPATH_VARIABLE = "IJAVA_CLASSPATH";
    static final String STARTUP_SCRIPTS_VARIABLE = "IJAVA_STARTUP_SCRIPTS_PATH";

    /** Copies the lists so the settings stay unchanged. */
    KernelSettings {
        classPath = List.copyOf(classPath);
        startupScripts = List.copyOf(startupScripts);
    }

    /** Reads the variables from {@code environment}; relative paths resolve against {@code base}. */
    static KernelSettings from(Map<String, String> environment, Path base) {
        List<Path> scripts = new ArrayList<>();
        String scriptPath = environment.get(STARTUP_SCRIPTS_VARIABLE);
        if (scriptPath != null) {
            for (String entry : scriptPath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                String trimmed = entry.strip();
                if (ClassPath.isGlob(trimmed)) {
                    scripts.addAll(ClassPath.glob(trimmed, base));
                } else {
                    scripts.add(base.resolve(trimmed).toAbsolutePath().normalize());
                }
            }
        }
        return new KernelSettings(ClassPath.expand(environment.get(CLASSPATH_VARIABLE), base), scripts);
    }
}
