package org.entente.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.fact;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.core.CameoCode;
import org.entente.core.Organisation;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipState;
import org.junit.jupiter.api.Test;

/** The temperature weights of {@link Definitions}: one for every kind, membership's as documented. */
class WeightsTest {

    private static final Organisation ECOWAS = Organisation.of("ECOWAS");

    /** One fact of every kind (the rules are not applied: weights are per kind). */
    private static List<FactEvent> everyKind() {
        return List.of(
                fact("a1", "2000-01-01", NER, USA).establishRelations().command(),
                fact("a2", "2000-01-01", NER, USA).restoreRelations().command(),
                fact("a3", "2000-01-01", NER, USA).downgradeRelations().command(),
                fact("a4", "2000-01-01", NER, USA).severRelations().command(),
                fact("a5", "2000-01-01", NER, USA).accreditAmbassador().command(),
                fact("a6", "2000-01-01", NER, USA).appointAttache().command(),
                fact("a7", "2000-01-01", NER, USA).recallEnvoy(EnvoyRole.AMBASSADOR).command(),
                fact("a8", "2000-01-01", NER, USA).expelEnvoy(EnvoyRole.AMBASSADOR).command(),
                fact("a9", "2000-01-01", NER, USA).signAgreement(AgreementKind.ECONOMIC).command(),
                fact("a10", "2000-01-01", NER, USA).suspendAgreement("a9").command(),
                fact("a11", "2000-01-01", NER, USA).denounceAgreement("a9").command(),
                fact("a12", "2000-01-01", NER, USA).restoreAgreement("a9").command(),
                fact("a13", "2000-01-01", USA, NER).stationForces().invited().command(),
                fact("a14", "2000-01-01", NER, USA).demandWithdrawal().command(),
                fact("a15", "2000-01-01", USA, NER).scheduleWithdrawal().command(),
                fact("a16", "2000-01-01", USA, NER).handOverBase("a13", "Air Base 101").command(),
                fact("a17", "2000-01-01", USA, NER).completeWithdrawal().command(),
                fact("a18", "2000-01-01", USA, NER).pledgeCooperation(CooperationDomain.SECURITY).command(),
                fact("a19", "2000-01-01", USA, NER).holdTalks().command(),
                fact("a20", "2000-01-01", USA, NER).imposeSanctions("an embargo").command(),
                fact("a21", "2000-01-01", USA, NER).liftSanctions("a20").command(),
                fact("a22", "2000-01-01", USA, NER).recordInteraction(CameoCode.of("042"), "a visit").command(),
                fact("a23", "2000-01-01", NER, ECOWAS).join().command(),
                fact("a24", "2000-01-01", ECOWAS, NER).suspendMembership().command(),
                fact("a25", "2000-01-01", ECOWAS, NER).reinstateMembership().command(),
                fact("a26", "2000-01-01", NER, ECOWAS).announceWithdrawal(LocalDate.of(2001, 1, 1)).command(),
                fact("a27", "2000-01-01", NER, ECOWAS).withdraw().command())
                .stream().map(FactCommand::toEvent).toList();
    }

    @Test
    void everyKindHasAWeight() {
        Set<FactKind> kinds = everyKind().stream().map(FactEvent::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(FactKind.class)));

        assertThat(kinds).containsExactlyInAnyOrder(FactKind.values());
        assertThat(everyKind()).allSatisfy(e -> assertThat(Definitions.weight(e)).as(e.kind().label()).isBetween(-10.0, 10.0));
    }

    @Test
    void joiningAndReinstatementWarmAsEstablishingRelationsAndTheExitsCool() {
        assertThat(everyKind().stream().filter(e -> e.fact().dyad().involvesOrganisation()).map(Definitions::weight).toList())
                .containsExactly(6.0, -4.0, 6.0, -4.0, -4.0);
        assertThat(Definitions.weight(everyKind().get(0))).isEqualTo(6.0);
    }

    @Test
    void membershipFactsAreNeitherCooperativeNorWindingDownSteps() {
        DyadHistory history = DyadHistory.empty(org.entente.core.Dyad.of(NER, ECOWAS));
        List<FactEvent> membership = everyKind().stream().filter(e -> e.fact().dyad().involvesOrganisation())
                .filter(e -> Arrays.asList(FactKind.JOIN, FactKind.SUSPEND_MEMBERSHIP).contains(e.kind())).toList();
        membership.forEach(e -> org.entente.core.relationship.Decider.evolve(history, e));
        RelationshipState state = history.state();

        assertThat(state.membershipStatus(LocalDate.of(2000, 6, 1))).isEqualTo(RelationshipState.MembershipStatus.SUSPENDED);
        assertThat(Definitions.status(state, LocalDate.of(2000, 6, 1), Definitions.WINDOW_DAYS)).isEqualTo(Status.ACTIVE);
    }
}
