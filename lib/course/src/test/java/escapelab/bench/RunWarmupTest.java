package escapelab.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.CompilerHints;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The host's warm-up makes JMH's blackhole check, which the first run would otherwise make. */
class RunWarmupTest {

    @Test
    void theWarmUpMakesJmhsBlackholeCheckBeforeTheFirstRun() throws Exception {
        Field mode = CompilerHints.class.getDeclaredField("blackholeMode");
        mode.setAccessible(true);
        Object before = mode.get(null);
        mode.set(null, null);
        try {
            Thread warm = RunWarmup.start().orElseThrow();
            warm.join(60_000);
            assertNotNull(mode.get(null), "JMH's blackhole mode is known after the warm-up");
        } finally {
            if (mode.get(null) == null) {
                mode.set(null, before);
            }
        }
    }
}
