package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.relationship.UnknownFactException;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do, run against a real database by each subclass: write, close, reopen and
 * read back; fact ids unique across the store; idempotent batches; dry runs; chunked batches that
 * can be completed after a failure.
 */
abstract class StoreContract {

    /** A store on the backend under test; a second call reopens the same database. */
    abstract EntenteStore open();

    @Test
    void factsSurviveCloseAndReopenWithTheSameHistoryAndState() {
        DyadHistory before;
        try (EntenteStore store = open()) {
            store.recordAll(nigerUsa());
            before = store.history(Dyad.of(NER, USA)).orElseThrow();
        }
        try (EntenteStore store = open()) {
            DyadHistory after = store.history(Dyad.of(NER, USA)).orElseThrow();
            assertThat(after.facts()).isEqualTo(before.facts());
            assertThat(after.state()).isEqualTo(before.state());
            assertThat(after.state().forcesPresent()).isEmpty();
            assertThat(store.dyadOf(FactId.of("usa-complete"))).contains(Dyad.of(NER, USA));
        }
    }

    @Test
    void recordingTheSameBatchTwiceAddsNothingTheSecondTime() {
        try (EntenteStore store = open()) {
            BatchResult first = store.recordAll(nigerUsa());
            BatchResult second = store.recordAll(nigerUsa());
            assertThat(first.events()).isEqualTo(nigerUsa().size());
            assertThat(second.events()).isZero();
            assertThat(second.unchanged()).isEqualTo(nigerUsa().size());
            assertThat(second.chunks()).as("nothing left to write, so no transaction").isZero();
            assertThat(store.history(Dyad.of(NER, USA)).orElseThrow().size()).isEqualTo(nigerUsa().size());
        }
    }

    @Test
    void aFactIdIsUniqueAcrossTheWholeStore() {
        try (EntenteStore store = open()) {
            store.record(talks("shared-id", "2024-04-23", CHN, NER));
            assertThatThrownBy(() -> store.record(talks("shared-id", "2024-04-26", TUR, NER)))
                    .isInstanceOf(FactConflictException.class)
                    .hasMessageContaining("shared-id")
                    .hasMessageContaining("CHN-NER")
                    .hasMessageContaining("NER-TUR");
            assertThat(store.history(Dyad.of(NER, TUR))).isEmpty();
        }
    }

    @Test
    void differentContentUnderAnExistingIdIsAConflictNamingBoth() {
        try (EntenteStore store = open()) {
            store.record(talks("chn-talks", "2024-04-23", CHN, NER));
            assertThatThrownBy(() -> store.record(talks("chn-talks", "2024-04-24", CHN, NER)))
                    .isInstanceOf(FactConflictException.class)
                    .hasMessageContaining("2024-04-23")
                    .hasMessageContaining("2024-04-24");
        }
    }

    @Test
    void aDryRunReportsEveryViolationAndWritesNothing() {
        try (EntenteStore store = open()) {
            List<FactCommand> batch = List.of(
                    talks("ok-1", "2024-04-23", CHN, NER),
                    complete("bad-complete", "2024-08-05", USA, NER),
                    denounce("bad-denounce", "2024-03-16", NER, FRA, "no-such-agreement"),
                    talks("ok-2", "2024-04-26", TUR, NER));
            BatchResult dry = store.dryRun(batch);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.violations()).extracting(BatchViolation::index).containsExactly(1, 2);
            assertThat(dry.violations().get(0).message()).contains("bad-complete", "no forces of USA are in NER");
            assertThat(dry.violations().get(1).message()).contains("bad-denounce", "no-such-agreement");
            assertThatThrownBy(() -> store.recordAll(batch))
                    .isInstanceOf(BatchRejectedException.class)
                    .satisfies(e -> assertThat(((BatchRejectedException) e).violations()).hasSize(2));
            assertThat(store.history(Dyad.of(CHN, NER))).isEmpty();
            assertThat(store.dyadOf(FactId.of("ok-1"))).isEmpty();
        }
    }

    @Test
    void aRuleViolationOfASingleCommandNamesDyadDateFactAndReason() {
        try (EntenteStore store = open()) {
            assertThatThrownBy(() -> store.record(complete("usa-complete", "2024-08-05", USA, NER)))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("NER-USA")
                    .hasMessageContaining("2024-08-05")
                    .hasMessageContaining("usa-complete")
                    .hasMessageContaining("no forces of USA are in NER");
        }
    }

    @Test
    void retractionsAndCorrectionsAreRecordedAndFoundFromTheFactId() {
        try (EntenteStore store = open()) {
            store.recordAll(nigerUsa());
            Recorded r = store.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("usa-talks-2024-03")), "duplicate report"));
            assertThat(r.dyad()).isEqualTo(Dyad.of(NER, USA));
            assertThat(r.events()).isEqualTo(1);
            assertThat(store.history(Dyad.of(NER, USA)).orElseThrow().facts())
                    .extracting(e -> e.fact().id().value()).doesNotContain("usa-talks-2024-03");
            assertThatThrownBy(() -> store.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("never-recorded")), "x")))
                    .isInstanceOf(UnknownFactException.class)
                    .hasMessageContaining("never-recorded");
            assertThatThrownBy(() -> store.record(new RelationshipCommand.CorrectFact(
                    talks("usa-talks-2024-03", "2024-03-13", USA, NER), "the talks began a day later")))
                    .isInstanceOf(UnknownFactException.class)
                    .hasMessageContaining("was retracted");
            Recorded corrected = store.record(new RelationshipCommand.CorrectFact(
                    schedule("usa-deadline", "2024-05-19", USA, NER, "2024-09-14"), "the statement says the 14th"));
            assertThat(corrected.events()).isEqualTo(1);
            assertThat(store.history(Dyad.of(NER, USA)).orElseThrow().entry(FactId.of("usa-deadline")).orElseThrow().revision())
                    .isEqualTo(2);
        }
    }

    @Test
    void aCorrectionMovingItsFactToAnotherDyadIsTheRuleViolationOnEveryPath() {
        try (EntenteStore store = open()) {
            store.record(talks("chn-talks", "2024-04-23", CHN, NER));
            RelationshipCommand moved = new RelationshipCommand.CorrectFact(talks("chn-talks", "2024-04-23", FRA, NER), "wrong partner");

            assertThatThrownBy(() -> store.record(moved)).isInstanceOfSatisfying(RuleViolationException.class, e -> {
                assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_DYAD);
                assertThat(e.dyad()).isEqualTo(Dyad.of(CHN, NER));
                assertThat(e.fact()).isEqualTo(FactId.of("chn-talks"));
                assertThat(e.getMessage()).contains("the revision is about FRA-NER");
            });
            assertThat(store.dryRun(List.of(moved)).violations()).singleElement().satisfies(v -> {
                assertThat(v.dyad()).contains(Dyad.of(CHN, NER));
                assertThat(v.error()).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_DYAD));
            });
            assertThatThrownBy(() -> store.recordAll(List.of(moved))).isInstanceOfSatisfying(BatchRejectedException.class,
                    e -> assertThat(e.violations()).singleElement().extracting(BatchViolation::error)
                            .isInstanceOfSatisfying(RuleViolationException.class,
                                    v -> assertThat(v.rule()).isEqualTo(Rule.CORRECTION_CHANGES_DYAD)));
            // A fact recorded earlier in the same batch is found there.
            assertThatThrownBy(() -> store.recordAll(List.of(talks("tur-talks", "2024-04-26", TUR, NER),
                    new RelationshipCommand.CorrectFact(talks("tur-talks", "2024-04-26", FRA, NER), "wrong partner"))))
                    .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.violations()).singleElement()
                            .extracting(BatchViolation::error).isInstanceOfSatisfying(RuleViolationException.class,
                                    v -> assertThat(v.rule()).isEqualTo(Rule.CORRECTION_CHANGES_DYAD)));
            assertThat(store.history(Dyad.of(FRA, NER))).isEmpty();
        }
    }

    @Test
    void aCorrectionChangingItsFactsKindIsTheRuleViolation() {
        try (EntenteStore store = open()) {
            store.record(talks("chn-talks", "2024-04-23", CHN, NER));
            assertThatThrownBy(() -> store.record(new RelationshipCommand.CorrectFact(
                    pledge("chn-talks", "2024-04-23", CHN, NER, CooperationDomain.values()[0]), "it was a pledge")))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_KIND);
                        assertThat(e.fact()).isEqualTo(FactId.of("chn-talks"));
                    });
        }
    }

    @Test
    void aScriptThatRecordsAndThenCorrectsAFactCanRunAgain() {
        FactCommand original = talks("chn-talks", "2024-04-23", CHN, NER);
        List<RelationshipCommand> script = List.of(original,
                new RelationshipCommand.CorrectFact(talks("chn-talks", "2024-04-24", CHN, NER), "the day after"));
        try (EntenteStore store = open()) {
            for (RelationshipCommand c : script) {
                assertThat(store.record(c).events()).isEqualTo(1);
            }
            for (RelationshipCommand c : script) {
                assertThat(store.record(c).events()).as("run again: %s", c).isZero();
            }
            BatchResult again = store.recordAll(script);
            assertThat(again.events()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
            // Correcting back to the original content is a new revision, not a no-op.
            Recorded back = store.record(new RelationshipCommand.CorrectFact(original, "the first day was right"));
            assertThat(back.events()).isEqualTo(1);
            assertThat(store.history(Dyad.of(CHN, NER)).orElseThrow().entry(FactId.of("chn-talks")).orElseThrow().revision())
                    .isEqualTo(3);
            // Content never recorded under the id is still a conflict.
            assertThatThrownBy(() -> store.record(talks("chn-talks", "2024-04-25", CHN, NER)))
                    .isInstanceOf(FactConflictException.class).hasMessageContaining("2024-04-23 -> 2024-04-25");
        }
    }

    @Test
    void aBatchIsWrittenInChunksAndABatchThatFailedHalfwayIsCompletedByRunningItAgain() {
        List<FactCommand> batch = new ArrayList<>();
        String[] partners = {"CHN", "TUR", "RUS", "FRA", "USA", "DEU", "ITA"};
        for (String p : partners) {
            for (int i = 0; i < 5; i++) {
                batch.add(talks(p.toLowerCase() + "-talks-" + i, "2024-01-0" + (i + 1), org.entente.core.Country.of(p), NER));
            }
        }
        try (EntenteStore store = openWithChunkSize(10)) {
            AtomicInteger dispatched = new AtomicInteger();
            SimpleCommandBus bus = (SimpleCommandBus) store.axonConfiguration().commandBus();
            bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                if (dispatched.incrementAndGet() == 4) {
                    throw new IllegalStateException("simulated crash in the second chunk");
                }
                return chain.proceed();
            });
            assertThatThrownBy(() -> store.recordAll(batch))
                    .isInstanceOf(BatchWriteException.class)
                    .satisfies(e -> {
                        BatchResult written = ((BatchWriteException) e).written();
                        assertThat(written.chunks()).isEqualTo(1);
                        assertThat(written.events()).isEqualTo(10);
                    });
            assertThat(store.history(Dyad.of(CHN, NER)).orElseThrow().size()).isEqualTo(5);
            assertThat(store.history(Dyad.of(NER, RUS))).isEmpty();

            BatchResult again = store.recordAll(batch);
            assertThat(again.events()).isEqualTo(batch.size() - 10);
            assertThat(again.unchanged()).isEqualTo(10);
            assertThat(again.chunks()).isEqualTo(3);
            for (String p : partners) {
                assertThat(store.history(Dyad.of(org.entente.core.Country.of(p), NER)).orElseThrow().size()).isEqualTo(5);
            }
        }
    }

    @Test
    void aLongDyadIsSplitOverSeveralTransactions() {
        List<FactCommand> batch = new ArrayList<>();
        batch.add(sign("fra-agreements", "1977-01-01", NER, FRA, AgreementKind.DEFENCE_COOPERATION));
        for (int i = 0; i < 24; i++) {
            batch.add(talks("fra-talks-" + i, "2020-01-" + String.format("%02d", i + 1), FRA, NER));
        }
        try (EntenteStore store = openWithChunkSize(10)) {
            BatchResult result = store.recordAll(batch);
            assertThat(result.chunks()).isEqualTo(3);
            assertThat(result.positions()).singleElement()
                    .satisfies(p -> assertThat(p.sequence()).isEqualTo(24));
        }
    }

    @Test
    void aDyadWrittenBetweenTheBatchCheckAndItsChunkIsCheckedAgain() {
        // The plan's decision for NER-USA is made on [forces]; before its chunk is written, the
        // stationing is retracted. The chunk must not adopt the stale decision: scheduling the
        // withdrawal of forces that are no longer recorded breaks the rules.
        List<RelationshipCommand> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(talks("chn-talks-" + i, "2024-01-0" + (i % 9 + 1), CHN, NER));
        }
        batch.add(schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15", "usa-forces"));
        try (EntenteStore store = openWithChunkSize(10)) {
            store.record(station("usa-forces", "2013-02-22", USA, NER, "Air Base 101"));
            AtomicInteger chunks = new AtomicInteger();
            assertThatThrownBy(() -> store.recordAll(batch, (written, total) -> {
                if (chunks.incrementAndGet() == 1) {
                    store.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("usa-forces")), "never happened"));
                }
            }))
                    .isInstanceOf(BatchWriteException.class)
                    .hasRootCauseInstanceOf(RuleViolationException.class);
            DyadHistory usa = store.history(Dyad.of(NER, USA)).orElseThrow();
            assertThat(usa.entry(FactId.of("usa-schedule"))).isEmpty();
            assertThat(usa.entry(FactId.of("usa-forces")).orElseThrow().retracted()).isTrue();
        }
    }

    @Test
    void aBatchDecisionStillHoldsWhenTheDyadGrewCompatibly() {
        List<RelationshipCommand> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(talks("chn-talks-" + i, "2024-01-0" + (i % 9 + 1), CHN, NER));
        }
        batch.add(schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15", "usa-forces"));
        batch.add(complete("usa-complete", "2024-08-05", USA, NER, "usa-forces"));
        try (EntenteStore store = openWithChunkSize(10)) {
            store.record(station("usa-forces", "2013-02-22", USA, NER, "Air Base 101"));
            AtomicInteger chunks = new AtomicInteger();
            BatchResult result = store.recordAll(batch, (written, total) -> {
                if (chunks.incrementAndGet() == 1) {
                    store.record(talks("usa-talks", "2024-03-12", USA, NER));
                }
            });
            assertThat(result.chunks()).isEqualTo(2);
            assertThat(result.positions()).filteredOn(p -> p.dyad().equals(Dyad.of(NER, USA))).singleElement()
                    .satisfies(p -> assertThat(p.sequence()).isEqualTo(3));
            DyadHistory usa = store.history(Dyad.of(NER, USA)).orElseThrow();
            assertThat(usa.facts()).extracting(f -> f.fact().id().value())
                    .containsExactly("usa-forces", "usa-talks", "usa-schedule", "usa-complete");
            assertThat(usa.state().forcesPresent()).isEmpty();
        }
    }

    /** The backend under test with a small chunk size. */
    abstract EntenteStore openWithChunkSize(int chunkSize);

    static Optional<String> none() {
        return Optional.empty();
    }
}
