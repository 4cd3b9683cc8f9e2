// Main row 7: actor message throughput with main (a platform thread) as the sender: 400,000
// messages to a virtual thread owning the count through an ArrayBlockingQueue(64) mailbox,
// then a request/reply.
import java.util.concurrent.*;

public class MainActor {
    record Message(int add, CompletableFuture<Long> reply) {}

    public static void main(String[] args) throws Exception {
        final int n = 400_000;
        final ArrayBlockingQueue<Message> mailbox = new ArrayBlockingQueue<>(64);
        Thread actor = Thread.ofVirtual().start(() -> {
            long count = 0;
            try {
                while (true) {
                    Message m = mailbox.take();
                    if (m.reply() == null) count += m.add();
                    else if (m.add() < 0) return;
                    else m.reply().complete(count);
                }
            } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
        for (int i = 0; i < n; i++) mailbox.put(new Message(i % 7, null));
        CompletableFuture<Long> total = new CompletableFuture<>();
        mailbox.put(new Message(0, total));
        System.out.println("checksum " + total.get());
        mailbox.put(new Message(-1, new CompletableFuture<>()));
        actor.join();
    }
}
