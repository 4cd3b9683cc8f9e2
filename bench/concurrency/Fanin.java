// Row 4: 4-to-1 fan-in: 4 producer virtual threads, one consumer (main),
// ArrayBlockingQueue(1024) as the shared buffered channel.
import java.util.*;
import java.util.concurrent.*;

public class Fanin {
    public static void main(String[] args) throws Exception {
        final int total = 2_000_000;
        final int per = total / 4;
        final ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1024);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                final int from = p * per;
                producers.add(ex.submit(() -> {
                    for (int i = 0; i < per; i++) ch.put(from + i);
                    return per;
                }));
            }
            long sum = 0;
            for (int i = 0; i < total; i++) sum += ch.take();
            long produced = 0;
            for (Future<Integer> f : producers) produced += f.get();
            System.out.println("checksum " + sum + " produced=" + produced);
        }
    }
}
