package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.store.ConcurrentWriteException;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;

/**
 * Threads across two instances on one PostgreSQL database hammer three dyads with conflicting facts:
 * every accepted fact is stored once, every rejected one got a typed error, and the rules hold in the
 * final state.
 */
class ContentionTest {

    static final List<Country> PARTNERS = List.of(USA, FRA, TUR);
    static final int THREADS_PER_INSTANCE = 3;
    static final int ROUNDS = 40;

    @Test
    void conflictingWritersAcrossTwoInstancesLeaveAValidHistory() throws Exception {
        try (Postgres pg = Postgres.freshSchema("contention")) {
            DataSource ds = pg.dataSource();
            try (Entente a = Entente.postgres(ds); Entente b = Entente.postgres(ds)) {
                List<FactCommand> setup = new ArrayList<>();
                for (Country p : PARTNERS) {
                    String c = p.code().toLowerCase();
                    setup.add(sign(c + "-agreement", "2010-01-01", NER, p, AgreementKind.DEFENCE_COOPERATION));
                    setup.add(station(c + "-forces", "2011-01-01", p, NER));
                    setup.add(schedule(c + "-schedule", "2024-01-01", p, NER, "2024-12-31"));
                }
                a.recordAll(setup);

                Map<String, FactCommand> accepted = new ConcurrentHashMap<>();
                Map<String, Class<?>> rejected = new ConcurrentHashMap<>();
                AtomicInteger concurrentWrites = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_INSTANCE * 2);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS_PER_INSTANCE * 2; t++) {
                    Entente instance = t % 2 == 0 ? a : b;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        Random random = new Random(thread);
                        start.await();
                        for (int round = 0; round < ROUNDS; round++) {
                            Country p = PARTNERS.get(random.nextInt(PARTNERS.size()));
                            String c = p.code().toLowerCase();
                            FactCommand command = switch (random.nextInt(4)) {
                                case 0 -> talks("t" + thread + "-" + round, "2024-02-" + (10 + random.nextInt(18)), p, NER);
                                case 1 -> complete("t" + thread + "-complete-" + round, "2024-06-01", p, NER, c + "-forces");
                                case 2 -> denounce("t" + thread + "-denounce-" + round, "2024-03-01", NER, p, c + "-agreement");
                                // The same id from every thread, on different dyads and days: one wins.
                                default -> talks("contested-" + (round % 5), "2024-05-0" + (1 + thread % 9), p, NER);
                            };
                            String id = command.fact().id().value();
                            for (int attempt = 0; ; attempt++) {
                                try {
                                    instance.record(command);
                                    accepted.merge(id, command, (x, y) -> x.equals(y) ? x : null);
                                    break;
                                } catch (ConcurrentWriteException e) {
                                    concurrentWrites.incrementAndGet();
                                    if (attempt == 5) {
                                        rejected.put(id + "#" + thread + "#" + round, e.getClass());
                                        break;
                                    }
                                } catch (RuleViolationException | FactConflictException e) {
                                    rejected.put(id + "#" + thread + "#" + round, e.getClass());
                                    break;
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();

                assertThat(rejected.values()).allMatch(c -> c == RuleViolationException.class || c == FactConflictException.class
                        || c == ConcurrentWriteException.class);
                assertThat(rejected).isNotEmpty();
                long events;
                long ids;
                try (Connection c = ds.getConnection()) {
                    ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM domainevententry), (SELECT COUNT(*) FROM entente_fact_id)");
                    rs.next();
                    events = rs.getLong(1);
                    ids = rs.getLong(2);
                }
                assertThat(events).as("every accepted fact stored once").isEqualTo(ids);
                assertThat(ids).isEqualTo(setup.size() + accepted.size());
                for (Map.Entry<String, FactCommand> e : accepted.entrySet()) {
                    Dyad dyad = e.getValue().fact().dyad();
                    DyadHistory history = b.history(dyad).orElseThrow();
                    assertThat(history.entry(FactId.of(e.getKey()))).as(e.getKey()).isPresent()
                            .get().satisfies(entry -> assertThat(entry.fact()).isEqualTo(e.getValue().toEvent()));
                }
                for (Country p : PARTNERS) {
                    DyadHistory history = a.history(Dyad.of(NER, p)).orElseThrow();
                    assertThat(history.skippedByRules()).as("rules hold in %s", history.dyad()).isZero();
                    assertThat(history.facts().stream().filter(f -> f.kind() == org.entente.core.relationship.FactKind.COMPLETE_WITHDRAWAL))
                            .as("one completed withdrawal in %s", history.dyad()).hasSizeLessThanOrEqualTo(1);
                }
                a.awaitCaughtUp(java.time.Duration.ofSeconds(60));
                b.awaitCaughtUp(java.time.Duration.ofSeconds(60));
                try (Connection c = ds.getConnection()) {
                    ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM entente_projection_fact");
                    rs.next();
                    assertThat(rs.getLong(1)).as("one projection row per event: no instance processed another's segment")
                            .isEqualTo(events);
                }
                String processed = org.entente.durability.Digests.projectionRows(a);
                a.rebuildProjections();
                assertThat(org.entente.durability.Digests.projectionRows(b)).isEqualTo(processed);
                System.out.printf("contention: 2 instances, %d threads, %d accepted, %d rejected, %d concurrent-write retries%n",
                        THREADS_PER_INSTANCE * 2, accepted.size(), rejected.size(), concurrentWrites.get());
            }
        }
    }
}
