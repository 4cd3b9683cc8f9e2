// Main row 5: main (a platform thread) "selects" 1,000,000 times over two
// ArrayBlockingQueue(1024)s, each fed by its own producer virtual thread. Java has no select
// over queues: as in Select.java, main polls both without blocking (alternating which goes
// first) and, when both are empty, parks in a 50 us timed poll on one of them.
import java.util.concurrent.*;

public class MainSelect {
    public static void main(String[] args) throws Exception {
        final int total = 1_000_000;
        final int per = total / 2;
        final ArrayBlockingQueue<Integer> a = new ArrayBlockingQueue<>(1024);
        final ArrayBlockingQueue<Integer> b = new ArrayBlockingQueue<>(1024);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> p1 = ex.submit(() -> { for (int i = 0; i < per; i++) a.put(i); return per; });
            Future<Integer> p2 = ex.submit(() -> { for (int i = 0; i < per; i++) b.put(per + i); return per; });
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
            long produced = p1.get() + p2.get();
            System.out.println("checksum " + sum + " produced=" + produced);
        }
    }
}
