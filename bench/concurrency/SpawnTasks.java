// Tasks row 3: a virtual thread spawns 1,000,000 virtual threads (a virtual-thread-per-task
// executor), then awaits each Future; main only waits for that thread.
import java.util.*;
import java.util.concurrent.*;

public class SpawnTasks {
    static long work(long i) { return i * 2; }

    public static void main(String[] args) throws Exception {
        final int n = 1_000_000;
        try (ExecutorService outer = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> s = outer.submit(() -> {
                List<Future<Long>> tasks = new ArrayList<>(n);
                try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < n; i++) {
                        final long x = i;
                        tasks.add(ex.submit(() -> work(x)));
                    }
                    long sum = 0;
                    for (Future<Long> t : tasks) sum += t.get();
                    return sum;
                }
            });
            System.out.println("checksum " + s.get() + " tasks=" + n);
        }
    }
}
