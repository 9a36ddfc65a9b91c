package escapelab.measure;

import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * JOL's view of this JVM, started without its chatter. On its first use JOL tries to attach the
 * Serviceability Agent and a dynamic agent and prints a warning to standard output for each way
 * that fails (ptrace is off in most containers): in a notebook those lines land in whichever
 * cell first shows a layout, and tell a learner nothing. The layouts are right without them.
 */
public final class JolVm {

    private static String warnings;

    private JolVm() {
    }

    /**
     * JOL's {@code VM.current()}, its start-up warnings kept aside (see {@link #warnings()}). Call
     * it before any other JOL entry point so that they find JOL started.
     */
    public static synchronized VirtualMachine current() {
        if (warnings == null) {
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
