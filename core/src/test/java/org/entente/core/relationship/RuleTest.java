package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every {@link Rule} provoked once, with the typed fields of its {@link RuleViolationException}. */
class RuleTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Country FRA = Country.of("FRA");
    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final Set<Rule> PROVOKED = EnumSet.noneOf(Rule.class);

    private static FactHeader h(String id, String day, Actor actor, Actor target) {
        return new FactHeader(FactId.of(id), HappenedOn.day(LocalDate.parse(day)), actor, target,
                List.of(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)));
    }

    private static DyadHistory history(Dyad dyad, RelationshipCommand... commands) {
        DyadHistory h = DyadHistory.empty(dyad);
        for (RelationshipCommand c : commands) {
            Decider.decide(c, h).forEach(e -> Decider.evolve(h, e));
        }
        return h;
    }

    private static RuleViolationException rejected(RelationshipCommand command, DyadHistory history, Rule rule) {
        PROVOKED.add(rule);
        RuleViolationException[] caught = new RuleViolationException[1];
        assertThatThrownBy(() -> Decider.decide(command, history))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> caught[0] = e);
        assertThat(caught[0].rule()).as(caught[0].getMessage()).isEqualTo(rule);
        assertThat(caught[0].dyad()).isEqualTo(history.dyad());
        return caught[0];
    }

    private static final FactCommand SEVER = new FactCommand.SeverRelations(h("sever", "2020-01-01", NER, USA));
    private static final FactCommand SIGN = new FactCommand.SignAgreement(h("sofa", "2012-01-01", NER, USA),
            AgreementKind.STATUS_OF_FORCES, Optional.empty());
    private static final FactCommand STATION = new FactCommand.StationForces(h("forces", "2013-01-01", USA, NER),
            Optional.empty(), Optional.empty(), List.of("Air Base 101"), true);
    private static final FactCommand IMPOSE = new FactCommand.ImposeSanctions(h("sanctions", "2023-08-01", USA, NER), "aid cut");

    @Test
    void relationsRules() {
        RuleViolationException e = rejected(new FactCommand.EstablishRelations(h("est", "2021-01-01", NER, USA)),
                history(NER_USA, SEVER), Rule.RELATIONS_SEVERED);
        assertThat(e.day()).contains(LocalDate.of(2021, 1, 1));
        assertThat(e.fact()).isEqualTo(FactId.of("est"));
        assertThat(e.brokenFact()).isEmpty();
        rejected(new FactCommand.EstablishRelations(h("est-2", "2021-01-01", NER, USA)),
                history(NER_USA, new FactCommand.EstablishRelations(h("est-1", "1960-08-03", NER, USA))), Rule.RELATIONS_ALREADY_ESTABLISHED);
        rejected(new FactCommand.RestoreRelations(h("restore", "2021-01-01", NER, USA)), history(NER_USA),
                Rule.RELATIONS_NOT_SEVERED_OR_DOWNGRADED);
    }

    @Test
    void envoyRules() {
        rejected(new FactCommand.RecallEnvoy(h("recall", "2021-01-01", USA, NER), Optional.of(FactId.of("nobody")), EnvoyRole.AMBASSADOR),
                history(NER_USA), Rule.ENVOY_NOT_IN_POST);
    }

    @Test
    void agreementRules() {
        rejected(new FactCommand.SuspendAgreement(h("suspend", "2021-01-01", NER, USA), FactId.of("none")), history(NER_USA),
                Rule.AGREEMENT_NOT_SIGNED);
        FactCommand denounce = new FactCommand.DenounceAgreement(h("denounce", "2024-03-16", NER, USA), FactId.of("sofa"));
        rejected(new FactCommand.SuspendAgreement(h("suspend", "2024-04-01", NER, USA), FactId.of("sofa")),
                history(NER_USA, SIGN, denounce), Rule.AGREEMENT_NOT_IN_FORCE);
        rejected(new FactCommand.DenounceAgreement(h("denounce-2", "2024-04-01", NER, USA), FactId.of("sofa")),
                history(NER_USA, SIGN, denounce), Rule.AGREEMENT_ENDED);
        rejected(new FactCommand.RestoreAgreement(h("restore", "2024-04-01", NER, USA), FactId.of("sofa")),
                history(NER_USA, SIGN), Rule.AGREEMENT_NOT_SUSPENDED_OR_DENOUNCED);
    }

    @Test
    void forcesRules() {
        rejected(new FactCommand.ScheduleWithdrawal(h("schedule", "2024-04-19", USA, NER), Optional.empty(), List.of()),
                history(NER_USA), Rule.FORCES_NOT_PRESENT);
        rejected(new FactCommand.ScheduleWithdrawal(h("schedule", "2024-04-19", USA, NER), Optional.empty(), List.of(FactId.of("ghost"))),
                history(NER_USA, STATION), Rule.FORCES_NOT_STATIONED);
        rejected(new FactCommand.DemandWithdrawal(h("demand", "2024-03-16", USA, NER), List.of(FactId.of("forces"))),
                history(NER_USA, STATION), Rule.FORCES_OF_ANOTHER_OWNER);
        rejected(new FactCommand.ScheduleWithdrawal(h("schedule", "2024-04-19", USA, NER), Optional.of(LocalDate.of(2024, 4, 1)), List.of()),
                history(NER_USA, STATION), Rule.DEADLINE_BEFORE_SCHEDULING);
        rejected(new FactCommand.HandOverBase(h("handover", "2024-07-07", USA, NER), FactId.of("forces"), "Air Base 201"),
                history(NER_USA, STATION), Rule.BASE_NOT_OF_FORCES);
        FactCommand handover = new FactCommand.HandOverBase(h("handover", "2024-07-07", USA, NER), FactId.of("forces"), "Air Base 101");
        rejected(new FactCommand.HandOverBase(h("handover-2", "2024-07-08", USA, NER), FactId.of("forces"), "Air Base 101"),
                history(NER_USA, STATION, handover), Rule.BASE_ALREADY_HANDED_OVER);
        rejected(new FactCommand.CompleteWithdrawal(h("complete", "2024-08-05", USA, NER), List.of()),
                history(NER_USA, STATION), Rule.WITHDRAWAL_NOT_SCHEDULED);
    }

    @Test
    void sanctionsRules() {
        rejected(new FactCommand.LiftSanctions(h("lift", "2024-01-01", USA, NER), FactId.of("none")), history(NER_USA),
                Rule.SANCTIONS_NOT_IMPOSED);
        rejected(new FactCommand.LiftSanctions(h("lift", "2024-01-01", NER, USA), FactId.of("sanctions")),
                history(NER_USA, IMPOSE), Rule.SANCTIONS_OF_ANOTHER_IMPOSER);
        FactCommand lift = new FactCommand.LiftSanctions(h("lift", "2024-01-01", USA, NER), FactId.of("sanctions"));
        rejected(new FactCommand.LiftSanctions(h("lift-2", "2024-02-01", USA, NER), FactId.of("sanctions")),
                history(NER_USA, IMPOSE, lift), Rule.SANCTIONS_ALREADY_LIFTED);
    }

    @Test
    void membershipRules() {
        Organisation ecowas = Organisation.of("ECOWAS");
        Dyad nerEcowas = Dyad.of(NER, ecowas);
        FactCommand join = new FactCommand.Join(h("join", "1975-05-28", NER, ecowas));
        FactCommand suspend = new FactCommand.SuspendMembership(h("suspend", "2023-07-30", ecowas, NER), Optional.empty());
        FactCommand announce = new FactCommand.AnnounceWithdrawal(h("announce", "2024-01-28", NER, ecowas), LocalDate.of(2025, 1, 29));
        rejected(new FactCommand.Join(h("join", "1975-05-28", NER, USA)), history(NER_USA), Rule.MEMBERSHIP_NEEDS_COUNTRY_AND_ORGANISATION);
        rejected(new FactCommand.Join(h("join", "1975-05-28", ecowas, NER)), history(nerEcowas), Rule.MEMBERSHIP_BY_THE_WRONG_SIDE);
        rejected(new FactCommand.Join(h("join-2", "2000-01-01", NER, ecowas)), history(nerEcowas, join), Rule.ALREADY_A_MEMBER);
        rejected(suspend, history(nerEcowas), Rule.NOT_A_MEMBER);
        rejected(new FactCommand.SuspendMembership(h("suspend-2", "2023-08-01", ecowas, NER), Optional.empty()),
                history(nerEcowas, join, suspend), Rule.MEMBERSHIP_ALREADY_SUSPENDED);
        rejected(new FactCommand.ReinstateMembership(h("reinstate", "2024-02-24", ecowas, NER)), history(nerEcowas, join),
                Rule.MEMBERSHIP_NOT_SUSPENDED);
        rejected(new FactCommand.AnnounceWithdrawal(h("announce-2", "2024-06-01", NER, ecowas), LocalDate.of(2024, 7, 1)),
                history(nerEcowas, join, announce), Rule.WITHDRAWAL_ALREADY_ANNOUNCED);
        rejected(new FactCommand.AnnounceWithdrawal(h("announce", "2024-01-28", NER, ecowas), LocalDate.of(2024, 1, 27)),
                history(nerEcowas, join), Rule.EFFECTIVE_BEFORE_ANNOUNCEMENT);
    }

    @Test
    void aRetractionThatBreaksALaterFactCarriesThatFactsRuleAndId() {
        FactCommand schedule = new FactCommand.ScheduleWithdrawal(h("schedule", "2024-04-19", USA, NER), Optional.empty(), List.of());
        FactCommand complete = new FactCommand.CompleteWithdrawal(h("complete", "2024-08-05", USA, NER), List.of());
        RuleViolationException e = rejected(new RelationshipCommand.RetractFacts(List.of(FactId.of("schedule")), "rumour"),
                history(NER_USA, STATION, schedule, complete), Rule.WITHDRAWAL_NOT_SCHEDULED);
        assertThat(e.fact()).isEqualTo(FactId.of("schedule"));
        assertThat(e.brokenFact()).contains(FactId.of("complete"));
        assertThat(e.day()).isEmpty();
    }

    @Test
    void aCorrectionMovingItsFactToAnotherDyadIsRefused() {
        FactCommand talks = new FactCommand.HoldTalks(h("talks", "2024-01-01", NER, USA), Optional.empty());
        FactCommand elsewhere = new FactCommand.HoldTalks(h("talks", "2024-01-01", NER, FRA), Optional.empty());
        rejected(new RelationshipCommand.CorrectFact(elsewhere, "wrong partner"), history(NER_USA, talks), Rule.CORRECTION_CHANGES_DYAD);
    }

    @Test
    void aCorrectionChangingItsFactsKindIsRefused() {
        FactCommand talks = new FactCommand.HoldTalks(h("talks", "2024-01-01", NER, USA), Optional.empty());
        FactCommand pledge = new FactCommand.PledgeCooperation(h("talks", "2024-01-01", NER, USA), List.of(CooperationDomain.values()[0]));
        RuleViolationException e = rejected(new RelationshipCommand.CorrectFact(pledge, "it was a pledge"), history(NER_USA, talks),
                Rule.CORRECTION_CHANGES_KIND);
        assertThat(e.fact()).isEqualTo(FactId.of("talks"));
        assertThat(e.dyad()).isEqualTo(NER_USA);
    }

    @Test
    void aReplayOfAFactOfAnotherDyadIsRefusedWithItsRule() {
        FactEvent other = new FactCommand.HoldTalks(h("talks", "2024-01-01", NER, FRA), Optional.empty()).toEvent();
        PROVOKED.add(Rule.FACT_OF_ANOTHER_DYAD);
        assertThatThrownBy(() -> Decider.replay(NER_USA, List.of(other), e -> true))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.FACT_OF_ANOTHER_DYAD));
    }

    @AfterAll
    static void everyRuleWasProvoked() {
        assertThat(PROVOKED).as("rules provoked by this class").isEqualTo(EnumSet.allOf(Rule.class));
    }
}
