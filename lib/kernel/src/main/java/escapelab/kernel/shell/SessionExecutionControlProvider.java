package escapelab.kernel.shell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Gives JShell a {@link SessionExecutionControl} and keeps hold of it for the session. */
final class SessionExecutionControlProvider implements ExecutionControlProvider {

    private volatile SessionExecutionControl control;

    @Override
    public String name() {
        return "escapelab-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new SessionExecutionControl();
        return control;
    }

    /** The control JShell runs cells with; only after JShell was built. */
    SessionExecutionControl control() {
        if (control == null) {
            throw new IllegalStateException("JShell has not created its execution control yet");
        }
        return control;
    }
}
