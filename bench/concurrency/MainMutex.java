// Main row 8: a ReentrantLock contended between main (a platform thread) and 4 virtual
// threads, each of the five doing 100,000 lock/increment/unlock.
import java.util.concurrent.locks.ReentrantLock;

public class MainMutex {
    static long value = 0;

    static void work(ReentrantLock lock, int n) {
        for (int i = 0; i < n; i++) {
            lock.lock();
            try { value++; } finally { lock.unlock(); }
        }
    }

    public static void main(String[] args) throws Exception {
        final int n = 100_000;
        final ReentrantLock lock = new ReentrantLock();
        Thread[] workers = new Thread[4];
        for (int w = 0; w < 4; w++) workers[w] = Thread.ofVirtual().start(() -> work(lock, n));
        work(lock, n);
        for (Thread t : workers) t.join();
        System.out.println("checksum " + value);
    }
}
