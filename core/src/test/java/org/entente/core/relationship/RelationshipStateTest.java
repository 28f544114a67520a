package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.FRA_NER;
import static org.entente.core.relationship.Facts.NER_TUR;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.TUR;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.recorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipState.Steps;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationshipStateTest {

    /** The state of the history's facts on or before the day. */
    private static RelationshipState asOf(DyadHistory history, String day) {
        LocalDate d = date(day);
        return Decider.stateOf(history.dyad(),
                history.facts().stream().filter(e -> !e.fact().happened().day().isAfter(d)).toList());
    }

    @Nested
    class MilitaryTies {

        @Test
        void anEmptyStateHasNothing() {
            RelationshipState empty = RelationshipState.empty(NER_USA);

            assertThat(empty.isEmpty()).isTrue();
            assertThat(empty.hasMilitaryTies()).isFalse();
            assertThat(empty.steps().hadMilitaryTies()).isFalse();
            assertThat(empty.lastFact()).isEmpty();
            assertThat(empty).isEqualTo(DyadHistory.empty(NER_USA).state()).isEqualTo(Decider.stateOf(NER_USA, List.of()));
        }

        @Test
        void aMilitaryAgreementMakesTiesUntilItIsSuspendedAndAgainOnceRestored() {
            DyadHistory history = recorded(NER_USA,
                    fact("sofa", "2012-01-01", NER, USA).signAgreement(AgreementKind.STATUS_OF_FORCES).command(),
                    fact("sus", "2020-01-01", NER, USA).suspendAgreement("sofa").command(),
                    fact("res", "2021-01-01", NER, USA).restoreAgreement("sofa").command());

            assertThat(asOf(history, "2011-12-31").hasMilitaryTies()).isFalse();
            assertThat(asOf(history, "2012-01-01").militaryAgreementsInForce()).extracting(RelationshipState.Agreement::signing)
                    .containsExactly(id("sofa"));
            assertThat(asOf(history, "2020-06-01").hasMilitaryTies()).isFalse();
            assertThat(asOf(history, "2020-06-01").militaryAgreementsInForce()).isEmpty();
            assertThat(asOf(history, "2020-06-01").steps().hadMilitaryTies()).isTrue();
            assertThat(asOf(history, "2021-01-01").hasMilitaryTies()).isTrue();
        }

        @Test
        void forcesMakeTiesWhileTheyArePresentWhicheverWayTheyGo() {
            DyadHistory history = recorded(FRA_NER,
                    fact("ner-in-france", "2019-07-14", NER, FRA).stationForces().invited().command(),
                    fact("s", "2019-07-15", NER, FRA).scheduleWithdrawal().command(),
                    fact("c", "2019-07-20", NER, FRA).completeWithdrawal().command());

            assertThat(asOf(history, "2019-07-14").forcesPresent()).extracting(RelationshipState.Forces::owner)
                    .containsExactly(NER);
            assertThat(asOf(history, "2019-07-14").hasMilitaryTies()).isTrue();
            assertThat(asOf(history, "2019-07-20").forcesPresent()).isEmpty();
            assertThat(asOf(history, "2019-07-20").hasMilitaryTies()).isFalse();
            assertThat(asOf(history, "2019-07-20").forces()).hasSize(1);
        }

        @Test
        void envoysAndPledgesAreNoMilitaryTies() {
            DyadHistory history = recorded(NER_TUR,
                    fact("tur-attache", "2024-04-26", TUR, NER).appointAttache().rank("Colonel").command(),
                    fact("tur-pledge", "2024-04-26", TUR, NER).pledgeCooperation(CooperationDomain.MILITARY).command());

            assertThat(history.state().hasMilitaryTies()).isFalse();
            assertThat(history.state().steps().hadMilitaryTies()).isFalse();
            assertThat(history.state().envoy(TUR, EnvoyRole.DEFENCE_ATTACHE)).isPresent();
        }

        @Test
        void theNigerUsTiesEndWithTheLastStationing() {
            DyadHistory history = recorded(NER_USA, NigerStory.usa());

            assertThat(asOf(history, "2012-06-01").militaryAgreementsInForce()).hasSize(1);
            assertThat(asOf(history, "2012-06-01").forcesPresent()).isEmpty();
            assertThat(asOf(history, "2023-06-01").forcesPresent()).hasSize(2);
            assertThat(asOf(history, "2024-04-30").militaryAgreementsInForce()).isEmpty();
            assertThat(asOf(history, "2024-04-30").hasMilitaryTies()).isTrue();
            assertThat(asOf(history, "2024-07-07").forcesPresent()).hasSize(2);
            assertThat(asOf(history, "2024-10-01").hasMilitaryTies()).isFalse();
        }
    }

    @Nested
    class StepsOfTheNigerFranceStory {

        private final DyadHistory france = recorded(FRA_NER, NigerStory.france());

        @Test
        void beforeTheCoupTiesAreCooperativeAndNothingIsWindingDown() {
            Steps steps = asOf(france, "2023-06-01").steps();

            assertThat(asOf(france, "2023-06-01").hasMilitaryTies()).isTrue();
            assertThat(steps.hadMilitaryTies()).isTrue();
            assertThat(steps.lastCooperativeStep()).contains(date("2014-08-01"));
            assertThat(steps.lastWindingDownStep()).isEmpty();
            assertThat(steps.cooperativeAfterWindingDown()).isTrue();
            assertThat(steps.windingDownUnresolved()).isFalse();
            assertThat(steps.cooperativeSinceTiesEnded()).isTrue();
        }

        @Test
        void theDenunciationStartsAWindingDownWhileTheForcesRemain() {
            RelationshipState state = asOf(france, "2023-08-03");

            assertThat(state.militaryAgreementsInForce()).isEmpty();
            assertThat(state.forcesPresent()).hasSize(1);
            assertThat(state.hasMilitaryTies()).isTrue();
            assertThat(state.steps().lastWindingDownStep()).contains(date("2023-08-03"));
            assertThat(state.steps().windingDownUnresolved()).isTrue();
            assertThat(state.steps().cooperativeAfterWindingDown()).isFalse();
        }

        @Test
        void theScheduledWithdrawalKeepsItWindingDownUntilTheTroopsLeave() {
            RelationshipState state = asOf(france, "2023-12-21");

            assertThat(state.steps().lastWindingDownStep()).contains(date("2023-09-24"));
            assertThat(state.steps().windingDownUnresolved()).isTrue();
            assertThat(state.forcesPresent()).singleElement()
                    .satisfies(f -> assertThat(f.withdrawal().flatMap(RelationshipState.Withdrawal::deadline))
                            .contains(date("2023-12-31")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-12-22", "2024-04-30", "2030-01-01"})
        void afterTheLastTroopsLeftTheTiesHaveEndedWithNoCooperativeStepSince(String day) {
            RelationshipState state = asOf(france, day);

            assertThat(state.hasMilitaryTies()).isFalse();
            assertThat(state.steps().hadMilitaryTies()).isTrue();
            assertThat(state.steps().windingDownUnresolved()).isFalse();
            assertThat(state.steps().cooperativeAfterWindingDown()).isFalse();
            assertThat(state.steps().cooperativeSinceTiesEnded()).isFalse();
            assertThat(state.steps().lastCooperativeStep()).contains(date("2014-08-01"));
            assertThat(state.envoys()).isEmpty();
        }

        @Test
        void aCooperativeStepAfterTheEndIsRemembered() {
            DyadHistory history = france.copy();
            Facts.record(history, fact("fra-amb-2025", "2025-06-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

            Steps steps = history.state().steps();

            assertThat(history.state().hasMilitaryTies()).isFalse();
            assertThat(steps.cooperativeSinceTiesEnded()).isTrue();
            assertThat(steps.cooperativeAfterWindingDown()).isTrue();
            assertThat(steps.lastCooperativeStep()).contains(date("2025-06-01"));
        }

        @Test
        void aChargeDAffairesIsNoCooperativeStep() {
            DyadHistory history = france.copy();
            Facts.record(history, fact("fra-cda-2025", "2025-06-01", FRA, NER).accreditAmbassador().level(MissionLevel.CHARGE_D_AFFAIRES).command());

            assertThat(history.state().steps().cooperativeSinceTiesEnded()).isFalse();
            assertThat(history.state().steps().lastCooperativeStep()).contains(date("2014-08-01"));
        }
    }

    @Nested
    class WindingDownResolution {

        @Test
        void restoringADenouncedMilitaryAgreementResolvesTheWindingDown() {
            DyadHistory history = recorded(NER_USA,
                    fact("sofa", "2012-01-01", NER, USA).signAgreement(AgreementKind.STATUS_OF_FORCES).command(),
                    Facts.fact("den", "2024-03-16", NER, USA).denounceAgreement("sofa").command());
            assertThat(history.state().steps().windingDownUnresolved()).isTrue();

            Facts.record(history, fact("res", "2024-06-01", NER, USA).restoreAgreement("sofa").command());

            assertThat(history.state().steps().windingDownUnresolved()).isFalse();
            assertThat(history.state().hasMilitaryTies()).isTrue();
        }

        @Test
        void aNewWindingDownStepAfterAResolutionIsUnresolvedAgain() {
            DyadHistory history = recorded(NER_USA,
                    fact("f1", "2013-01-01", USA, NER).stationForces().invited().command(),
                    fact("f2", "2014-01-01", USA, NER).stationForces().invited().command(),
                    fact("s1", "2020-01-01", USA, NER).scheduleWithdrawal().forces("f1").command(),
                    fact("c1", "2020-06-01", USA, NER).completeWithdrawal().forces("f1").command());
            assertThat(history.state().steps().windingDownUnresolved()).isFalse();

            Facts.record(history, fact("d2", "2021-01-01", NER, USA).demandWithdrawal().forces("f2").command());

            assertThat(history.state().steps().windingDownUnresolved()).isTrue();
            assertThat(history.state().hasMilitaryTies()).isTrue();
        }

        @Test
        void suspendingAnEconomicAgreementIsNoWindingDownStep() {
            DyadHistory history = recorded(NER_USA,
                    fact("eco", "2012-01-01", NER, USA).signAgreement(AgreementKind.ECONOMIC).command(),
                    fact("sus", "2020-01-01", NER, USA).suspendAgreement("eco").command());

            assertThat(history.state().steps().lastWindingDownStep()).isEmpty();
            assertThat(history.state().steps().windingDownUnresolved()).isFalse();
        }
    }

    @Nested
    class Checkpoints {

        private void assertEveryCheckpointContinuesToTheSameState(Dyad dyad, List<FactCommand> story) {
            List<FactEvent> facts = recorded(dyad, story).facts();
            RelationshipState whole = Decider.stateOf(dyad, facts);

            IntStream.rangeClosed(0, facts.size()).forEach(split -> {
                RelationshipState checkpoint = Decider.stateOf(dyad, facts.subList(0, split));

                assertThat(Decider.continueFrom(checkpoint, facts.subList(split, facts.size())))
                        .as("continuing after %d facts", split)
                        .isEqualTo(whole);
            });
        }

        @Test
        void continuingTheNigerUsStoryFromAnyCheckpointGivesTheSameState() {
            assertEveryCheckpointContinuesToTheSameState(NER_USA, NigerStory.usa());
        }

        @Test
        void continuingTheNigerFranceStoryFromAnyCheckpointGivesTheSameState() {
            List<FactCommand> story = new ArrayList<>(NigerStory.france());
            story.add(fact("fra-amb-2025", "2025-06-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());
            story.add(fact("fra-att-2025", "2025-07-01", FRA, NER).appointAttache().rank("Colonel").command());
            story.add(fact("fra-new", "2026-01-01", NER, FRA).signAgreement(AgreementKind.MILITARY_ASSISTANCE).command());
            story.add(Facts.fact("fra-new-den", "2027-01-01", NER, FRA).denounceAgreement("fra-new").command());

            assertEveryCheckpointContinuesToTheSameState(FRA_NER, story);
        }
    }
}
