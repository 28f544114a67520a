package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.relationship.RuleViolationException;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflicting writers: eight threads on one store, and two stores (two Axon configurations, as two
 * application instances would have) on one database, H2 file and PostgreSQL.
 */
class ConcurrencyTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);

    /** Eight threads race to complete the same withdrawal and add their own talks. */
    static void eightThreadsOnOneStore(EntenteStore store) throws Exception {
        store.recordAll(List.of(station("usa-forces-niamey", "2013-02-22", USA, NER, "Air Base 101"),
                schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15")));
        int threads = 8;
        int talksPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> rejected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < talksPerThread; i++) {
                    store.record(talks("talks-" + thread + "-" + i, "2024-0" + (1 + i % 9) + "-1" + thread, USA, NER));
                    if (i == 7) {
                        try {
                            store.record(complete("complete-" + thread, "2024-08-05", USA, NER, "usa-forces-niamey"));
                            completed.add("complete-" + thread);
                        } catch (RuleViolationException e) {
                            rejected.add(e);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(completed).hasSize(1);
        assertThat(rejected).hasSize(threads - 1)
                .allSatisfy(e -> assertThat(e).hasMessageContaining("the forces of usa-forces-niamey left on 2024-08-05"));
        int expected = 2 + threads * talksPerThread + 1;
        assertThat(store.history(NER_USA).orElseThrow().size()).isEqualTo(expected);
        List<Long> sequences = store.axonConfiguration().eventStore().readEvents(NER_USA.id()).asStream()
                .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).hasSize(expected);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    /** Two stores on one database: the stale one gets a typed conflict, then succeeds on retry. */
    static void twoStoresOnOneDatabase(Supplier<EntenteStore> open) {
        try (EntenteStore a = open.get(); EntenteStore b = open.get()) {
            a.record(talks("a-1", "2024-01-01", USA, NER));
            a.history(NER_USA); // a now caches the dyad at sequence 0
            b.record(talks("b-1", "2024-01-02", USA, NER));
            assertThatThrownBy(() -> a.record(talks("a-2", "2024-01-03", USA, NER)))
                    .isInstanceOf(ConcurrentWriteException.class)
                    .isInstanceOf(EntenteException.class)
                    .hasMessageContaining("NER-USA was changed by another writer");
            Recorded retried = a.record(talks("a-2", "2024-01-03", USA, NER));
            assertThat(retried.sequence()).isEqualTo(2);
            assertThat(b.history(NER_USA).orElseThrow().facts()).extracting(e -> e.fact().id().value())
                    .containsExactly("a-1", "b-1", "a-2");
        }
    }

    @Nested
    class OnH2 {
        @TempDir
        Path directory;

        @Test
        void eightThreadsSendingConflictingCommandsLoseAndDuplicateNothing() throws Exception {
            try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
                eightThreadsOnOneStore(store);
            }
        }

        @Test
        void aStaleSecondConfigurationGetsATypedConflictAndARetrySucceeds() {
            twoStoresOnOneDatabase(() -> EntenteStore.builder().h2(directory).build());
        }
    }

    @Nested
    class OnPostgres {
        @Test
        void eightThreadsSendingConflictingCommandsLoseAndDuplicateNothing() throws Exception {
            try (Postgres pg = Postgres.freshSchema("concurrency");
                 EntenteStore store = EntenteStore.builder().postgres(pg.dataSource()).build()) {
                eightThreadsOnOneStore(store);
            }
        }

        @Test
        void aStaleSecondConfigurationGetsATypedConflictAndARetrySucceeds() {
            try (Postgres pg = Postgres.freshSchema("concurrency")) {
                DataSource ds = pg.dataSource();
                twoStoresOnOneDatabase(() -> EntenteStore.builder().postgres(ds).build());
            }
        }
    }
}
