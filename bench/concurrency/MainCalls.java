// Main row 9: main (a platform thread) calls a small helper doing one put and one take on its
// own one-slot queue, 1,000,000 times.
import java.util.concurrent.*;

public class MainCalls {
    static int helper(ArrayBlockingQueue<Integer> ch, int v) throws InterruptedException {
        ch.put(v);
        return ch.take() + 1;
    }

    public static void main(String[] args) throws Exception {
        final int n = 1_000_000;
        ArrayBlockingQueue<Integer> ch = new ArrayBlockingQueue<>(1);
        long sum = 0;
        for (int i = 0; i < n; i++) sum += helper(ch, i);
        System.out.println("checksum " + sum);
    }
}
