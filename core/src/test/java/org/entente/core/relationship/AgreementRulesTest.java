package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.NigerStory.USA_DENOUNCE;
import static org.entente.core.relationship.NigerStory.USA_SOFA;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.entente.core.relationship.RelationshipState.Agreement;
import org.entente.core.relationship.RelationshipState.AgreementStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgreementRulesTest {

    private static Agreement agreement(DyadHistory history, String signing) {
        return history.state().agreements().stream().filter(a -> a.signing().equals(id(signing))).findFirst().orElseThrow();
    }

    @Test
    void signingTheStatusOfForcesAgreementIsAcceptedAndPutsItInForce() {
        DyadHistory history = DyadHistory.empty(NER_USA);

        assertThat(Decider.decide(USA_SOFA, history)).isEqualTo(List.of(new FactEvent.AgreementSigned(USA_SOFA.fact(),
                AgreementKind.STATUS_OF_FORCES,
                Optional.of("agreement on the status of US military and civilian Defense personnel"))));
        record(history, USA_SOFA);
        assertThat(history.state().agreements()).containsExactly(new Agreement(id("usa-sofa-2012"),
                AgreementKind.STATUS_OF_FORCES, USA_SOFA.title(), date("2012-01-01"), AgreementStatus.IN_FORCE,
                date("2012-01-01")));
        assertThat(history.state().militaryAgreementsInForce()).hasSize(1);
    }

    @Test
    void signingAnAgreementWhileRelationsAreSeveredIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("s", "2010-01-01", NER, USA).severRelations().command());

        assertRejected(history, USA_SOFA, "relations are severed since 2010-01-01, so no agreement can be signed");
    }

    @Test
    void denouncingAnAgreementInForceIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_SOFA);

        assertThat(Decider.decide(USA_DENOUNCE, history))
                .isEqualTo(List.of(new FactEvent.AgreementDenounced(USA_DENOUNCE.fact(), id("usa-sofa-2012"))));
        record(history, USA_DENOUNCE);
        Agreement sofa = agreement(history, "usa-sofa-2012");
        assertThat(sofa.status()).isEqualTo(AgreementStatus.DENOUNCED);
        assertThat(sofa.statusSince()).isEqualTo(date("2024-03-16"));
        assertThat(sofa.signed()).isEqualTo(date("2012-01-01"));
        assertThat(history.state().militaryAgreementsInForce()).isEmpty();
    }

    @Test
    void denouncingAnAgreementTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, USA_DENOUNCE);

        assertRejected(history, fact("again", "2024-04-01", NER, USA).denounceAgreement("usa-sofa-2012").command(),
                "only an agreement in force or suspended can be denounced; usa-sofa-2012 was denounced on 2024-03-16");
    }

    @Test
    void suspendingAnAgreementInForceIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_SOFA);
        FactCommand.SuspendAgreement command = fact("sus", "2023-08-01", NER, USA).suspendAgreement("usa-sofa-2012").command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.AgreementSuspended(command.fact(), id("usa-sofa-2012"))));
        record(history, command);
        assertThat(agreement(history, "usa-sofa-2012").status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(history.state().hasMilitaryTies()).isFalse();
    }

    @Test
    void suspendingASuspendedAgreementIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, fact("sus", "2023-08-01", NER, USA).suspendAgreement("usa-sofa-2012").command());

        assertRejected(history, fact("sus2", "2023-09-01", NER, USA).suspendAgreement("usa-sofa-2012").command(),
                "only an agreement in force can be suspended; usa-sofa-2012 is SUSPENDED since 2023-08-01");
    }

    @Test
    void suspendingADenouncedAgreementIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, USA_DENOUNCE);

        assertRejected(history, fact("sus", "2024-04-01", NER, USA).suspendAgreement("usa-sofa-2012").command(),
                "only an agreement in force can be suspended; usa-sofa-2012 is DENOUNCED since 2024-03-16");
    }

    @Test
    void denouncingASuspendedAgreementIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, fact("sus", "2023-08-01", NER, USA).suspendAgreement("usa-sofa-2012").command());

        record(history, USA_DENOUNCE);

        assertThat(agreement(history, "usa-sofa-2012").status()).isEqualTo(AgreementStatus.DENOUNCED);
    }

    @Test
    void restoringASuspendedAgreementIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, fact("sus", "2023-08-01", NER, USA).suspendAgreement("usa-sofa-2012").command());
        FactCommand.RestoreAgreement command = fact("res", "2023-10-01", NER, USA).restoreAgreement("usa-sofa-2012").command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.AgreementRestored(command.fact(), id("usa-sofa-2012"))));
        record(history, command);
        Agreement sofa = agreement(history, "usa-sofa-2012");
        assertThat(sofa.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(sofa.statusSince()).isEqualTo(date("2023-10-01"));
        assertThat(history.state().hasMilitaryTies()).isTrue();
    }

    @Test
    void restoringADenouncedAgreementIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_SOFA, USA_DENOUNCE);

        record(history, fact("res", "2025-01-01", NER, USA).restoreAgreement("usa-sofa-2012").command());

        assertThat(agreement(history, "usa-sofa-2012").status()).isEqualTo(AgreementStatus.IN_FORCE);
    }

    @Test
    void restoringAnAgreementInForceIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_SOFA);

        assertRejected(history, fact("res", "2020-01-01", NER, USA).restoreAgreement("usa-sofa-2012").command(),
                "only a suspended or denounced agreement can be restored; usa-sofa-2012 is in force since 2012-01-01");
    }

    static Stream<Arguments> actionsOnAnAgreement() {
        return Stream.of(
                Arguments.of(fact("x", "2024-03-16", NER, USA).suspendAgreement("usa-sofa").command(), "suspended"),
                Arguments.of(fact("x", "2024-03-16", NER, USA).denounceAgreement("usa-sofa").command(), "denounced"),
                Arguments.of(fact("x", "2024-03-16", NER, USA).restoreAgreement("usa-sofa").command(), "restored"));
    }

    @ParameterizedTest
    @MethodSource("actionsOnAnAgreement")
    void actingOnAnAgreementNeverSignedIsRejectedListingTheSignedOnes(FactCommand command, String verb) {
        DyadHistory history = recorded(NER_USA, USA_SOFA);

        assertRejected(history, command, "no agreement signed by usa-sofa on or before 2024-03-16; an agreement is "
                + verb + " by naming its signing (signed: usa-sofa-2012)");
    }

    @Test
    void denouncingWhenNothingWasSignedSaysNone() {
        assertRejected(DyadHistory.empty(NER_USA), USA_DENOUNCE,
                "no agreement signed by usa-sofa-2012 on or before 2024-03-16; an agreement is denounced by naming its signing (signed: none)");
    }

    @Test
    void denouncingAnAgreementSignedOnlyLaterIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("usa-sofa-2012", "2025-01-01", NER, USA).signAgreement(AgreementKind.STATUS_OF_FORCES).command());

        assertRejected(history, USA_DENOUNCE, "no agreement signed by usa-sofa-2012 on or before 2024-03-16");
    }

    @Test
    void anEconomicAgreementIsNotAMilitaryTie() {
        DyadHistory history = recorded(NER_USA, fact("eco", "2015-01-01", NER, USA).signAgreement(AgreementKind.ECONOMIC).command());

        assertThat(history.state().agreementsInForce()).hasSize(1);
        assertThat(history.state().militaryAgreementsInForce()).isEmpty();
        assertThat(history.state().hasMilitaryTies()).isFalse();
        assertThat(history.state().steps().lastCooperativeStep()).isEmpty();
    }
}
