package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.store.TransactionCapExceededException;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that holds a low global position while later ones commit: processors see a gap.
 * Entente prevents a gap from being skipped for good by design (a transaction longer than half the gap
 * timeout is rolled back), and a slow transaction within the cap is picked up once it commits.
 * The gap timeout is shortened to 2 s here so the test stays quick.
 */
class SlowWriterTest {

    static final Duration GAP = Duration.ofSeconds(2);
    static final Duration CAP = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    private Entente open() {
        return Entente.builder().h2(directory).gapTimeout(GAP).transactionCap(CAP).build();
    }

    @Test
    void aBatchTransactionLongerThanTheCapIsRolledBackSoItCanNeverBeSkipped() {
        try (Entente entente = open()) {
            SimpleCommandBus bus = (SimpleCommandBus) entente.store().axonConfiguration().commandBus();
            bus.registerHandlerInterceptor((uow, chain) -> {
                Object result = chain.proceed();
                LockSupport.parkNanos(CAP.plusMillis(300).toNanos()); // a writer slower than the cap
                return result;
            });
            assertThatThrownBy(() -> entente.recordAll(List.of(talks("slow-1", "2024-01-01", USA, NER))))
                    .isInstanceOfSatisfying(TransactionCapExceededException.class, e -> {
                        assertThat(e.cap()).isEqualTo(CAP);
                        assertThat(e.took()).isGreaterThan(CAP);
                    })
                    .hasMessageContaining("more than the transaction cap of 1000 ms; it was rolled back");
            assertThat(entente.history(Dyad.of(NER, USA))).isEmpty();
        }
    }

    @Test
    void aSlowTransactionWithinTheCapIsNotSkippedAfterLaterOnesCommit() throws Exception {
        try (Entente entente = open()) {
            entente.record(talks("warm-up", "2024-01-01", FRA, NER));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            SimpleCommandBus bus = (SimpleCommandBus) entente.store().axonConfiguration().commandBus();
            bus.registerHandlerInterceptor((uow, chain) -> {
                Object result = chain.proceed();
                if (uow.getMessage().getPayload().toString().contains("slow-fact")) {
                    // Runs after the event bus appended the event: the row holds its global index, uncommitted.
                    uow.onPrepareCommit(u -> {
                        inserted.countDown();
                        try {
                            release.await(CAP.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
                return result;
            });
            CompletableFuture<?> slow = CompletableFuture.runAsync(() -> entente.record(talks("slow-fact", "2024-02-01", USA, NER)));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            entente.record(talks("fast-fact", "2024-02-02", TUR, NER));
            // The processor moves past the uncommitted position: the later fact is projected first.
            Instant deadline = Instant.now().plusSeconds(10);
            while (entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all()).isEmpty() && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(10_000_000L);
            }
            assertThat(entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all())).hasSize(1);
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).isEmpty();
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all()))
                    .extracting(e -> e.fact().fact().id().value()).containsExactly("slow-fact");
        }
    }
}
