package org.entente.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.entente.subscription.SubscriptionTest.NER_USA;
import static org.entente.subscription.SubscriptionTest.WAIT;
import static org.entente.subscription.SubscriptionTest.caughtUp;
import static org.entente.subscription.SubscriptionTest.fact;
import static org.entente.subscription.SubscriptionTest.facts;
import static org.entente.subscription.SubscriptionTest.status;
import static org.entente.subscription.SubscriptionTest.upTo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.entente.subscription.PartnershipChanged.Cause;
import org.entente.subscription.SubscriptionTest.Collector;
import org.entente.subscription.SubscriptionTest.MovableClock;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications attacked as a hostile or unlucky user would: each test is a defect the attack found (each failed
 * before its fix). The attacks that held (rebuilds and pauses during writes, clocks moved back and by 50 years,
 * listeners that write, close their subscription or the Entente, corrections, multi-fact retractions, hostile
 * names and positions, concurrent writers on PostgreSQL, 30,000 watched dyads) are listed in RELIABILITY.md.
 */
class AttackTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 30);

    // ------------------------------------------------------------------------------------ listeners

    @Test
    void aListenerThatOverflowsItsStackHasTheChangeDeliveredAgainLikeAnyOtherThrowable() {
        // README: "throwing anything has the same change delivered again after a back-off". A StackOverflowError
        // (a recursion bug in the listener, recovered once the stack unwinds) instead ends the subscription's
        // thread: no retry, no failure counted, nothing in lastFailure, and awaitCaughtUp waits its whole timeout.
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 16));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            AtomicInteger calls = new AtomicInteger();
            try (Subscription s = entente.subscribe(Watch.dyad(NER_USA), change -> {
                if (calls.incrementAndGet() == 1) {
                    throw new StackOverflowError("a listener's runaway recursion");
                }
            }, SubscriptionOptions.fromNow().retry(Duration.ofMillis(5), Duration.ofMillis(5)))) {
                entente.record(fact("usa-denounce"));
                // Either the second attempt comes, or the subscription has stopped running.
                waitUntil(() -> calls.get() >= 2 || !s.status().running(), WAIT);
                assertThat(s.status().running()).as("still running after the listener's StackOverflowError: %s", s.status()).isTrue();
                caughtUp(s);
                assertThat(calls.get()).isEqualTo(2);
                assertThat(s.status().delivered()).isEqualTo(1);
                assertThat(s.status().failures()).isEqualTo(1);
                assertThat(s.status().lastFailure()).hasValueSatisfying(f -> assertThat(f.message()).contains("StackOverflowError"));
            }
        }
    }

    // ---------------------------------------------------------------------------------- processing

    @Test
    void aRebuildOfTheProjectionsDoesNotLeaveASubscriptionWaitingOnTheIndexItReplaced(@TempDir Path dir) {
        // A subscription waits for the projections to apply an event before it evaluates it, on the index it got from
        // the projections. rebuildProjections() swaps in a new index that already holds the event; the old one never
        // gets it, so the subscription sits out its 10 s apply wait and records "the projections have not applied
        // event ... (processing paused or failing?)" as a failure to read the store. A probe on PostgreSQL (a rebuild
        // on the subscriber's instance while another instance writes) met the same 10 s stall without any pause.
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 16));
        try (Entente entente = Entente.builder().h2(dir).clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            entente.awaitCaughtUp(WAIT);
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.dyad(NER_USA), heard)) {
                caughtUp(s);
                entente.pauseProcessing();
                entente.record(fact("usa-denounce"));
                waitUntil(() -> s.status().lag() > 0, WAIT); // it has read the event and waits for the projections
                entente.rebuildProjections(); // the new index holds the event
                caughtUp(s);
                assertThat(heard.changes()).singleElement().satisfies(c -> assertThat(c.fact()).contains(FactId.of("usa-denounce")));
                assertThat(s.status().lastFailure()).as("failure recorded across the rebuild").isEmpty();
                entente.resumeProcessing();
            }
        }
    }

    // ---------------------------------------------------------------------------------------- time

    @Test
    void aFactRecordedWhileTheSubscriberWasDownIsToldAsRecordedNotAsTimePassing() {
        // The subscriber stops on 2024-03-15; on 2024-03-16 the denunciation dated that day is recorded; the
        // subscriber resumes from its stored position. The change is the write's, yet it arrives as TIME_PASSED with
        // no fact, which PartnershipChanged.Cause documents as "No write: the clock's date moved on": the events are
        // evaluated on the last evaluated day (03-15, when the fact did not count yet), then the day passes.
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 15));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            SubscriptionPosition stored;
            try (Subscription s = entente.subscribe(Watch.dyad(NER_USA), c -> { })) {
                caughtUp(s);
                stored = s.position();
            }
            clock.moveDays(1);
            entente.record(fact("usa-denounce"));
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.dyad(NER_USA), heard, SubscriptionOptions.from(stored))) {
                caughtUp(s);
                assertThat(heard.changes()).singleElement().satisfies(c -> {
                    assertThat(c.before()).isEqualTo(status(entente, NER_USA, LocalDate.of(2024, 3, 15)));
                    assertThat(c.after()).isEqualTo(status(entente, NER_USA, LocalDate.of(2024, 3, 16))).isNotEqualTo(c.before());
                    assertThat(c.cause()).as("cause of %s", c).isEqualTo(Cause.FACT_RECORDED);
                    assertThat(c.fact()).contains(FactId.of("usa-denounce"));
                });
            }
        }
    }

    @Test
    void aDurableSubscriptionResumesOnAnInstanceWhoseClockZoneIsStillOnTheDayBefore(@TempDir Path dir) {
        // One instant, two zones: Tokyo is on 2024-05-01 while UTC is on 2024-04-30. A durable subscription last run
        // with the Tokyo clock cannot be resumed with the UTC one: subscribe throws "lies after the clock's date".
        // The README lets a running subscription's clock move back ("not evaluated until it passes the last
        // evaluated day again") and says a durable one resumes "on any instance of the store"; clock skew around
        // midnight between two hosts does the same.
        Instant now = Instant.parse("2024-04-30T20:00:00Z");
        Clock tokyo = Clock.fixed(now, ZoneId.of("Asia/Tokyo"));
        Clock utc = Clock.fixed(now, ZoneOffset.UTC);
        try (Entente entente = Entente.builder().h2(dir).clock(tokyo).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            try (Subscription s = entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.durable("alerts"))) {
                caughtUp(s);
                assertThat(s.position().day()).isEqualTo(LocalDate.of(2024, 5, 1));
            }
        }
        try (Entente entente = Entente.builder().h2(dir).clock(utc).build()) {
            Collector heard = new Collector();
            Throwable refused = catchThrowable(() -> {
                try (Subscription s = entente.subscribe(Watch.all(), heard, SubscriptionOptions.durable("alerts"))) {
                    entente.record(fact("usa-denounce"));
                    caughtUp(s);
                }
            });
            assertThat(refused).as("resuming the durable subscription with the UTC clock").isNull();
            assertThat(heard.changes()).singleElement().satisfies(c -> {
                assertThat(c.dyad()).isEqualTo(NER_USA);
                assertThat(c.after()).isEqualTo(status(entente, NER_USA, LocalDate.of(2024, 5, 1)));
            });
        }
    }

    // ----------------------------------------------------------------------------------- positions

    @Test
    void aStoredPositionOnTheFirstDaysOfTheCalendarIsRefusedOrEvaluatedNotRetriedForever() {
        // "-1@-999999999-01-01" parses, and subscribe accepts it; the first evaluation asks for a day 90 days before
        // LocalDate.MIN and fails with a DateTimeException, which the subscription reports as "reading the store"
        // and retries with back-off for ever. A position the library cannot evaluate should be refused naming it.
        MovableClock clock = new MovableClock(DAY);
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-04-30")));
            SubscriptionPosition hostile = SubscriptionPosition.parse("-1@-999999999-01-01");
            Subscription[] made = new Subscription[1];
            Throwable refused = catchThrowable(() -> made[0] = entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.from(hostile)));
            if (refused != null) {
                assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-999999999-01-01");
                return;
            }
            try (Subscription s = made[0]) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!s.awaitCaughtUp(Duration.ofMillis(100))) {
                    assertThat(s.status().lastFailure()).as("failure of a subscription from %s", hostile).isEmpty();
                    assertThat(System.nanoTime()).isLessThan(deadline);
                }
            }
        }
    }

    @Test
    void aDurablePositionTheStoreCannotUseIsReportedWithItsNameAndTable(@TempDir Path dir) throws SQLException {
        // A damaged row in entente_subscription (control characters, or a position beyond this store's head, say after
        // the event table was restored from an older backup) makes subscribe(durable("alerts")) throw a message that
        // names neither the durable name nor the table, and advises "start from now instead", which a durable
        // subscription cannot do: there is no API to reset it.
        MovableClock clock = new MovableClock(DAY);
        try (Entente entente = Entente.builder().h2(dir).clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-04-30")));
            try (Subscription s = entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.durable("alerts"))) {
                caughtUp(s);
            }
            for (String damaged : List.of("12\u001b[31m@2024-04-30", "9223372036854775807@2024-04-30")) {
                try (Connection c = entente.store().connections().getConnection();
                     PreparedStatement ps = c.prepareStatement("UPDATE entente_subscription SET position = ? WHERE name = 'alerts'")) {
                    ps.setString(1, damaged);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                Throwable refused = catchThrowable(() -> entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.durable("alerts")).close());
                assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("alerts").hasMessageContaining("entente_subscription");
            }
        }
    }

    // ---------------------------------------------------------------------------------- PostgreSQL

    @Test
    void theFirstEventsOfAnEmptyStoreAreAllToldWhenTheyCommitOutOfOrder() throws Exception {
        // On an empty store a subscription stands at -1, and its reader checks for a missing position only once it
        // has evaluated one event (`event >= 0`). A transaction holding global position 1 commits after the one
        // holding 2: the subscription evaluates 2, moves on, and never tells position 1's change, although both
        // writes were made after subscribe returned.
        Map<String, Object> usaSofa = eventRow(fact("usa-sofa-2012")); // NER-USA's first event
        MovableClock clock = new MovableClock(DAY);
        try (Postgres pg = Postgres.freshSchema("attack_first");
             Entente writer = Entente.builder().postgres(pg.dataSource()).clock(clock).build();
             Entente reader = Entente.builder().postgres(pg.dataSource()).clock(clock).build()) {
            Collector heard = new Collector();
            try (Subscription s = reader.subscribe(Watch.all(), heard)) {
                assertThat(s.position().event()).isEqualTo(-1);
                try (Connection open = insertUncommitted(pg.dataSource(), usaSofa)) {
                    writer.record(fact("rus-forces"));
                    // The reader has seen the later event: it has read it (lag) or evaluated it.
                    waitUntil(() -> s.status().lag() > 0 || s.position().event() >= 0, WAIT);
                    open.commit();
                }
                caughtUp(s);
                reader.awaitCaughtUp(WAIT);
                assertThat(heard.changes()).extracting(PartnershipChanged::dyad).containsExactlyInAnyOrder(Dyad.parse("NER-RUS"), NER_USA);
                assertThat(heard.changes()).allSatisfy(c -> assertThat(c.after()).isEqualTo(status(reader, c.dyad(), DAY)));
            }
        }
    }

    @Test
    void aWriteCommittedAfterSubscribeReturnedIsToldThoughItsPositionIsBelowTheHead() throws Exception {
        // SubscriptionOptions.fromNow(): "changes from the moment it is made". On PostgreSQL the head read by subscribe
        // may already lie above a position held by a transaction still open; the subscription starts after the head,
        // so that transaction's change, committed after subscribe returned, is never told.
        Map<String, Object> usaSofa = eventRow(fact("usa-sofa-2012"));
        MovableClock clock = new MovableClock(DAY);
        try (Postgres pg = Postgres.freshSchema("attack_now");
             Entente writer = Entente.builder().postgres(pg.dataSource()).clock(clock).build();
             Entente reader = Entente.builder().postgres(pg.dataSource()).clock(clock).build()) {
            writer.record(fact("fra-agreements"));
            Collector heard = new Collector();
            try (Connection open = insertUncommitted(pg.dataSource(), usaSofa)) {
                writer.record(fact("rus-forces"));
                try (Subscription s = reader.subscribe(Watch.all(), heard)) {
                    open.commit(); // after subscribe returned
                    caughtUp(s);
                    reader.awaitCaughtUp(WAIT);
                    assertThat(status(reader, NER_USA, DAY)).isNotEqualTo(Status.NONE);
                    assertThat(heard.changes()).as("changes told after the head %s", s.position()).singleElement().satisfies(c -> {
                        assertThat(c.dyad()).isEqualTo(NER_USA);
                        assertThat(c.after()).isEqualTo(status(reader, NER_USA, DAY));
                    });
                }
            }
        }
    }

    @Test
    void gapsSeenTogetherAreWaitedForOnceNotEachInTurn() throws Exception {
        // Each rolled-back write on PostgreSQL leaves a missing global position (a ConcurrentWriteException between two
        // instances writing one dyad does: a probe with 4 conflicts among 300 writes left 4 gaps, and the subscriber
        // caught up 75 s after the last write). The subscription starts each gap's timeout when it reaches the gap,
        // not when it first saw it missing, so n gaps cost n timeouts, and a subscriber resumed after a day of
        // conflicts waits the timeout again for every old gap. Here 30 gaps, all older than the timeout when the
        // subscriber resumes, with a gap timeout of 200 ms: 6 s instead of one timeout.
        MovableClock clock = new MovableClock(DAY);
        List<FactCommand> facts = new ArrayList<>();
        List<Country> countries = Country.all().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
        for (int i = 1; i <= 30; i++) {
            facts.add(Fact.id("gap-talks-" + i).on(2024, 4, 1).by(countries.get(0)).towards(countries.get(i)).background().holdTalks().command());
        }
        try (Postgres pg = Postgres.freshSchema("attack_gaps");
             Entente writer = Entente.builder().postgres(pg.dataSource()).clock(clock).build();
             Entente reader = Entente.builder().postgres(pg.dataSource()).clock(clock)
                     .gapTimeout(Duration.ofMillis(200)).transactionCap(Duration.ofMillis(100)).build()) {
            writer.record(fact("usa-sofa-2012"));
            SubscriptionPosition before = SubscriptionPosition.of(writer.store().head(), DAY);
            for (FactCommand f : facts) {
                consumeGlobalPosition(pg.dataSource()); // what a rolled-back insert leaves
                writer.record(f);
            }
            Collector heard = new Collector();
            try (Subscription s = reader.subscribe(Watch.all(), heard, SubscriptionOptions.from(before))) {
                // A generous bound: 12 gap timeouts; waiting at every gap in turn needs 30.
                assertThat(s.awaitCaughtUp(Duration.ofMillis(200 * 12))).as("caught up over 30 old gaps: %s", s.status()).isTrue();
                assertThat(heard.changes()).hasSize(30);
            }
        }
    }

    // ------------------------------------------------------------------------------------- helpers

    private static void waitUntil(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for the condition", max).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** The event row that recording a fact on an empty store writes (every column but the global index), from a scratch schema. */
    private static Map<String, Object> eventRow(FactCommand fact) throws SQLException {
        try (Postgres scratch = Postgres.freshSchema("attack_scratch");
             Entente entente = Entente.builder().postgres(scratch.dataSource()).build()) {
            entente.record(fact);
            try (Connection c = scratch.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM domainevententry")) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i);
                    if (!name.equalsIgnoreCase("globalindex")) {
                        row.put(name, rs.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    /** Inserts an event row in a transaction left open (it holds its global position until committed). */
    private static Connection insertUncommitted(DataSource dataSource, Map<String, Object> row) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", Collections.nCopies(row.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO domainevententry (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
        return c;
    }

    /** Takes a global position that no event will have, as a transaction that inserted an event and rolled back does. */
    private static void consumeGlobalPosition(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
