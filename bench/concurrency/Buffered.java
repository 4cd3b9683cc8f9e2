// Row 1: buffered channel throughput, 1 producer virtual thread, 1 consumer (main),
// ArrayBlockingQueue(1024) as the buffered channel. Close is modelled by a sentinel value (-1).
import java.util.concurrent.*;

public class Buffered {
    public static void main(String[] args) throws Exception {
        final int n = 2_000_000;
        final ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1024);
        Thread p = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) ch.put(i);
                ch.put(-1);
            } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
        long sum = 0;
        while (true) {
            int v = ch.take();
            if (v < 0) break;
            sum += v;
        }
        p.join();
        System.out.println("checksum " + sum + " sent=" + n);
    }
}
