// Row 5: one consumer virtual thread "selecting" over two channels fed by two producer
// virtual threads. Java has no select over BlockingQueues, so this emulates it by polling:
// the consumer tries a non-blocking poll() on each queue in turn (alternating which one goes
// first, for fairness) and, when both are empty, does a short timed poll (50 us) on one of
// them so the thread parks instead of spinning. This is the usual way to wait on two
// java.util.concurrent queues without merging them into one.
import java.util.concurrent.*;

public class Select {
    public static void main(String[] args) throws Exception {
        final int total = 1_000_000;
        final int per = total / 2;
        final ArrayBlockingQueue<Integer> a = new ArrayBlockingQueue<>(1024);
        final ArrayBlockingQueue<Integer> b = new ArrayBlockingQueue<>(1024);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> c = ex.submit(() -> {
                long sum = 0;
                int got = 0;
                boolean aFirst = true;
                while (got < total) {
                    ArrayBlockingQueue<Integer> q1 = aFirst ? a : b, q2 = aFirst ? b : a;
                    aFirst = !aFirst;
                    Integer v = q1.poll();
                    if (v == null) v = q2.poll();
                    if (v == null) v = q1.poll(50, TimeUnit.MICROSECONDS);
                    if (v != null) { sum += v; got++; }
                }
                return sum;
            });
            Future<Integer> p1 = ex.submit(() -> { for (int i = 0; i < per; i++) a.put(i); return per; });
            Future<Integer> p2 = ex.submit(() -> { for (int i = 0; i < per; i++) b.put(per + i); return per; });
            long sum = c.get();
            long produced = p1.get() + p2.get();
            System.out.println("checksum " + sum + " produced=" + produced);
        }
    }
}
