// Main row 2: unbuffered ping-pong between main (a platform thread) and one virtual thread,
// SynchronousQueue as the rendezvous channel, 200,000 round trips.
import java.util.concurrent.*;

public class MainPingpong {
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
            int ball = 0;
            for (int i = 0; i < rounds; i++) {
                ping.put(ball);
                ball = pong.take();
            }
            int done = b.get();
            System.out.println("checksum " + ball + " rounds=" + done);
        }
    }
}
