package escapelab.kernel;

import escapelab.kernel.protocol.KernelConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel: {@code java escapelab.kernel.Main <connection-file>}, as a kernelspec's
 * argv does. The environment variables {@code IJAVA_CLASSPATH} and
 * {@code IJAVA_STARTUP_SCRIPTS_PATH} configure it (see {@link KernelSettings}).
 */
public final class Main {

    /** The exit status when a port of the connection file is taken: sysexits' EX_TEMPFAIL, try again. */
    public static final int PORT_TAKEN = 75;

    private Main() {
    }

    /** Runs the kernel until the front end shuts it down. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java escapelab.kernel.Main <connection-file>");
            System.exit(2);
        }
        // Charts and images are drawn off-screen; a kernel has no display.
        System.setProperty("java.awt.headless", "true");
        PrintStream kernelOut = System.out;
        PrintStream kernelErr = System.err;
        // Console logging binds to System.err when first used: bind it now, before the kernel
        // redirects System.err to the notebook, so the kernel's own log stays in its log.
        // basekernel logs every message at INFO; warnings are what a kernel log is read for.
        Logger root = Logger.getLogger("");
        root.getHandlers();
        root.setLevel(Level.WARNING);

        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        KernelConnection jupyter = new KernelConnection(connection, kernelErr);
        try {
            jupyter.bindPorts();
        } catch (KernelConnection.PortTakenException e) {
            // Jupyter's restarter starts a kernel that ended again; one that waited half-bound it
            // would wait on for ever.
            kernelErr.println("escapelab kernel: the " + e.getMessage() + "; the kernel ends, to be started again");
            System.exit(PORT_TAKEN);
        }
        JavaKernel kernel = JavaKernel.start(KernelSettings.from(System.getenv(), Path.of("")), kernelOut, kernelErr);
        kernel.becomeHandlerForConnection(jupyter);
        interruptOnSigint(kernel, kernelErr);
        jupyter.serve(kernel::takeStopAfterError);
        jupyter.waitUntilClose();
        // Cells may leave non-daemon threads running; they must not keep a shut-down kernel alive.
        System.exit(0);
    }


    /**
     * A kernelspec with {@code interrupt_mode: signal} (Jupyter's default) interrupts with
     * SIGINT, which would otherwise end the JVM. {@code sun.misc.Signal} is the JDK's only way to
     * handle a signal (hence javac's warning about it).
     */
    private static void interruptOnSigint(JavaKernel kernel, PrintStream kernelErr) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            kernelErr.println("escapelab kernel: SIGINT cannot interrupt cells here: " + e);
        }
    }
}
