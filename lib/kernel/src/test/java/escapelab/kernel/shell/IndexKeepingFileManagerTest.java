package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;

class IndexKeepingFileManagerTest {

    private final List<String> passedOn = new ArrayList<>();

    /** A file manager that records the options it is given and accepts them all. */
    private StandardJavaFileManager recording() {
        return (StandardJavaFileManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StandardJavaFileManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handleOption")) {
                        Iterator<?> values = (Iterator<?>) args[1];
                        passedOn.add(args[0] + " " + values.next());
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Iterator<String> value(String value) {
        return List.of(value).iterator();
    }

    @Test
    void aRepeatedOptionIsPassedOnOnlyWhenItsValueChanges() {
        IndexKeepingFileManager manager = new IndexKeepingFileManager(recording());
        assertTrue(manager.handleOption("--multi-release", value("17")));
        assertTrue(manager.handleOption("--multi-release", value("17")));
        assertTrue(manager.handleOption("--multi-release", value("11")));
        assertEquals(List.of("--multi-release 17", "--multi-release 11"), passedOn);
    }

    @Test
    void theClassPathIsAlwaysPassedOn() {
        IndexKeepingFileManager manager = new IndexKeepingFileManager(recording());
        manager.handleOption("-classpath", value("a.jar"));
        manager.handleOption("-classpath", value("a.jar"));
        assertEquals(List.of("-classpath a.jar", "-classpath a.jar"), passedOn);
    }
}
