package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.MoreFacts.day;
import static org.entente.testsupport.Facts.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.partnership.Partnership;
import org.entente.partnership.Status;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code knownAt(instant)}: what Entente answered at an earlier moment of recording time, before a
 * pledge was retracted and a stationing corrected, stays what it answers for that instant.
 *
 * <p>The history: a status-of-forces agreement (2012) and US forces (2013) recorded first; then a
 * security pledge of 2024-04-01; then the pledge retracted; then the stationing corrected to
 * 2024-02-01.
 */
class TimeTravelTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final LocalDate APRIL_30 = day("2024-04-30");

    private Entente entente;
    private Instant beforeAnything;
    private Instant afterTies;
    private Instant afterPledge;
    private Instant afterRetraction;
    private Instant afterCorrection;

    /**
     * An instant at or after every write made so far and before every later write: it waits (without
     * sleeping) until the clock has moved into the next millisecond, so the next write is stamped
     * later even where timestamps are kept to the millisecond (as the event store keeps them).
     */
    private static Instant tick() {
        Instant now = Instant.now();
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(now)) {
            Thread.onSpinWait();
        }
        return now;
    }

    @BeforeEach
    void recordTheHistory() {
        entente = Entente.inMemory();
        beforeAnything = tick();
        entente.recordAll(List.of(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                station("forces", "2013-02-22", USA, NER, "Air Base 101")));
        afterTies = tick();
        entente.record(pledge("pledge", "2024-04-01", USA, NER, CooperationDomain.SECURITY));
        afterPledge = tick();
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("pledge")), "no such pledge was made"));
        afterRetraction = tick();
        entente.record(new RelationshipCommand.CorrectFact(station("forces", "2024-02-01", USA, NER, "Air Base 101"),
                "the forces arrived in 2024"));
        afterCorrection = tick();
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private Partnership partnership(LocalDate date, Instant knownAt) {
        return entente.partnership(NER_USA, When.asOf(date).knownAt(knownAt));
    }

    private TimelineEntry entry(List<TimelineEntry> timeline, String id) {
        return timeline.stream().filter(e -> e.fact().fact().id().value().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + timeline));
    }

    // -------------------------------------------------------------------------------- partnership

    @Test
    void beforeAnythingWasRecordedNothingIsKnown() {
        assertThat(partnership(APRIL_30, beforeAnything).status()).isEqualTo(Status.NONE);
        assertThat(partnership(APRIL_30, beforeAnything).facts()).isZero();
    }

    @Test
    void aPledgeIsKnownFromItsRecordingUntilItsRetraction() {
        assertThat(partnership(APRIL_30, afterTies).status()).isEqualTo(Status.ACTIVE);
        assertThat(partnership(APRIL_30, afterPledge).status()).isEqualTo(Status.STRENGTHENING);
        assertThat(partnership(APRIL_30, afterPledge).securityWeight()).isEqualTo(3);
        assertThat(partnership(APRIL_30, afterRetraction).status()).isEqualTo(Status.ACTIVE);
        assertThat(partnership(APRIL_30, afterRetraction).securityWeight()).isEqualTo(2);
        assertThat(partnership(APRIL_30, afterRetraction).facts()).isEqualTo(2);
    }

    @Test
    void aCorrectedDateMovesTheForcesOnlyForQueriesKnownAfterTheCorrection() {
        LocalDate in2020 = day("2020-01-01");

        assertThat(partnership(in2020, afterRetraction).forces()).extracting(f -> f.since()).containsExactly(day("2013-02-22"));
        assertThat(partnership(in2020, afterCorrection).forces()).isEmpty();
        assertThat(partnership(APRIL_30, afterRetraction).status()).isEqualTo(Status.ACTIVE);
        assertThat(partnership(APRIL_30, afterCorrection).status())
                .as("the corrected stationing is a cooperative step within the window")
                .isEqualTo(Status.STRENGTHENING);
    }

    @Test
    void asKnownNowIsAsKnownAfterTheLastWrite() {
        for (LocalDate date : List.of(day("2012-01-01"), day("2020-01-01"), day("2024-02-01"), APRIL_30, day("2030-01-01"))) {
            assertThat(entente.partnership(NER_USA, When.asOf(date))).isEqualTo(partnership(date, afterCorrection));
        }
    }

    @Test
    void changesBetweenTwoDatesUseTheQuerysKnowledge() {
        DyadChanges then = entente.changes(NER_USA, When.asOf(day("2020-01-01")).knownAt(afterRetraction), APRIL_30);
        DyadChanges now = entente.changes(NER_USA, When.asOf(day("2020-01-01")), APRIL_30);

        assertThat(then.forcesArrived()).isEmpty();
        assertThat(then.statusBefore()).isEqualTo(Status.ACTIVE);
        assertThat(now.forcesArrived()).containsExactly(FactId.of("forces"));
        assertThat(now.statusAfter()).isEqualTo(Status.STRENGTHENING);
    }

    // ----------------------------------------------------------------------------------- timeline

    @Test
    void theTimelineAsKnownAtEachInstantShowsWhatWasRecordedByThen() {
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().knownAt(beforeAnything))).isEmpty();
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterTies)))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("sofa", "forces");
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterPledge)))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("sofa", "forces", "pledge");
    }

    @Test
    void aRetractedFactStaysInTheTimelineFlaggedWithWhenAndWhy() {
        TimelineEntry pledge = entry(entente.timeline(NER_USA, TimelineFilter.all()), "pledge");

        assertThat(pledge.retracted()).isTrue();
        assertThat(pledge.retractedAt()).hasValueSatisfying(at -> assertThat(at).isAfter(afterPledge).isBeforeOrEqualTo(afterRetraction));
        assertThat(pledge.retractionReason()).contains("no such pledge was made");
        assertThat(pledge.revision()).isEqualTo(1);
        assertThat(pledge.recordedAt()).isAfter(afterTies).isBeforeOrEqualTo(afterPledge);
    }

    @Test
    void beforeItsRetractionAFactIsNotFlagged() {
        TimelineEntry pledge = entry(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterPledge)), "pledge");

        assertThat(pledge.retracted()).isFalse();
        assertThat(pledge.retractedAt()).isEmpty();
        assertThat(pledge.retractionReason()).isEmpty();
    }

    @Test
    void withoutRetractedFactsTheRetractedPledgeIsLeftOut() {
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().withoutRetracted()))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("sofa", "forces");
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterPledge).withoutRetracted()))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("sofa", "forces", "pledge");
    }

    @Test
    void aCorrectedFactShowsItsNewRevisionAfterTheCorrectionAndItsFirstBefore() {
        TimelineEntry now = entry(entente.timeline(NER_USA, TimelineFilter.all()), "forces");
        TimelineEntry then = entry(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterRetraction)), "forces");

        assertThat(now.revision()).isEqualTo(2);
        assertThat(now.fact().fact().happened().day()).isEqualTo(day("2024-02-01"));
        assertThat(now.recordedAt()).isAfter(beforeAnything).isBeforeOrEqualTo(afterTies);
        assertThat(now.revisedAt()).isAfter(afterRetraction).isBeforeOrEqualTo(afterCorrection);
        assertThat(now.retracted()).isFalse();

        assertThat(then.revision()).isEqualTo(1);
        assertThat(then.fact().fact().happened().day()).isEqualTo(day("2013-02-22"));
        assertThat(then.revisedAt()).isEqualTo(then.recordedAt()).isEqualTo(now.recordedAt());
    }

    @Test
    void theTimelineFollowsACorrectedDateIntoItsNewPlace() {
        assertThat(entente.timeline(NER_USA, TimelineFilter.all()))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("sofa", "forces", "pledge");
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().from(day("2024-01-01")).to(day("2024-03-01"))))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("forces");
        assertThat(entente.timeline(NER_USA, TimelineFilter.all().knownAt(afterRetraction).from(day("2024-01-01"))))
                .extracting(e -> e.fact().fact().id().value()).containsExactly("pledge");
    }
}
