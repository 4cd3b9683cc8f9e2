// Tasks row 6: 100,000 virtual threads each blocked in take() on its own SynchronousQueue; a
// releaser virtual thread puts once to each and awaits all; main only waits for it.
import java.util.*;
import java.util.concurrent.*;

public class IdleTasks {
    public static void main(String[] args) throws Exception {
        final int n = 100_000;
        try (ExecutorService outer = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> r = outer.submit(() -> {
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
                    return sum;
                }
            });
            System.out.println("checksum " + r.get() + " tasks=" + n);
        }
    }
}
