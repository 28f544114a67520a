package org.entente.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;

/**
 * The process {@link SubscriberKillTest} kills: it opens an H2 store with a clock on a given day, subscribes to
 * every dyad under a durable name with a listener that appends each change to a file (forced to disk) before it
 * returns, then records the Niger seed up to 2024-04-30 fact by fact (a fact already recorded is recorded again
 * as a no-op), waits until the subscription has caught up, and prints {@code DONE}. It prints a line per fact and
 * per change, at which the test kills it.
 */
public final class SubscriberChild {

    private SubscriberChild() {
    }

    /**
     * Runs the child.
     *
     * @param args the store's directory, the file of changes, the clock's day
     */
    public static void main(String[] args) throws IOException {
        Path store = Path.of(args[0]);
        Path changes = Path.of(args[1]);
        Clock clock = Clock.fixed(LocalDate.parse(args[2]).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (FileChannel log = FileChannel.open(changes, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             Entente entente = Entente.builder().h2(store).clock(clock).build();
             Subscription s = entente.subscribe(Watch.all(), change -> {
                 try {
                     log.write(ByteBuffer.wrap((change + "\n").getBytes(StandardCharsets.UTF_8)));
                     log.force(false);
                 } catch (IOException e) {
                     throw new UncheckedIOException(e);
                 }
                 System.out.println("CHANGE " + change);
                 System.out.flush();
             }, SubscriptionOptions.durable("kill-test"))) {
            for (FactCommand c : SubscriptionTest.facts(c -> SubscriptionTest.upTo(c, "2024-04-30"))) {
                entente.record(c);
                System.out.println("FACT " + c.fact().id());
                System.out.flush();
            }
            if (!s.awaitCaughtUp(Duration.ofSeconds(90))) {
                System.out.println("STUCK " + s.status());
                System.exit(3);
            }
            System.out.println("DONE");
            System.out.flush();
        }
    }
}
