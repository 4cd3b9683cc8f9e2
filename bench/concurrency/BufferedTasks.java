// Tasks row 1: buffered channel throughput between two virtual threads,
// ArrayBlockingQueue(1024), close = a sentinel value (-1); main only waits for both.
import java.util.concurrent.*;

public class BufferedTasks {
    public static void main(String[] args) throws Exception {
        final int n = 2_000_000;
        final ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1024);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> c = ex.submit(() -> {
                long sum = 0;
                while (true) {
                    int v = ch.take();
                    if (v < 0) break;
                    sum += v;
                }
                return sum;
            });
            Future<Integer> p = ex.submit(() -> {
                for (int i = 0; i < n; i++) ch.put(i);
                ch.put(-1);
                return n;
            });
            long sum = c.get();
            int sent = p.get();
            System.out.println("checksum " + sum + " sent=" + sent);
        }
    }
}
