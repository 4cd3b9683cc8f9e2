// Row 2: unbuffered ping-pong between two virtual threads; SynchronousQueue is the
// rendezvous (unbuffered) channel.
import java.util.concurrent.*;

public class Pingpong {
    public static void main(String[] args) throws Exception {
        final int rounds = 200_000;
        final SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        final SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> b = ex.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    int v = ping.take();
                    pong.put(v + 1);
                }
                return rounds;
            });
            Future<Integer> a = ex.submit(() -> {
                int ball = 0;
                for (int i = 0; i < rounds; i++) {
                    ping.put(ball);
                    ball = pong.take();
                }
                return ball;
            });
            int last = a.get();
            int done = b.get();
            System.out.println("checksum " + last + " rounds=" + done);
        }
    }
}
