package escapelab.kernel.display;

import escapelab.kernel.protocol.IOPublisher;
import escapelab.kernel.shell.JShellSession;
import escapelab.notebook.Host;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel's side of the notebook seam: rich output goes out on iopub (from any thread),
 * class path and declarations go to the session.
 */
public final class KernelHost implements Host {

    private final IOPublisher publisher;
    private final Renderer renderer;
    private final JShellSession session;
    private final Set<String> displayIds = ConcurrentHashMap.newKeySet();

    /** @param session where libraries' class path entries and declared source go */
    public KernelHost(IOPublisher publisher, Renderer renderer, JShellSession session) {
        this.publisher = publisher;
        this.renderer = renderer;
        this.session = session;
    }

    @Override
    public String display(Object value) {
        String id = UUID.randomUUID().toString();
        DisplayData data = displayData(renderer.render(value));
        data.setDisplayId(id);
        displayIds.add(id);
        publisher.publish(new PublishDisplayData(data));
        return id;
    }

    @Override
    public void updateDisplay(String id, Object value) {
        if (id == null || !displayIds.contains(id)) {
            throw new IllegalArgumentException("no output was shown under display id " + id);
        }
        DisplayData data = displayData(renderer.render(value));
        data.setDisplayId(id);
        publisher.publish(new PublishUpdateDisplayData(data));
    }

    /** Clears the running cell's output, at once or when the next output arrives. */
    void clearOutput(boolean wait) {
        publisher.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    @Override
    public void addToClasspath(Path path) {
        session.addToClasspath(Objects.requireNonNull(path, "path"));
    }

    @Override
    public void declare(String javaSource) {
        session.declare(Objects.requireNonNull(javaSource, "javaSource"));
    }

    /** A bundle as basekernel's message content. */
    public static DisplayData displayData(Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }
}
