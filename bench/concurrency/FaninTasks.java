// Tasks row 4: 4-to-1 fan-in between virtual threads: 4 producers, one consumer virtual
// thread that sums, ArrayBlockingQueue(1024); main only waits.
import java.util.*;
import java.util.concurrent.*;

public class FaninTasks {
    public static void main(String[] args) throws Exception {
        final int total = 2_000_000;
        final int per = total / 4;
        final ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1024);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> c = ex.submit(() -> {
                long sum = 0;
                for (int i = 0; i < total; i++) sum += ch.take();
                return sum;
            });
            List<Future<Integer>> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                final int from = p * per;
                producers.add(ex.submit(() -> {
                    for (int i = 0; i < per; i++) ch.put(from + i);
                    return per;
                }));
            }
            long sum = c.get();
            long produced = 0;
            for (Future<Integer> f : producers) produced += f.get();
            System.out.println("checksum " + sum + " produced=" + produced);
        }
    }
}
