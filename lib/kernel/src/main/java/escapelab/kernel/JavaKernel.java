package escapelab.kernel;

import escapelab.kernel.display.Display;
import escapelab.kernel.display.KernelHost;
import escapelab.kernel.display.Renderer;
import escapelab.kernel.errors.CellFailure;
import escapelab.kernel.errors.ErrorReport;
import escapelab.kernel.magic.CellMagicRunner;
import escapelab.kernel.magic.CellSource;
import escapelab.kernel.magic.LineMagics;
import escapelab.kernel.protocol.CellHistory;
import escapelab.kernel.protocol.HistoryOkReply;
import escapelab.kernel.protocol.IOPublisher;
import escapelab.kernel.protocol.KernelInfoOkReply;
import escapelab.kernel.protocol.PagedExecuteReply;
import escapelab.kernel.shell.CellValue;
import escapelab.kernel.shell.JShellSession;
import escapelab.kernel.shell.SessionStartup;
import escapelab.kernel.shell.SessionWarmUp;
import escapelab.notebook.Notebook;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterInputStream;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Java kernel: cells run in a JShell session inside this JVM, libraries reach the notebook
 * through the {@link Notebook} seam, and {@code System.out}/{@code System.err} of every thread
 * stream to the front end live.
 *
 * <p>basekernel handles the connection and most requests. Execution and kernel_info are this
 * class's own: basekernel's execute handler swaps {@code System.out} per request and sends output
 * of other threads nowhere, publishes through a reply environment that is not safe to share
 * with threads a cell starts, and shows kernel stack traces for errors; its kernel_info reply
 * lacks {@code status}.
 */
public final class JavaKernel extends BaseKernel {

    static final String IMPLEMENTATION = "escapelab-java";
    static final String IMPLEMENTATION_VERSION = "1.0";

    private final IOPublisher publisher;
    private final JShellSession session;
    private final Renderer renderer;
    private final CellRunner runner;
    private final JupyterInputStream stdin;
    private final Inspector inspector;
    private final CellHistory history = new CellHistory(1);
    private final AtomicBoolean stopAfterError = new AtomicBoolean();

    private JavaKernel(IOPublisher publisher, JShellSession session, Renderer renderer, CellRunner runner,
            JupyterInputStream stdin, SessionStartup startup) {
        this.publisher = publisher;
        this.session = session;
        this.renderer = renderer;
        this.runner = runner;
        this.stdin = stdin;
        this.inspector = new Inspector(session, startup);
    }

    /**
     * Starts a kernel in this JVM: takes over {@code System.out}, {@code System.err} and
     * {@code System.in}, starts the session with the settings' class path, installs the
     * notebook host, imports {@link Display}'s methods and runs the start-up scripts.
     *
     * @param kernelOut the JVM's original stdout, for output while no front end is attached
     * @param kernelErr the JVM's original stderr, for the kernel's own warnings
     */
    public static JavaKernel start(KernelSettings settings, PrintStream kernelOut, PrintStream kernelErr) {
        IOPublisher publisher = new IOPublisher(kernelOut, kernelErr);
        System.setOut(publisher.stdout());
        System.setErr(publisher.stderr());
        JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
        System.setIn(stdin);
        publisher.startFlushing();

        JShellSession session = new JShellSession();
        for (Path entry : settings.classPath()) {
            if (Files.exists(entry)) {
                session.addToClasspath(entry);
            } else {
                kernelErr.println("escapelab kernel: " + KernelSettings.CLASSPATH_VARIABLE + " entry not found: " + entry);
            }
        }
        Renderer renderer = new Renderer();
        Notebook.install(new KernelHost(publisher, renderer, session));
        SessionStartup startup = SessionStartup.begin(() -> {
            evalStartup(session, "import static " + Display.class.getName() + ".*;", "kernel imports", kernelErr);
            for (Path script : settings.startupScripts()) {
                try {
                    evalStartup(session, Files.readString(script), script.getFileName().toString(), kernelErr);
                } catch (IOException e) {
                    kernelErr.println("escapelab kernel: cannot read start-up script " + script + ": " + e);
                }
            }
        });
        SessionWarmUp.begin(session, startup);
        LineMagics lineMagics = new LineMagics(session::addToClasspath, Path.of("").toAbsolutePath());
        CellRunner runner = new CellRunner(session, lineMagics, new CellMagicRunner(session.classLoader()), startup);
        return new JavaKernel(publisher, session, renderer, runner, stdin, startup);
    }

    private static void evalStartup(JShellSession session, String code, String name, PrintStream kernelErr) {
        try {
            session.evalScript(code, name);
        } catch (CellFailure failure) {
            kernelErr.println("escapelab kernel: start-up script " + name + " failed:");
            failure.report().traceback().forEach(kernelErr::println);
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        publisher.attach(connection.getIOPub());
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistory);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        // The feature release alone: front ends save language_info into the notebook, and a
        // patch number there would mark every notebook modified on a JDK with another patch.
        return new LanguageInfo.Builder("java")
                .version(String.valueOf(Runtime.version().feature()))
                .mimetype("text/x-java-source")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    @Override
    public String getBanner() {
        return "Java " + System.getProperty("java.version") + " (JShell in the kernel's JVM)";
    }

    /** Runs a cell outside the protocol's execute handler (basekernel's contract). */
    @Override
    public DisplayData eval(String code) throws Exception {
        Optional<CellValue> value = runner.run(code, executionCount.get());
        return value.map(v -> KernelHost.displayData(renderer.render(v.value()))).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        if (CellSource.cellMagic(code).isPresent()) {
            return null;
        }
        JShellSession.Completions completions = session.complete(CellSource.maskLineMagics(code), at);
        return new ReplacementOptions(completions.options(), completions.start(), completions.end());
    }

    @Override
    public String isComplete(String code) {
        if (CellSource.cellMagic(code).isPresent()) {
            return IS_COMPLETE_YES;
        }
        switch (session.isComplete(CellSource.maskLineMagics(code))) {
            case COMPLETE:
                return IS_COMPLETE_YES;
            case INVALID:
                return IS_COMPLETE_BAD;
            default:
                return ""; // incomplete, continue without indent
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        if (CellSource.cellMagic(code).isPresent()) {
            return null;
        }
        return inspector.inspect(CellSource.maskLineMagics(code), at)
                .map(shown -> KernelHost.displayData(Map.of("text/plain", shown.plain(), "text/markdown", shown.markdown())))
                .orElse(null);
    }

    /** Stops the running cell; basekernel calls it on interrupt_request, {@link Main} on SIGINT. */
    @Override
    public void interrupt() {
        runner.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        publisher.flushStreams();
        session.close();
    }

    /** True once after a cell failed whose request asked to stop on error: queued cells are then aborted. */
    boolean takeStopAfterError() {
        return stopAfterError.getAndSet(false);
    }

    private void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        session.noteUse();
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        publisher.setParent(message);
        stdin.setEnv(env);
        stdin.setEnabled(request.isStdinEnabled());
        boolean remembered = !silent && request.shouldStoreHistory();
        try {
            if (!silent) {
                publisher.publish(new PublishExecuteInput(request.getCode(), count));
            }
            Optional<String> inspected = InspectionCell.name(request.getCode());
            if (inspected.isPresent()) {
                String text = inspector.inspect(inspected.get(), inspected.get().length()).map(Inspector.Shown::plain)
                        .orElseThrow(() -> new CellFailure(InspectionCell.notFound(inspected.get())));
                rememberIf(remembered, count, request.getCode(), null);
                env.reply(new PagedExecuteReply(count, text));
                return;
            }
            Optional<CellValue> value = runner.run(request.getCode(), count);
            Map<String, String> shown = value.isPresent() && !silent ? render(value.get()) : null;
            if (shown != null) {
                publisher.publish(new PublishExecuteResult(count, KernelHost.displayData(shown)));
            }
            publisher.flushStreams();
            rememberIf(remembered, count, request.getCode(), shown == null ? null : shown.get("text/plain"));
            env.reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (CellFailure failure) {
            rememberIf(remembered, count, request.getCode(), null);
            replyError(env, count, failure.report());
            stopAfterError.set(request.shouldStopOnError() && !silent);
        } catch (RuntimeException | Error unexpected) {
            replyError(env, count, new ErrorReport(unexpected.getClass().getName(), String.valueOf(unexpected.getMessage()),
                    List.of("The kernel failed running this cell: " + unexpected)));
            stopAfterError.set(request.shouldStopOnError() && !silent);
        } finally {
            stdin.retractEnv(env);
        }
    }

    private void rememberIf(boolean remembered, int count, String code, String output) {
        if (remembered) {
            history.record(count, code, output);
        }
    }

    private Map<String, String> render(CellValue value) throws CellFailure {
        try {
            return renderer.render(value.value());
        } catch (RuntimeException e) {
            String message = "Showing the cell's value failed: " + e;
            throw new CellFailure(new ErrorReport(e.getClass().getName(), message, List.of(message)));
        }
    }

    private void replyError(ShellReplyEnvironment env, int count, ErrorReport report) {
        publisher.publish(new PublishError(report.name(), report.value(), report.traceback()));
        ErrorReply reply = new ErrorReply(report.name(), report.value(), report.traceback());
        reply.setExecutionCount(count);
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    private void handleKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOkReply(Header.PROTOCOL_VERISON, IMPLEMENTATION, IMPLEMENTATION_VERSION,
                getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        List<CellHistory.Entry> found;
        if (request instanceof HistoryRequest.Range range) {
            found = history.range(range.getSessionIndex(), range.getStart(), range.getStop());
        } else if (request instanceof HistoryRequest.Search search) {
            found = history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
        } else {
            found = history.tail(((HistoryRequest.Tail) request).getMaxReturnLength());
        }
        env.reply(new HistoryOkReply(found, request.includeOutput()));
    }
}
