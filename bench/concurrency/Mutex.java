// Row 8: contended mutex: 8 virtual threads x 100k lock/increment/unlock on one ReentrantLock.
import java.util.concurrent.locks.ReentrantLock;

public class Mutex {
    static long value = 0;

    public static void main(String[] args) throws Exception {
        final int n = 100_000;
        final ReentrantLock lock = new ReentrantLock();
        Thread[] workers = new Thread[8];
        for (int w = 0; w < 8; w++) {
            workers[w] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < n; i++) {
                    lock.lock();
                    try { value++; } finally { lock.unlock(); }
                }
            });
        }
        for (Thread t : workers) t.join();
        System.out.println("checksum " + value);
    }
}
