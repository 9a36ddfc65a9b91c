package escapelab.bench;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/** Another run's hold on JMH's machine-wide lock, for a while: what a second notebook's benchmark does. */
final class JmhLock {

    private JmhLock() {
    }

    /** Takes JMH's lock on a thread of its own for {@code millis}, and returns that thread once it holds it. */
    static Thread heldFor(long millis) throws InterruptedException {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        CountDownLatch held = new CountDownLatch(1);
        Thread otherRun = new Thread(() -> {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                held.countDown();
                Thread.sleep(millis);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        otherRun.start();
        held.await();
        return otherRun;
    }
}
