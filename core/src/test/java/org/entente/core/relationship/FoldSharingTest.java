package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.recorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.relationship.RelationshipState.Agreement;
import org.entente.core.relationship.RelationshipState.AgreementStatus;
import org.entente.core.relationship.RelationshipState.Relations;
import org.entente.core.relationship.RelationshipState.RelationsStatus;
import org.entente.core.relationship.RelationshipState.Steps;
import org.junit.jupiter.api.Test;

/**
 * A fold continued from a state shares the state's lists until it writes (see {@code Fold.Part}):
 * the state it came from must never change, and the result must be what a fold from the start gives.
 */
class FoldSharingTest {

    /** Every kind of fact, touching envoys, agreements, forces and sanctions, with ties made and ended. */
    private static final List<FactEvent> MIXED = recorded(NER_USA, List.of(
            fact("rel", "2000-01-01", NER, USA).establishRelations().command(),
            fact("amb1", "2000-02-01", USA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
            fact("t1", "2000-03-01", NER, USA).holdTalks().command(),
            fact("eco", "2001-01-01", NER, USA).signAgreement(AgreementKind.ECONOMIC).command(),
            fact("sofa", "2002-01-01", NER, USA).signAgreement(AgreementKind.STATUS_OF_FORCES).command(),
            fact("att1", "2002-02-01", USA, NER).appointAttache().rank("Colonel").command(),
            fact("f1", "2003-01-01", USA, NER).stationForces().bases("base-a", "base-b").invited().command(),
            fact("p1", "2003-06-01", NER, USA).pledgeCooperation(CooperationDomain.SECURITY).command(),
            fact("s1", "2004-01-01", USA, NER).imposeSanctions("arms embargo").command(),
            fact("t2", "2004-02-01", USA, NER).holdTalks().command(),
            fact("sus", "2005-01-01", NER, USA).suspendAgreement("sofa").command(),
            fact("d1", "2005-02-01", NER, USA).demandWithdrawal().forces("f1").command(),
            fact("sch", "2005-03-01", USA, NER).scheduleWithdrawal().deadline(2005, 12, 31).forces("f1").command(),
            fact("ho", "2005-06-01", USA, NER).handOverBase("f1", "base-a").command(),
            fact("c1", "2005-09-01", USA, NER).completeWithdrawal().forces("f1").command(),
            fact("p2", "2005-10-01", NER, USA).pledgeCooperation(CooperationDomain.ECONOMIC).command(),
            fact("l1", "2006-01-01", USA, NER).liftSanctions("s1").command(),
            fact("ra", "2006-06-01", NER, USA).restoreAgreement("sofa").command(),
            fact("den", "2007-01-01", NER, USA).denounceAgreement("sofa").command(),
            fact("rc", "2007-02-01", USA, NER).recallEnvoy(EnvoyRole.DEFENCE_ATTACHE).appointment("att1").command(),
            fact("s2", "2008-01-01", NER, USA).imposeSanctions("arms embargo").command(),
            fact("dg", "2008-02-01", NER, USA).downgradeRelations().command(),
            fact("sv", "2009-01-01", NER, USA).severRelations().command(),
            fact("t3", "2009-06-01", NER, USA).holdTalks().command(),
            fact("rr", "2010-01-01", NER, USA).restoreRelations().command(),
            fact("amb2", "2010-02-01", USA, NER).accreditAmbassador().level(MissionLevel.CHARGE_D_AFFAIRES).command(),
            fact("ex", "2010-06-01", NER, USA).expelEnvoy(EnvoyRole.CHARGE_D_AFFAIRES).appointment("amb2").command(),
            fact("f2", "2011-01-01", USA, NER).stationForces().invited().command(),
            fact("mil", "2011-02-01", NER, USA).signAgreement(AgreementKind.DEFENCE_COOPERATION).command(),
            fact("t4", "2011-03-01", NER, USA).holdTalks().command())).facts();

    @Test
    void theMixedHistoryIsAcceptedWhole() {
        RelationshipState whole = Decider.stateOf(NER_USA, MIXED);

        assertThat(whole.factCount()).isEqualTo(MIXED.size());
        assertThat(whole.steps().hadMilitaryTies()).isTrue();
        assertThat(whole.sanctions()).hasSize(2);
    }

    @Test
    void continuingFromAnyCheckpointLeavesTheCheckpointAsItWasAndGivesTheWholeFold() {
        RelationshipState whole = Decider.stateOf(NER_USA, MIXED);
        for (int split = 0; split <= MIXED.size(); split++) {
            RelationshipState checkpoint = Decider.stateOf(NER_USA, MIXED.subList(0, split));
            RelationshipState before = copyOf(checkpoint);

            RelationshipState continued = Decider.continueFrom(checkpoint, MIXED.subList(split, MIXED.size()));

            assertThat(continued).as("continuing after %d facts", split).isEqualTo(whole);
            assertThat(checkpoint).as("the checkpoint after %d facts", split).isEqualTo(before);
        }
    }

    @Test
    void chainedCheckpointsAsAProjectionKeepsThemGiveTheWholeFoldAndStayAsTheyWere() {
        for (int every = 1; every <= 5; every++) {
            List<RelationshipState> checkpoints = new ArrayList<>();
            List<RelationshipState> copies = new ArrayList<>();
            RelationshipState state = RelationshipState.empty(NER_USA);
            for (int from = 0; from < MIXED.size(); from += every) {
                checkpoints.add(state);
                copies.add(copyOf(state));
                state = Decider.continueFrom(state, MIXED.subList(from, Math.min(MIXED.size(), from + every)));
            }

            assertThat(state).as("every %d facts", every).isEqualTo(Decider.stateOf(NER_USA, MIXED));
            for (int c = 0; c < checkpoints.size(); c++) {
                assertThat(checkpoints.get(c)).as("checkpoint %d of every %d", c, every)
                        .isEqualTo(copies.get(c))
                        .isEqualTo(Decider.stateOf(NER_USA, MIXED.subList(0, c * every)));
            }
        }
    }

    @Test
    void writingAfterAnUnchangedSnapshotDoesNotChangeTheSnapshot() {
        Fold fold = new Fold(NER_USA);
        MIXED.subList(0, 10).forEach(fold::apply);
        RelationshipState first = fold.snapshot();
        RelationshipState expected = copyOf(first);

        // A snapshot with no write in between hands on the same lists ...
        assertThat(fold.snapshot().agreements()).isSameAs(first.agreements());
        // ... which later writes of the same fold must not reach.
        MIXED.subList(10, MIXED.size()).forEach(fold::apply);

        assertThat(first).isEqualTo(expected);
        assertThat(fold.snapshot()).isEqualTo(Decider.stateOf(NER_USA, MIXED));
    }

    @Test
    void aCopyAndItsOriginalWriteIndependently() {
        Fold original = new Fold(NER_USA);
        MIXED.subList(0, 9).forEach(original::apply);
        Fold copy = original.copy();

        MIXED.subList(9, MIXED.size()).forEach(copy::apply);

        assertThat(original.snapshot()).isEqualTo(Decider.stateOf(NER_USA, MIXED.subList(0, 9)));
        assertThat(copy.snapshot()).isEqualTo(Decider.stateOf(NER_USA, MIXED));
    }

    @Test
    void factsThatTouchNoListShareTheCheckpointsLists() {
        RelationshipState checkpoint = Decider.stateOf(NER_USA, MIXED.subList(0, 9));
        FactEvent contact = recorded(NER_USA, fact("t-late", "2004-01-15", NER, USA).holdTalks().command()).facts().get(0);

        RelationshipState continued = Decider.continueFrom(checkpoint, List.of(contact));

        assertThat(continued.agreements()).isSameAs(checkpoint.agreements());
        assertThat(continued.forces()).isSameAs(checkpoint.forces());
        assertThat(continued.sanctions()).isSameAs(checkpoint.sanctions());
        assertThat(continued.envoys()).isSameAs(checkpoint.envoys());
        assertThat(continued.lastContact()).map(RelationshipState.FactRef::id).contains(id("t-late"));
    }

    @Test
    void aStateMadeByHandWithTiesItNeverHadGainsThemOnTheNextFactAsBefore() {
        Agreement sofa = new Agreement(id("sofa"), AgreementKind.STATUS_OF_FORCES, Optional.empty(), date("2002-01-01"),
                AgreementStatus.IN_FORCE, date("2002-01-01"));
        RelationshipState byHand = new RelationshipState(NER_USA,
                new Relations(RelationsStatus.PRESUMED, Optional.empty()), List.of(), List.of(sofa), List.of(), List.of(),
                new Steps(Optional.empty(), Optional.empty(), true, false, false, false, Optional.empty()),
                Optional.empty(), Optional.empty(), 1);
        FactEvent contact = recorded(NER_USA, fact("t", "2003-01-01", NER, USA).holdTalks().command()).facts().get(0);

        RelationshipState continued = Decider.continueFrom(byHand, List.of(contact));

        assertThat(continued.steps().hadMilitaryTies()).isTrue();
        assertThat(continued.agreements()).containsExactly(sofa);
    }

    /** A deep enough copy: new lists of the same immutable records. */
    private static RelationshipState copyOf(RelationshipState s) {
        return new RelationshipState(s.dyad(), s.relations(), new ArrayList<>(s.envoys()),
                new ArrayList<>(s.agreements()), new ArrayList<>(s.forces()), new ArrayList<>(s.sanctions()),
                s.steps(), s.lastContact(), s.lastFact(), s.factCount());
    }
}
