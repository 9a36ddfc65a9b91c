package escapelab.measure;

import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * JOL's view of this JVM, started without its chatter and without the Serviceability Agent. On
 * its first use JOL tries to attach the Serviceability Agent (from a second JVM, through ptrace)
 * and a dynamic agent, and prints a warning to standard output for each way that fails: in a
 * notebook those lines land in whichever cell first shows a layout, and tell a learner nothing.
 * The agent's attempt alone took 1.4 s of the first layout (ptrace is off in most containers,
 * where it fails anyway); the layouts come from JOL's own probes and the dynamic agent, so it is
 * skipped ({@value #SKIP_SA}) unless the JVM was started with that property set.
 */
public final class JolVm {

    /** JOL's switch for the Serviceability Agent's attempt. */
    static final String SKIP_SA = "jol.skipHotspotSAAttach";

    private static String warnings;

    private JolVm() {
    }

    /**
     * JOL's {@code VM.current()}, its start-up warnings kept aside (see {@link #warnings()}). Call
     * it before any other JOL entry point so that they find JOL started.
     */
    public static synchronized VirtualMachine current() {
        if (warnings == null) {
            if (System.getProperty(SKIP_SA) == null) {
                System.setProperty(SKIP_SA, "true");
            }
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            PrintStream aside = new PrintStream(kept, true, StandardCharsets.UTF_8);
            System.setOut(aside);
            System.setErr(aside);
            try {
                VM.current();
            } finally {
                System.setOut(out);
                System.setErr(err);
                warnings = kept.toString(StandardCharsets.UTF_8);
            }
        }
        return VM.current();
    }

    /** What JOL printed when it started, for who wonders how it measured; empty before then. */
    public static synchronized String warnings() {
        return warnings == null ? "" : warnings;
    }
}
