// Row 6: 100,000 virtual threads each blocked in take() on its own SynchronousQueue
// (an unbuffered channel); main then releases every thread with one put and awaits all.
import java.util.*;
import java.util.concurrent.*;

public class Idle {
    public static void main(String[] args) throws Exception {
        final int n = 100_000;
        List<SynchronousQueue<Integer>> chans = new ArrayList<>(n);
        List<Future<Long>> tasks = new ArrayList<>(n);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                SynchronousQueue<Integer> ch = new SynchronousQueue<>();
                chans.add(ch);
                tasks.add(ex.submit(() -> (long) ch.take() + 1));
            }
            for (int i = 0; i < n; i++) chans.get(i).put(i);
            long sum = 0;
            for (Future<Long> t : tasks) sum += t.get();
            System.out.println("checksum " + sum + " tasks=" + n);
        }
    }
}
