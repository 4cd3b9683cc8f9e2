// Row 9: a virtual thread calls a small helper doing one put and one take on its own
// one-slot queue, 1,000,000 times.
import java.util.concurrent.*;

public class Calls {
    static int helper(ArrayBlockingQueue<Integer> ch, int v) throws InterruptedException {
        ch.put(v);
        return ch.take() + 1;
    }

    public static void main(String[] args) throws Exception {
        final int n = 1_000_000;
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> f = ex.submit(() -> {
                ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1);
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += helper(ch, i);
                }
                return sum;
            });
            System.out.println("checksum " + f.get());
        }
    }
}
