package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.FRA_NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.ids;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.Facts.rejection;
import static org.entente.core.relationship.NigerStory.USA_COMPLETE;
import static org.entente.core.relationship.NigerStory.USA_DEADLINE;
import static org.entente.core.relationship.NigerStory.USA_DENOUNCE;
import static org.entente.core.relationship.NigerStory.USA_FORCES_AGADEZ;
import static org.entente.core.relationship.NigerStory.USA_FORCES_NIAMEY;
import static org.entente.core.relationship.NigerStory.USA_HANDOVER_101;
import static org.entente.core.relationship.NigerStory.USA_HANDOVER_201;
import static org.entente.core.relationship.NigerStory.USA_SCHEDULE;
import static org.entente.core.relationship.NigerStory.USA_SOFA;
import static org.entente.core.relationship.NigerStory.USA_TALKS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.DyadHistory.Entry;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipEvent.FactCorrected;
import org.entente.core.relationship.RelationshipEvent.FactsRetracted;
import org.entente.core.relationship.RelationshipState.AgreementStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeciderTest {

    private static List<String> order(DyadHistory history) {
        return history.facts().stream().map(e -> e.fact().id().value()).toList();
    }

    private static DyadHistory usaStory() {
        return recorded(NER_USA, NigerStory.usa());
    }

    /** Records the commands in the order given, putting off the ones the rules refuse until they are accepted. */
    private static DyadHistory recordInAnyAcceptedOrder(List<FactCommand> commands) {
        DyadHistory history = DyadHistory.empty(NER_USA);
        List<FactCommand> pending = new ArrayList<>(commands);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (Iterator<FactCommand> it = pending.iterator(); it.hasNext(); ) {
                FactCommand command = it.next();
                try {
                    record(history, command);
                    it.remove();
                    progress = true;
                } catch (RuleViolationException refusedForNow) {
                    // recorded on a later pass, once what it names is recorded
                }
            }
            assertThat(progress).as("some of %s is accepted", pending).isTrue();
        }
        return history;
    }

    @Nested
    class OrderOfFacts {

        @Test
        void factsAreOrderedByDayThenRankThenIdNotByRecording() {
            DyadHistory history = recorded(NER_USA, List.of(
                    USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SOFA, USA_SCHEDULE, USA_DENOUNCE, USA_DEADLINE,
                    USA_HANDOVER_101, USA_COMPLETE, USA_HANDOVER_201));

            assertThat(order(history)).containsExactly("usa-sofa-2012", "usa-forces-niamey", "usa-forces-agadez",
                    "usa-denounce", "usa-schedule", "usa-deadline", "usa-handover-101", "usa-handover-201", "usa-complete");
            assertThat(history.facts()).isSortedAccordingTo(DyadHistory.ORDER);
        }

        @Test
        void factsOfOneDayAndRankAreOrderedById() {
            DyadHistory history = recorded(NER_USA, fact("b-talks", "2024-03-12", USA, NER).holdTalks().command(),
                    fact("a-talks", "2024-03-12", NER, USA).holdTalks().command());

            assertThat(order(history)).containsExactly("a-talks", "b-talks");
        }

        static Stream<List<FactCommand>> acceptedOrders() {
            return Stream.of(
                    NigerStory.usa(),
                    List.of(USA_FORCES_AGADEZ, USA_FORCES_NIAMEY, USA_SOFA, USA_SCHEDULE, USA_DENOUNCE, USA_DEADLINE,
                            USA_HANDOVER_101, USA_COMPLETE, USA_HANDOVER_201),
                    List.of(USA_SOFA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_DEADLINE, USA_SCHEDULE, USA_HANDOVER_201,
                            USA_HANDOVER_101, USA_COMPLETE, USA_DENOUNCE),
                    List.of(USA_FORCES_NIAMEY, USA_SCHEDULE, USA_HANDOVER_101, USA_FORCES_AGADEZ, USA_DEADLINE, USA_SOFA,
                            USA_DENOUNCE, USA_HANDOVER_201, USA_COMPLETE),
                    List.of(USA_FORCES_AGADEZ, USA_DEADLINE, USA_FORCES_NIAMEY, USA_HANDOVER_201, USA_HANDOVER_101,
                            USA_SCHEDULE, USA_COMPLETE, USA_SOFA, USA_DENOUNCE));
        }

        @ParameterizedTest
        @MethodSource("acceptedOrders")
        void recordingTheNigerUsStoryInAnAcceptedOrderGivesTheSameHistoryAndState(List<FactCommand> order) {
            DyadHistory reference = usaStory();

            DyadHistory history = recorded(NER_USA, order);

            assertThat(history.facts()).isEqualTo(reference.facts());
            assertThat(history.state()).isEqualTo(reference.state());
            assertThat(history.state()).isEqualTo(Decider.stateOf(NER_USA, history.facts()));
        }

        @Test
        void recordingTheNigerUsStoryInShuffledOrdersGivesTheSameHistoryAndState() {
            DyadHistory reference = usaStory();

            IntStream.rangeClosed(1, 40).forEach(seed -> {
                List<FactCommand> shuffled = new ArrayList<>(NigerStory.usa());
                Collections.shuffle(shuffled, new Random(seed));

                DyadHistory history = recordInAnyAcceptedOrder(shuffled);

                assertThat(history.facts()).as("seed %d", seed).isEqualTo(reference.facts());
                assertThat(history.state()).as("seed %d", seed).isEqualTo(reference.state());
            });
        }

        @Test
        void theStoryEndsWithNoMilitaryTiesAndBothStationingsWithdrawn() {
            RelationshipState state = usaStory().state();

            assertThat(state.hasMilitaryTies()).isFalse();
            assertThat(state.agreements()).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(AgreementStatus.DENOUNCED));
            assertThat(state.forces()).allSatisfy(f -> {
                assertThat(f.withdrawn()).contains(date("2024-08-05"));
                assertThat(f.withdrawal()).contains(new RelationshipState.Withdrawal(date("2024-04-19"),
                        Optional.of(date("2024-09-15"))));
            });
            assertThat(state.forces()).flatExtracting(RelationshipState.Forces::basesHandedOver)
                    .containsExactly("Air Base 101", "Air Base 201");
            assertThat(state.factCount()).isEqualTo(NigerStory.usa().size());
        }
    }

    @Nested
    class RetroactiveFacts {

        @Test
        void aRetroactiveFactThatBreaksALaterFactIsRejectedNamingIt() {
            DyadHistory history = usaStory();
            FactCommand.CompleteWithdrawal earlyExit = fact("agadez-early-exit", "2024-06-01", USA, NER).completeWithdrawal().forces("usa-forces-agadez").command();

            RuleViolationException e = rejection(history, earlyExit);

            assertThat(e.brokenFact()).contains(id("usa-handover-201"));
            assertThat(e.fact()).isEqualTo(id("agadez-early-exit"));
            assertThat(e.day()).contains(date("2024-06-01"));
            assertThat(e.dyad()).isEqualTo(NER_USA);
            assertThat(e.reason()).isEqualTo("a base can be handed over only for forces present;"
                    + " the forces of usa-forces-agadez left on 2024-06-01");
            assertThat(e.getMessage()).isEqualTo("NER-USA 2024-06-01 agadez-early-exit (complete withdrawal): recording"
                    + " agadez-early-exit would break later fact usa-handover-201 (2024-08-05, hand over base): a base"
                    + " can be handed over only for forces present; the forces of usa-forces-agadez left on 2024-06-01");
            assertThat(history.facts()).isEqualTo(usaStory().facts());
        }

        @Test
        void aRetroactiveCompletionIsCheckedAgainstTheLaterCompletionNamingTheSameForces() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE, USA_COMPLETE);

            RuleViolationException e = rejection(history, fact("niamey-exit", "2024-07-07", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command());

            assertThat(e.brokenFact()).contains(id("usa-complete"));
            assertThat(e.reason()).isEqualTo("a withdrawal can be completed only for forces present;"
                    + " the forces of usa-forces-niamey left on 2024-07-07");
        }

        @Test
        void aRetroactiveSeveranceThatWouldUnseatALaterAmbassadorIsRejectedNamingTheAccreditation() {
            DyadHistory history = recorded(FRA_NER, fact("fra-amb", "2022-09-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

            RuleViolationException e = rejection(history, fact("ner-sever", "2020-01-01", NER, FRA).severRelations().command());

            assertThat(e.brokenFact()).contains(id("fra-amb"));
            assertThat(e.fact()).isEqualTo(id("ner-sever"));
            assertThat(e.getMessage()).contains("FRA-NER", "2020-01-01", "ner-sever", "would break later fact fra-amb",
                    "relations are severed since 2020-01-01, so no envoy can be accredited");
        }

        @Test
        void aRetroactiveFactBrokenItselfIsRejectedForItsOwnReason() {
            DyadHistory history = usaStory();

            assertRejected(history, fact("early", "2011-06-01", NER, USA).denounceAgreement("usa-sofa-2012").command(),
                    "no agreement signed by usa-sofa-2012 on or before 2011-06-01");
        }

        @Test
        void aRetroactiveFactThatBreaksNothingIsAcceptedInItsPlace() {
            DyadHistory history = usaStory();

            assertThat(Decider.decide(USA_TALKS, history)).isEqualTo(List.of(USA_TALKS.toEvent()));
            record(history, USA_TALKS);

            assertThat(order(history)).containsSubsequence("usa-forces-agadez", "usa-talks-2024-03", "usa-denounce");
            assertThat(history.state().lastContact().map(RelationshipState.FactRef::id)).contains(id("usa-talks-2024-03"));
            assertThat(history.state().lastFact().map(RelationshipState.FactRef::id)).contains(id("usa-complete"));
        }

        @Test
        void aFactOnTheLastDayWithALowerRankIsPlacedBeforeTheLastFact() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE, USA_COMPLETE);

            record(history, USA_HANDOVER_201);

            assertThat(order(history)).endsWith("usa-handover-201", "usa-complete");
        }
    }

    @Nested
    class Retractions {

        @Test
        void retractingAFactIsAcceptedAndRemovesItFromHistory() {
            DyadHistory history = recorded(NER_USA, USA_SOFA, USA_TALKS, USA_DENOUNCE);
            RetractFacts command = new RetractFacts(ids("usa-talks-2024-03"), "the visit was a rumour");

            List<RelationshipEvent> events = Decider.decide(command, history);

            assertThat(events).isEqualTo(List.of(new FactsRetracted(NER_USA, ids("usa-talks-2024-03"), "the visit was a rumour")));
            events.forEach(e -> Decider.evolve(history, e));
            assertThat(order(history)).containsExactly("usa-sofa-2012", "usa-denounce");
            assertThat(history.entry(id("usa-talks-2024-03"))).get().extracting(Entry::retracted).isEqualTo(true);
            assertThat(history.state().lastContact()).isEmpty();
            assertThat(history.state().factCount()).isEqualTo(2);
        }

        @Test
        void aRetractionThatWouldBreakALaterFactIsRejectedNamingIt() {
            DyadHistory history = usaStory();

            RuleViolationException e = rejection(history, new RetractFacts(ids("usa-sofa-2012"), "wrong year"));

            assertThat(e.brokenFact()).contains(id("usa-denounce"));
            assertThat(e.fact()).isEqualTo(id("usa-sofa-2012"));
            assertThat(e.day()).isEmpty();
            assertThat(e.getMessage()).isEqualTo("NER-USA retracting usa-sofa-2012: would break later fact usa-denounce"
                    + " (2024-03-16, denounce agreement): no agreement signed by usa-sofa-2012 on or before 2024-03-16;"
                    + " an agreement is denounced by naming its signing (signed: none)");
            assertThat(history.facts()).hasSize(NigerStory.usa().size());
        }

        @Test
        void retractingAStationingBreaksTheFirstFactThatNamesIt() {
            DyadHistory history = usaStory();

            RuleViolationException e = rejection(history, new RetractFacts(ids("usa-forces-niamey"), "never happened"));

            assertThat(e.brokenFact()).contains(id("usa-handover-101"));
        }

        @Test
        void retractingAFactTogetherWithTheFactsThatNameItIsAccepted() {
            DyadHistory history = recorded(NER_USA, USA_SOFA, USA_DENOUNCE);

            record(history, new RetractFacts(ids("usa-sofa-2012", "usa-denounce", "usa-sofa-2012"), "duplicate import"));

            assertThat(history.facts()).isEmpty();
            assertThat(history.entries()).hasSize(2).allSatisfy(entry -> assertThat(entry.retracted()).isTrue());
            assertThat(history.state().agreements()).isEmpty();
            assertThat(history.state().isEmpty()).isTrue();
        }

        @Test
        void retractingAFactAgainGivesNoEvent() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new RetractFacts(ids("usa-talks-2024-03"), "rumour"));

            assertThat(Decider.decide(new RetractFacts(ids("usa-talks-2024-03"), "rumour"), history)).isEmpty();
        }

        @Test
        void retractingAnUnknownFactIsRejectedNamingIt() {
            DyadHistory history = recorded(NER_USA, USA_SOFA);

            assertThatThrownBy(() -> Decider.decide(new RetractFacts(ids("usa-sofa-2012", "usa-forces-arlit"), "x"), history))
                    .isInstanceOfSatisfying(UnknownFactException.class, e -> assertThat(e.fact()).isEqualTo(id("usa-forces-arlit")))
                    .hasMessage("fact usa-forces-arlit is not recorded in NER-USA; a retraction names facts of one dyad");
        }
    }

    @Nested
    class Corrections {

        private final FactCommand.HoldTalks talksOnTheTwentieth = new FactCommand.HoldTalks(
                FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 20), USA, NER, NigerStory.reported("KUNA (menafn.com)")),
                USA_TALKS.subject());

        @Test
        void correctingTheDayIsRevisionTwoAndReordersTheTimeline() {
            DyadHistory history = recorded(NER_USA, USA_SOFA, USA_TALKS, USA_DENOUNCE);
            assertThat(order(history)).containsExactly("usa-sofa-2012", "usa-talks-2024-03", "usa-denounce");

            List<RelationshipEvent> events = Decider.decide(new CorrectFact(talksOnTheTwentieth, " wrong day "), history);

            assertThat(events).isEqualTo(List.of(new FactCorrected(talksOnTheTwentieth.toEvent(), 2, "wrong day")));
            events.forEach(e -> Decider.evolve(history, e));
            assertThat(order(history)).containsExactly("usa-sofa-2012", "usa-denounce", "usa-talks-2024-03");
            assertThat(history.entry(id("usa-talks-2024-03"))).get()
                    .isEqualTo(new Entry(talksOnTheTwentieth.toEvent(), 2, false));
            assertThat(history.state().lastContact().map(RelationshipState.FactRef::day)).contains(date("2024-03-20"));
        }

        @Test
        void eachCorrectionIsTheNextRevision() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new CorrectFact(talksOnTheTwentieth, "wrong day"));

            List<RelationshipEvent> events = Decider.decide(new CorrectFact(USA_TALKS, "the first day was right"), history);

            assertThat(events).singleElement().isInstanceOfSatisfying(FactCorrected.class,
                    c -> assertThat(c.revision()).isEqualTo(3));
        }

        @Test
        void correctingAFactToWhatItAlreadyIsGivesNoEvent() {
            DyadHistory history = recorded(NER_USA, USA_TALKS);

            assertThat(Decider.decide(new CorrectFact(USA_TALKS, "re-import"), history)).isEmpty();
        }

        @Test
        void aCorrectionThatWouldBreakALaterFactIsRejectedNamingIt() {
            DyadHistory history = usaStory();
            FactCommand.SignAgreement signedLate = new FactCommand.SignAgreement(
                    FactHeader.of("usa-sofa-2012", HappenedOn.year(2025), NER, USA, Source.background()),
                    AgreementKind.STATUS_OF_FORCES, USA_SOFA.title());

            RuleViolationException e = rejection(history, new CorrectFact(signedLate, "typo in the year"));

            assertThat(e.brokenFact()).contains(id("usa-denounce"));
            assertThat(e.fact()).isEqualTo(id("usa-sofa-2012"));
            assertThat(e.day()).contains(date("2025-01-01"));
            assertThat(e.getMessage()).startsWith("NER-USA 2025-01-01 (year) usa-sofa-2012 (sign agreement): correcting"
                    + " usa-sofa-2012 would break later fact usa-denounce (2024-03-16, denounce agreement): no agreement signed by");
            assertThat(history.entry(id("usa-sofa-2012"))).get().extracting(Entry::revision).isEqualTo(1);
        }

        @Test
        void aCorrectionBrokenItselfIsRejectedForItsOwnReason() {
            DyadHistory history = recorded(NER_USA, USA_SOFA, USA_DENOUNCE);
            FactCommand.DenounceAgreement wrongAgreement = new FactCommand.DenounceAgreement(USA_DENOUNCE.fact(), id("usa-sofa"));

            RuleViolationException e = rejection(history, new CorrectFact(wrongAgreement, "renamed"));

            assertThat(e.brokenFact()).isEmpty();
            assertThat(e.getMessage()).contains("NER-USA", "2024-03-16", "usa-denounce",
                    "no agreement signed by usa-sofa on or before 2024-03-16");
        }

        @Test
        void aCorrectionCannotMoveAFactToAnotherDyad() {
            DyadHistory history = recorded(NER_USA, USA_TALKS);
            FactCommand.HoldTalks inFrance = new FactCommand.HoldTalks(
                    FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 12), FRA, NER, NigerStory.reported("x")),
                    Optional.empty());

            RuleViolationException e = rejection(history, new CorrectFact(inFrance, "other country"));

            assertThat(e.reason()).isEqualTo("a correction stays in its dyad");
            assertThat(e.getMessage()).contains("NER-USA", "usa-talks-2024-03", "FRA-NER", "retract the fact and record a new one");
        }

        @Test
        void aCorrectionCannotChangeTheFactsKind() {
            DyadHistory history = recorded(NER_USA, USA_TALKS);
            FactCommand.PledgeCooperation pledge = new FactCommand.PledgeCooperation(USA_TALKS.fact(),
                    List.of(CooperationDomain.values()[0]));

            RuleViolationException e = rejection(history, new CorrectFact(pledge, "it was a pledge"));

            assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_KIND);
            assertThat(e.fact()).isEqualTo(id("usa-talks-2024-03"));
            assertThat(e.dyad()).isEqualTo(NER_USA);
            assertThat(e.reason()).isEqualTo("a correction keeps the fact's kind");
            assertThat(e.getMessage()).isEqualTo("NER-USA usa-talks-2024-03: a correction keeps the fact's kind (hold talks),"
                    + " but the revision is pledge cooperation; retract it and record the right fact");
            assertThat(history.entry(id("usa-talks-2024-03"))).get().extracting(Entry::revision).isEqualTo(1);
        }

        @Test
        void correctingBackToAnEarlierRevisionIsANewRevision() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new CorrectFact(talksOnTheTwentieth, "wrong day"));

            List<RelationshipEvent> events = record(history, new CorrectFact(USA_TALKS, "the first day was right"));

            assertThat(events).singleElement().isInstanceOfSatisfying(FactCorrected.class, c -> {
                assertThat(c.revision()).isEqualTo(3);
                assertThat(c.revised()).isEqualTo(USA_TALKS.toEvent());
            });
            assertThat(history.entry(id("usa-talks-2024-03"))).get().extracting(Entry::fact).isEqualTo(USA_TALKS.toEvent());
            assertThat(history.earlierRevisions(id("usa-talks-2024-03")))
                    .containsExactly(USA_TALKS.toEvent(), talksOnTheTwentieth.toEvent());
        }

        @Test
        void correctingAnUnknownFactIsRejected() {
            DyadHistory history = recorded(NER_USA, USA_SOFA);

            assertThatThrownBy(() -> Decider.decide(new CorrectFact(USA_TALKS, "x"), history))
                    .isInstanceOfSatisfying(UnknownFactException.class, e -> assertThat(e.fact()).isEqualTo(id("usa-talks-2024-03")))
                    .hasMessage("fact usa-talks-2024-03 is not recorded in NER-USA; only a recorded fact can be corrected");
        }

        @Test
        void correctingARetractedFactIsRejected() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new RetractFacts(ids("usa-talks-2024-03"), "rumour"));

            assertThatThrownBy(() -> Decider.decide(new CorrectFact(talksOnTheTwentieth, "x"), history))
                    .isInstanceOfSatisfying(UnknownFactException.class, e -> assertThat(e.fact()).isEqualTo(id("usa-talks-2024-03")))
                    .hasMessage("fact usa-talks-2024-03 of NER-USA was retracted; record a new fact instead of correcting it");
        }
    }

    @Nested
    class IdempotencyAndConflicts {

        @Test
        void recordingTheSameFactAgainGivesNoEvent() {
            DyadHistory history = usaStory();

            for (FactCommand command : NigerStory.usa()) {
                assertThat(Decider.decide(command, history)).as(command.fact().id().value()).isEmpty();
            }
        }

        @Test
        void evolvingWithAFactAlreadyRecordedChangesNothing() {
            DyadHistory history = usaStory();
            RelationshipState before = history.state();

            Decider.evolve(history, USA_DENOUNCE.toEvent());

            assertThat(history.size()).isEqualTo(NigerStory.usa().size());
            assertThat(history.state()).isEqualTo(before);
        }

        @Test
        void recordingAnyEarlierRevisionOfACorrectedFactAgainGivesNoEvent() {
            FactCommand.HoldTalks onTheTwentieth = new FactCommand.HoldTalks(
                    FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 20), USA, NER, NigerStory.reported("x")),
                    USA_TALKS.subject());
            FactCommand.HoldTalks onTheTwentyFirst = new FactCommand.HoldTalks(
                    FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 21), USA, NER, NigerStory.reported("x")),
                    USA_TALKS.subject());
            DyadHistory history = recorded(NER_USA, USA_TALKS, new CorrectFact(onTheTwentieth, "wrong day"),
                    new CorrectFact(onTheTwentyFirst, "wrong day again"));

            assertThat(Decider.decide(USA_TALKS, history)).isEmpty();
            assertThat(Decider.decide(onTheTwentieth, history)).isEmpty();
            assertThat(Decider.decide(onTheTwentyFirst, history)).isEmpty();
            assertThat(Decider.decideAll(List.of(USA_TALKS, onTheTwentieth), history)).isEmpty();
            assertThat(history.hasRecorded(USA_TALKS.toEvent())).isTrue();
            // Content never recorded under the id is still a conflict, with the current revision's values.
            FactCommand.HoldTalks onTheTwentySecond = new FactCommand.HoldTalks(
                    FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 22), USA, NER, NigerStory.reported("x")),
                    USA_TALKS.subject());
            assertThatThrownBy(() -> Decider.decide(onTheTwentySecond, history))
                    .isInstanceOfSatisfying(FactConflictException.class, e -> assertThat(e.differences())
                            .extracting(FactConflictException.Difference::toString)
                            .containsExactly("fact.happened.day: 2024-03-21 -> 2024-03-22"));
        }

        @Test
        void theEarlierRevisionsSurviveACopyAndARebuild() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new CorrectFact(new FactCommand.HoldTalks(
                    FactHeader.of("usa-talks-2024-03", HappenedOn.day(2024, 3, 20), USA, NER, NigerStory.reported("x")),
                    USA_TALKS.subject()), "wrong day"));

            assertThat(history.copy().earlierRevisions(id("usa-talks-2024-03"))).containsExactly(USA_TALKS.toEvent());
            DyadHistory rebuilt = DyadHistory.of(NER_USA, history.entries(),
                    java.util.Map.of(id("usa-talks-2024-03"), history.earlierRevisions(id("usa-talks-2024-03"))));
            assertThat(Decider.decide(USA_TALKS, rebuilt)).isEmpty();
        }

        @Test
        void aConflictOfKindsNamesTheKindsAsMessagesDo() {
            DyadHistory history = recorded(NER_USA, USA_TALKS);
            FactCommand.PledgeCooperation pledge = new FactCommand.PledgeCooperation(USA_TALKS.fact(),
                    List.of(CooperationDomain.values()[0]));

            assertThatThrownBy(() -> Decider.decide(pledge, history))
                    .isInstanceOfSatisfying(FactConflictException.class, e -> assertThat(e.differences())
                            .extracting(FactConflictException.Difference::toString)
                            .containsExactly("kind: hold talks -> pledge cooperation"))
                    .hasMessageNotContaining("TalksHeld");
        }

        @Test
        void differentContentUnderARecordedFactIdIsAConflictNamingTheId() {
            DyadHistory history = usaStory();
            FactCommand.DenounceAgreement otherDay = new FactCommand.DenounceAgreement(
                    FactHeader.of("usa-denounce", HappenedOn.day(2024, 3, 17), NER, USA, NigerStory.reported("RT (rt.com/africa/594362)")),
                    id("usa-sofa-2012"));

            assertThatThrownBy(() -> Decider.decide(otherDay, history))
                    .isInstanceOfSatisfying(FactConflictException.class, e -> assertThat(e.fact()).isEqualTo(id("usa-denounce")))
                    .hasMessageContaining("fact id usa-denounce already names a different fact of NER-USA")
                    .hasMessageContaining("record a correction to change it");
        }

        @Test
        void aConflictNamesOnlyTheFieldsThatDifferWithBothValues() {
            DyadHistory history = recorded(NER_USA, new FactCommand.StationForces(
                    FactHeader.of("usa-forces", HappenedOn.day(2013, 2, 22), USA, NER, NigerStory.reported("AFP")),
                    Optional.of("Niamey"), Optional.of(350), List.of("Air Base 101"), true));
            FactCommand bigger = new FactCommand.StationForces(
                    FactHeader.of("usa-forces", HappenedOn.day(2013, 2, 22), USA, NER, NigerStory.reported("Reuters")),
                    Optional.of("Niamey"), Optional.of(1200), List.of("Air Base 101"), true);

            assertThatThrownBy(() -> Decider.decide(bigger, history))
                    .isInstanceOfSatisfying(FactConflictException.class, e -> assertThat(e.differences())
                            .extracting(FactConflictException.Difference::toString)
                            .containsExactly("fact.sources[0].publisher: AFP -> Reuters", "size: 350 -> 1200"))
                    .hasMessageContaining("(fact.sources[0].publisher: AFP -> Reuters; size: 350 -> 1200)")
                    .hasMessageNotContaining("Optional[")
                    .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
        }

        @Test
        void differentContentUnderARetractedFactIdIsAConflictToo() {
            DyadHistory history = recorded(NER_USA, USA_TALKS, new RetractFacts(ids("usa-talks-2024-03"), "rumour"));

            assertThatThrownBy(() -> Decider.decide(fact("usa-talks-2024-03", "2024-03-13", USA, NER).holdTalks().command(), history))
                    .isInstanceOf(FactConflictException.class)
                    .hasMessageContaining("usa-talks-2024-03")
                    .hasMessageContaining("(retracted)");
        }

        @Test
        void aFactOfAnotherDyadIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Decider.decide(NigerStory.FRA_FORCES, usaStory()))
                    .withMessage("fact fra-forces is about FRA-NER, but the history is NER-USA");
        }
    }

    @Nested
    class Batches {

        @Test
        void aBatchGivesTheEventsOfEveryCommandAndLeavesTheHistoryAsItWas() {
            DyadHistory history = recorded(NER_USA, USA_SOFA, USA_FORCES_NIAMEY);
            List<FactEvent> factsBefore = history.facts();
            RelationshipState stateBefore = history.state();
            List<FactCommand> batch = List.of(USA_FORCES_AGADEZ, USA_DENOUNCE, USA_SCHEDULE, USA_DEADLINE, USA_HANDOVER_101,
                    USA_HANDOVER_201, USA_COMPLETE);

            List<RelationshipEvent> events = Decider.decideAll(batch, history);

            assertThat(events).isEqualTo(batch.stream().map(FactCommand::toEvent).toList());
            assertThat(history.facts()).isEqualTo(factsBefore);
            assertThat(history.state()).isEqualTo(stateBefore);
            events.forEach(e -> Decider.evolve(history, e));
            assertThat(history.state()).isEqualTo(usaStory().state());
        }

        @Test
        void aBatchIsAllOrNothing() {
            DyadHistory history = recorded(NER_USA, USA_SOFA);
            List<FactEvent> before = history.facts();
            List<FactCommand> batch = List.of(USA_FORCES_NIAMEY, USA_DENOUNCE, USA_COMPLETE, USA_FORCES_AGADEZ);

            assertThatThrownBy(() -> Decider.decideAll(batch, history))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.fact()).isEqualTo(id("usa-complete")))
                    .hasMessageContaining("no forces were stationed by usa-forces-agadez on or before 2024-08-05");
            assertThat(history.facts()).isEqualTo(before);
            assertThat(history.state().forces()).isEmpty();
        }

        @Test
        void aBatchMayRecordFactsOutOfOrderAndRepeatItself() {
            DyadHistory history = DyadHistory.empty(NER_USA);
            List<RelationshipCommand> batch = List.of(USA_FORCES_NIAMEY, USA_SCHEDULE, USA_FORCES_AGADEZ, USA_SOFA,
                    USA_SCHEDULE, USA_DENOUNCE, USA_TALKS, new RetractFacts(ids("usa-talks-2024-03"), "rumour"));

            List<RelationshipEvent> events = Decider.decideAll(batch, history);

            assertThat(events).hasSize(7);
            assertThat(history.facts()).isEmpty();
            events.forEach(e -> Decider.evolve(history, e));
            assertThat(order(history)).containsExactly("usa-sofa-2012", "usa-forces-niamey", "usa-forces-agadez",
                    "usa-denounce", "usa-schedule");
            assertThat(history.state()).isEqualTo(
                    recorded(NER_USA, USA_SOFA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_DENOUNCE, USA_SCHEDULE).state());
        }

        @Test
        void aBatchRejectsADifferentFactUnderAnIdItRecordedEarlier() {
            List<FactCommand> batch = List.of(USA_TALKS, fact("usa-talks-2024-03", "2024-03-13", USA, NER).holdTalks().command());

            assertThatThrownBy(() -> Decider.decideAll(batch, DyadHistory.empty(NER_USA)))
                    .isInstanceOf(FactConflictException.class);
        }

        @Test
        void aBatchChecksACorrectionAgainstTheFactsBeforeItInTheBatch() {
            DyadHistory history = recorded(NER_USA, USA_SOFA);
            FactCommand.SignAgreement signedLate = new FactCommand.SignAgreement(
                    FactHeader.of("usa-sofa-2012", HappenedOn.year(2025), NER, USA, Source.background()),
                    AgreementKind.STATUS_OF_FORCES, USA_SOFA.title());

            assertThatThrownBy(() -> Decider.decideAll(List.of(USA_DENOUNCE, new CorrectFact(signedLate, "year")), history))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.brokenFact()).contains(id("usa-denounce")));
            assertThat(history.size()).isEqualTo(1);
        }
    }

    @Nested
    class StoredHistory {

        @Test
        void aStoredFactTheRulesRejectIsKeptButSkippedLeavingTheStateAsItWas() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ,
                    fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().forces("usa-forces-niamey").command());
            RelationshipState before = history.state();

            Decider.evolve(history, USA_COMPLETE.toEvent());

            assertThat(history.size()).isEqualTo(4);
            assertThat(history.skippedByRules()).isEqualTo(1);
            assertThat(history.state()).isEqualTo(before);
            assertThat(history.state().forcesPresent()).hasSize(2);
        }

        @Test
        void aRetroactiveFactIsNotBlamedForALaterStoredFactThatWasAlreadyBroken() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY);
            Decider.evolve(history, fact("c", "2024-08-05", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command().toEvent());
            assertThat(history.skippedByRules()).isEqualTo(1);

            assertThat(Decider.decide(fact("t-2025", "2025-01-01", USA, NER).holdTalks().command(), history)).hasSize(1);
            assertThat(Decider.decide(USA_SOFA, history)).isEqualTo(List.of(USA_SOFA.toEvent()));
            assertThat(Decider.decide(new RetractFacts(ids("usa-forces-niamey"), "never happened"), history)).hasSize(1);
        }

        @Test
        void aRetroactiveFactCanRepairAStoredFactThatWasBroken() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY);
            Decider.evolve(history, fact("c", "2024-08-05", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command().toEvent());

            record(history, USA_SCHEDULE);

            assertThat(history.skippedByRules()).isZero();
            assertThat(history.state().forcesPresent()).isEmpty();
        }

        @Test
        void aCorrectionOfABrokenStoredFactMustStillObeyTheRules() {
            DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY);
            Decider.evolve(history, fact("c", "2024-08-05", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command().toEvent());

            RuleViolationException e = rejection(history,
                    new CorrectFact(fact("c", "2024-08-06", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command(), "a day later"));

            assertThat(e.brokenFact()).isEmpty();
            assertThat(e.reason()).startsWith("no withdrawal is scheduled on or before 2024-08-06 for usa-forces-niamey");
        }

        @Test
        void theStateOfFactsSkipsTheFactsTheRulesReject() {
            List<FactEvent> facts = List.of(USA_FORCES_NIAMEY.toEvent(), USA_DENOUNCE.toEvent(), USA_SCHEDULE.toEvent());

            RelationshipState state = Decider.stateOf(NER_USA, facts);

            assertThat(state.factCount()).isEqualTo(2);
            assertThat(state.agreements()).isEmpty();
            assertThat(state.forcesPresent()).singleElement().satisfies(f -> assertThat(f.withdrawal()).isPresent());
        }

        @Test
        void aHistoryRebuiltFromItsEntriesHasTheSameFactsAndState() {
            DyadHistory history = usaStory();
            record(history, USA_TALKS);
            record(history, new RetractFacts(ids("usa-talks-2024-03"), "rumour"));

            DyadHistory rebuilt = DyadHistory.of(NER_USA, history.entries());

            assertThat(rebuilt.facts()).isEqualTo(history.facts());
            assertThat(rebuilt.state()).isEqualTo(history.state());
            assertThat(rebuilt.entry(id("usa-talks-2024-03"))).isEqualTo(history.entry(id("usa-talks-2024-03")));
        }

        @Test
        void aCopyIsIndependentOfItsOriginal() {
            DyadHistory original = recorded(NER_USA, USA_SOFA, USA_FORCES_NIAMEY);
            RelationshipState before = original.state();

            DyadHistory copy = original.copy();
            record(copy, USA_DENOUNCE);
            record(copy, fact("usa-forces-arlit", "2015-01-01", USA, NER).stationForces().invited().command());

            assertThat(original.size()).isEqualTo(2);
            assertThat(original.state()).isEqualTo(before);
            assertThat(copy.size()).isEqualTo(4);
            assertThat(copy.entry(FactId.of("usa-denounce"))).isPresent();
            assertThat(original.entry(FactId.of("usa-denounce"))).isEmpty();
        }
    }
}
