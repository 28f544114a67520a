package org.entente.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.entente.seeds.Seeds;
import org.entente.subscription.PartnershipChanged.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications on the Niger seed: each case of issue 17, every change checked against the partnership the
 * library answers for the same dyad and day (no expected status is copied from a run).
 */
class SubscriptionTest {

    static final Country NER = Country.of("NER");
    static final Dyad NER_USA = Dyad.parse("NER-USA");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<FactCommand> NIGER = Seeds.bundled("niger-2024").commands();

    /** A clock a test moves. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(LocalDate day) {
            now = new AtomicReference<>(day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600));
        }

        void moveDays(long days) {
            now.updateAndGet(i -> i.plus(Duration.ofDays(days)));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Keeps what it is told; fails while {@link #failing} is set. */
    static final class Collector implements PartnershipListener {
        final List<PartnershipChanged> changes = new ArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();
        volatile int calls;

        @Override
        public synchronized void onChange(PartnershipChanged change) {
            calls++;
            if (failing.get()) {
                throw new IllegalStateException("listener down");
            }
            changes.add(change);
        }

        synchronized List<PartnershipChanged> changes() {
            return List.copyOf(changes);
        }
    }

    static List<FactCommand> facts(Predicate<FactCommand> keep) {
        return NIGER.stream().filter(keep).toList();
    }

    static FactCommand fact(String id) {
        return NIGER.stream().filter(c -> c.fact().id().equals(FactId.of(id))).findFirst().orElseThrow();
    }

    static boolean upTo(FactCommand c, String day) {
        return !c.fact().happened().day().isAfter(LocalDate.parse(day));
    }

    static Status status(Entente entente, Dyad dyad, LocalDate day) {
        return entente.partnership(dyad, When.asOf(day)).status();
    }

    static void caughtUp(Subscription... subscriptions) {
        for (Subscription s : subscriptions) {
            assertThat(s.awaitCaughtUp(WAIT)).as("%s caught up", s).isTrue();
        }
    }

    @Test
    void recordingTheDenunciationTellsNigerUsWindingDownOnce() {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 16));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            Status before = status(entente, NER_USA, LocalDate.of(2024, 3, 16));
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.dyad(NER_USA), heard)) {
                entente.record(fact("usa-denounce"));
                caughtUp(s);
                assertThat(status(entente, NER_USA, LocalDate.of(2024, 3, 16))).isEqualTo(Status.WINDING_DOWN);
                assertThat(heard.changes()).singleElement().satisfies(c -> {
                    assertThat(c.dyad()).isEqualTo(NER_USA);
                    assertThat(c.before()).isEqualTo(before).isEqualTo(Status.ACTIVE);
                    assertThat(c.after()).isEqualTo(Status.WINDING_DOWN);
                    assertThat(c.effectiveOn()).isEqualTo(LocalDate.of(2024, 3, 16));
                    assertThat(c.cause()).isEqualTo(Cause.FACT_RECORDED);
                    assertThat(c.fact()).contains(FactId.of("usa-denounce"));
                    assertThat(c.recordedAt()).isPresent();
                    assertThat(c.position().event()).isEqualTo(entente.store().head());
                });
                // Writes that leave the current status as it is tell nothing.
                entente.record(fact("rus-forces"));
                caughtUp(s);
                assertThat(heard.changes()).hasSize(1);
                assertThat(s.status().delivered()).isEqualTo(1);
                assertThat(s.status().lag()).isZero();
            }
        }
    }

    @Test
    void aRetroactiveFactAndItsRetractionEachTellTheChange() {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 4, 15));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-04-15") && !c.fact().id().equals(FactId.of("usa-denounce"))));
            LocalDate today = LocalDate.of(2024, 4, 15);
            Status without = status(entente, NER_USA, today);
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.actor(NER), heard)) {
                entente.record(fact("usa-denounce")); // happened 2024-03-16, recorded after later facts
                caughtUp(s);
                assertThat(heard.changes()).singleElement().satisfies(c -> {
                    assertThat(c.before()).isEqualTo(without);
                    assertThat(c.after()).isEqualTo(Status.WINDING_DOWN);
                    // It took effect on the fact's day, not on the day it was recorded.
                    assertThat(c.effectiveOn()).isEqualTo(LocalDate.of(2024, 3, 16));
                    assertThat(status(entente, NER_USA, c.effectiveOn().minusDays(1))).isNotEqualTo(Status.WINDING_DOWN);
                    assertThat(c.cause()).isEqualTo(Cause.FACT_RECORDED);
                });
                entente.retract("recorded on the wrong dyad, say", FactId.of("usa-denounce"));
                caughtUp(s);
                assertThat(heard.changes()).hasSize(2);
                PartnershipChanged restored = heard.changes().get(1);
                assertThat(restored.before()).isEqualTo(Status.WINDING_DOWN);
                assertThat(restored.after()).isEqualTo(without).isEqualTo(status(entente, NER_USA, today));
                assertThat(restored.cause()).isEqualTo(Cause.FACTS_RETRACTED);
                assertThat(restored.fact()).contains(FactId.of("usa-denounce"));
                assertThat(restored.position().event()).isGreaterThan(heard.changes().get(0).position().event());
            }
        }
    }

    @Test
    void timePassingTellsEveryChangeOnItsDayAsTheReadsSeeIt() {
        LocalDate start = LocalDate.of(2024, 4, 30);
        MovableClock clock = new MovableClock(start);
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-04-30")));
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.actor(NER), heard)) {
                caughtUp(s);
                assertThat(heard.changes()).isEmpty();
                clock.moveDays(181);
                caughtUp(s);
                LocalDate end = start.plusDays(181);
                assertThat(s.position().day()).isEqualTo(end);
                // Every day on which a read gives another status than the day before, and nothing else.
                Set<String> expected = new TreeSet<>();
                Set<Dyad> dyads = new TreeSet<>();
                entente.portfolio(NER, When.asOf(start)).partners().forEach(p -> dyads.add(p.dyad()));
                entente.portfolio(NER, When.asOf(end)).partners().forEach(p -> dyads.add(p.dyad()));
                heard.changes().forEach(c -> dyads.add(c.dyad()));
                for (Dyad dyad : dyads) {
                    for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
                        Status was = status(entente, dyad, d.minusDays(1));
                        Status is = status(entente, dyad, d);
                        if (was != is) {
                            expected.add(dyad + " " + d + " " + was + "->" + is);
                        }
                    }
                }
                assertThat(heard.changes()).allSatisfy(c -> {
                    assertThat(c.cause()).isEqualTo(Cause.TIME_PASSED);
                    assertThat(c.fact()).isEmpty();
                });
                assertThat(heard.changes()).extracting(c -> c.dyad() + " " + c.effectiveOn() + " " + c.before() + "->" + c.after())
                        .containsExactlyInAnyOrderElementsOf(expected);
                // The case: cooperation with China stops strengthening once its last step leaves the window.
                assertThat(expected).anyMatch(e -> e.startsWith("CHN-NER ") && e.endsWith("STRENGTHENING->ACTIVE"));
                // In order of day.
                assertThat(heard.changes()).extracting(PartnershipChanged::effectiveOn).isSorted();
            }
        }
    }

    @Test
    void aListenerThatThrowsStopsNeitherWritersNorOtherListenersAndCatchesUpInOrder() {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 4, 30));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (Entente entente = Entente.builder().inMemory().clock(clock).meterRegistry(registry).build()) {
            Collector broken = new Collector();
            broken.failing.set(true);
            Collector fine = new Collector();
            try (Subscription bad = entente.subscribe(Watch.all(), broken,
                    SubscriptionOptions.fromNow().retry(Duration.ofMillis(5), Duration.ofMillis(20)));
                 Subscription good = entente.subscribe(Watch.all(), fine)) {
                for (FactCommand c : facts(c -> upTo(c, "2024-04-30"))) {
                    entente.record(c);
                }
                caughtUp(good);
                assertThat(fine.changes()).isNotEmpty();
                assertThat(bad.status().failures()).isPositive();
                assertThat(bad.status().consecutiveFailures()).isPositive();
                assertThat(bad.status().lastFailure()).hasValueSatisfying(f -> assertThat(f.message()).contains("listener down"));
                assertThat(bad.status().delivered()).isZero();
                assertThat(bad.status().running()).isTrue();
                assertThat(registry.get("entente.subscriptions.active").gauge().value()).isEqualTo(2);
                broken.failing.set(false);
                caughtUp(bad);
                assertThat(broken.changes()).containsExactlyElementsOf(fine.changes());
                assertThat(bad.status().consecutiveFailures()).isZero();
                // The meters count what the statuses say.
                assertThat(registry.get("entente.subscriptions.deliveries").tag("outcome", "delivered").counter().count())
                        .isEqualTo(bad.status().delivered() + good.status().delivered());
                assertThat(registry.get("entente.subscriptions.deliveries").tag("outcome", "failed").counter().count())
                        .isEqualTo(bad.status().failures()).isPositive();
            }
        }
    }

    @Test
    void aListenerThatBlocksHoldsUpOnlyItselfAndClosingTheEntenteStopsEverySubscription() throws Exception {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 4, 30));
        Entente entente = Entente.builder().inMemory().clock(clock).build();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
        Collector fine = new Collector();
        Subscription slow = entente.subscribe(Watch.all(), c -> {
            blocked.countDown();
            release.await();
        });
        Subscription good = entente.subscribe(Watch.all(), fine);
        List<FactCommand> all = facts(c -> upTo(c, "2024-04-30"));
        for (FactCommand c : all) {
            entente.record(c); // returns while the slow listener is stuck on its first change
        }
        assertThat(blocked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        caughtUp(good);
        assertThat(fine.changes()).hasSizeGreaterThan(3);
        assertThat(slow.status().delivered()).isZero();
        assertThat(slow.status().lag()).isPositive();
        release.countDown();
        caughtUp(slow);
        assertThat(slow.status().delivered()).isEqualTo(fine.changes().size());
        entente.close();
        assertThat(slow.status().running()).isFalse();
        assertThat(good.status().running()).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> entente.subscribe(Watch.all(), c -> { })).withMessageContaining("closed");
    }

    @Test
    void aSubscriberRestartedFromItsStoredPositionMissesNothingAndRepeatsOnlyWhatItHadNotAcknowledged() {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 4, 30));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            Collector reference = new Collector();
            // The application stores each acknowledged change's position; its third change fails and it is then killed.
            AtomicReference<SubscriptionPosition> stored = new AtomicReference<>(SubscriptionPosition.of(-1, LocalDate.now(clock)));
            List<PartnershipChanged> acknowledged = new ArrayList<>();
            List<PartnershipChanged> unacknowledged = new ArrayList<>();
            PartnershipListener dying = c -> {
                if (acknowledged.size() == 2) {
                    unacknowledged.add(c);
                    throw new IllegalStateException("killed while handling " + c);
                }
                acknowledged.add(c);
                stored.set(c.position());
            };
            Subscription first = entente.subscribe(Watch.all(), dying, SubscriptionOptions.from(stored.get())
                    .retry(Duration.ofMillis(5), Duration.ofMillis(5)));
            try (Subscription all = entente.subscribe(Watch.all(), reference)) {
                for (FactCommand c : facts(c -> upTo(c, "2024-04-30"))) {
                    entente.record(c);
                }
                caughtUp(all);
                assertThat(unacknowledged).isNotEmpty();
                first.close();
                assertThat(first.status().running()).isFalse();

                Collector resumed = new Collector();
                try (Subscription second = entente.subscribe(Watch.all(), resumed, SubscriptionOptions.from(stored.get()))) {
                    caughtUp(second);
                    clock.moveDays(300); // and time passes
                    caughtUp(all, second);
                    assertThat(reference.changes()).hasSizeGreaterThan(4).anyMatch(c -> c.cause() == Cause.TIME_PASSED);
                    List<PartnershipChanged> seen = new ArrayList<>(acknowledged);
                    seen.addAll(resumed.changes());
                    assertThat(seen).containsExactlyElementsOf(reference.changes());
                    assertThat(resumed.changes().get(0)).isEqualTo(unacknowledged.get(0));
                }
            }
        }
    }

    @Test
    void aDurableSubscriptionResumesAfterTheStoreIsReopenedWithTheDaysItMissed(@TempDir Path dir) {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 4, 30));
        Collector before = new Collector();
        SubscriptionPosition closedAt;
        try (Entente entente = Entente.builder().h2(dir).clock(clock).build()) {
            entente.recordAll(facts(c -> upTo(c, "2024-03-15")));
            try (Subscription s = entente.subscribe(Watch.actor(NER), before, SubscriptionOptions.durable("alerts"))) {
                entente.recordAll(facts(c -> !upTo(c, "2024-03-15") && upTo(c, "2024-04-30")));
                caughtUp(s);
                closedAt = s.position();
            }
        }
        assertThat(before.changes()).isNotEmpty();
        clock.moveDays(181);
        Collector after = new Collector();
        try (Entente entente = Entente.builder().h2(dir).clock(clock).build()) {
            entente.record(fact("usa-deadline"));
            try (Subscription s = entente.subscribe(Watch.actor(NER), after, SubscriptionOptions.durable("alerts"))) {
                caughtUp(s);
                // The write it missed (on the day it had reached), then the days it missed.
                assertThat(after.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.position().event()).isGreaterThanOrEqualTo(closedAt.event()));
                assertThat(after.changes()).anyMatch(c -> c.cause() == Cause.TIME_PASSED);
                assertThat(after.changes()).filteredOn(c -> c.cause() == Cause.TIME_PASSED)
                        .allSatisfy(c -> assertThat(c.effectiveOn()).isAfter(closedAt.day()));
            }
            // A durable name given again starts where it stopped: nothing more to tell.
            Collector again = new Collector();
            try (Subscription s = entente.subscribe(Watch.actor(NER), again, SubscriptionOptions.durable("alerts"))) {
                caughtUp(s);
                assertThat(again.changes()).isEmpty();
            }
        }
    }

    @Test
    void positionsReadBackTheirTextAndBadOnesAreRefusedWithTheirValue() {
        SubscriptionPosition p = new SubscriptionPosition(12, LocalDate.of(2024, 3, 16), Optional.of(NER_USA));
        assertThat(SubscriptionPosition.parse(p.toString())).isEqualTo(p);
        assertThat(SubscriptionPosition.parse("7@2024-03-16")).isEqualTo(SubscriptionPosition.of(7, LocalDate.of(2024, 3, 16)));
        assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionPosition.parse("7;DROP TABLE x"))
                .withMessageContaining("7;DROP TABLE x").withMessageContaining("EVENT@DAY");
        assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionOptions.durable("../etc"))
                .withMessageContaining("../etc");
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 16));
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.from(SubscriptionPosition.of(99, LocalDate.of(2024, 3, 16)))))
                    .withMessageContaining("99@2024-03-16").withMessageContaining("last event");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> entente.subscribe(Watch.all(), c -> { }, SubscriptionOptions.from(SubscriptionPosition.of(-1, LocalDate.of(1500, 1, 1)))))
                    .withMessageContaining("1500-01-01").withMessageContaining("1600-01-01 to 2199-12-31");
            // A day after the clock's (another instance's clock, another zone) is kept until the clock passes it.
            try (Subscription ahead = entente.subscribe(Watch.all(), c -> { },
                    SubscriptionOptions.from(SubscriptionPosition.of(-1, LocalDate.of(2024, 3, 17))))) {
                assertThat(ahead.awaitCaughtUp(WAIT)).isTrue();
                assertThat(ahead.position().day()).isEqualTo(LocalDate.of(2024, 3, 17));
            }
        }
    }
}
