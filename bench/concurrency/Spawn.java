// Row 3: spawn 1,000,000 virtual threads (one task each via a virtual-thread-per-task
// executor), then await each Future.
import java.util.*;
import java.util.concurrent.*;

public class Spawn {
    static long work(long i) { return i * 2; }

    public static void main(String[] args) throws Exception {
        final int n = 1_000_000;
        List<Future<Long>> tasks = new ArrayList<>(n);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                final long x = i;
                tasks.add(ex.submit(() -> work(x)));
            }
            long sum = 0;
            for (Future<Long> t : tasks) sum += t.get();
            System.out.println("checksum " + sum + " tasks=" + n);
        }
    }
}
