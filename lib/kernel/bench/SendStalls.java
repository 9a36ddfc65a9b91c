import java.util.Arrays;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Times JeroMQ sends as the kernel makes them: a six-frame message on a PUB socket every 20 ms,
 * after enough sends for the JIT to compile the path. Run by send_stalls.py, which subscribes.
 * Arguments: port, warm-up sends, timed sends. Prints the timings in microseconds, one per line.
 */
public final class SendStalls {

    public static void main(String[] args) throws Exception {
        int warm = Integer.parseInt(args[1]);
        long[] micros = new long[Integer.parseInt(args[2])];
        byte[] frame = new byte[200];
        try (ZMQ.Context context = ZMQ.context(1); ZMQ.Socket publisher = context.socket(SocketType.PUB)) {
            publisher.bind("tcp://127.0.0.1:" + args[0]);
            Thread.sleep(1500); // the subscriber connects
            for (int i = 0; i < warm; i++) {
                send(publisher, frame);
                if (i % 10 == 0) {
                    Thread.sleep(1);
                }
            }
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                send(publisher, frame);
                micros[i] = (System.nanoTime() - start) / 1000;
                Thread.sleep(20);
            }
        }
        Arrays.stream(micros).forEach(System.out::println);
    }

    private static void send(ZMQ.Socket publisher, byte[] frame) {
        for (int f = 0; f < 5; f++) {
            publisher.sendMore(frame);
        }
        publisher.send(frame);
    }
}
