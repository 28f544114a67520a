package org.entente.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.MoreFacts.day;
import static org.entente.testsupport.Facts.*;

import java.util.List;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sanctions and agreements that are not military in what changed between two dates. */
class DyadChangesTest {

    private static final Dyad NER_FRA = Dyad.of(NER, FRA);

    private Entente entente;

    @BeforeEach
    void record() {
        entente = Entente.inMemory();
        entente.recordAll(List.of(
                sign("trade", "2020-01-01", NER, FRA, AgreementKind.ECONOMIC),
                new FactCommand.ImposeSanctions(header("fra-sanctions", "2023-08-05", FRA, NER), "budget support suspended"),
                new FactCommand.LiftSanctions(header("fra-lifts", "2024-06-01", FRA, NER), FactId.of("fra-sanctions"))));
    }

    @AfterEach
    void close() {
        entente.close();
    }

    @Test
    void sanctionsImposedAndLiftedBetweenTwoDatesAreListed() {
        DyadChanges imposed = entente.changes(NER_FRA, day("2023-08-04"), day("2023-08-05"));
        DyadChanges lifted = entente.changes(NER_FRA, day("2023-08-05"), day("2024-06-01"));

        assertThat(imposed.sanctionsImposed()).containsExactly(FactId.of("fra-sanctions"));
        assertThat(imposed.sanctionsLifted()).isEmpty();
        assertThat(imposed.isEmpty()).isFalse();
        assertThat(lifted.sanctionsLifted()).containsExactly(FactId.of("fra-sanctions"));
        assertThat(lifted.sanctionsImposed()).isEmpty();
    }

    @Test
    void sanctionsImposedAndLiftedInsideThePeriodLeaveNoChange() {
        DyadChanges around = entente.changes(NER_FRA, day("2023-01-01"), day("2024-12-31"));

        assertThat(around.sanctionsImposed()).isEmpty();
        assertThat(around.sanctionsLifted()).isEmpty();
        assertThat(around.statusBefore()).isEqualTo(Status.ACTIVE).isEqualTo(around.statusAfter());
        assertThat(around.isEmpty()).isTrue();
    }

    @Test
    void anAgreementThatIsNotMilitaryIsGainedWithoutStrengthening() {
        DyadChanges signed = entente.changes(NER_FRA, day("2019-12-31"), day("2020-01-01"));

        assertThat(signed.agreementsGained()).containsExactly(FactId.of("trade"));
        assertThat(signed.statusBefore()).isEqualTo(Status.NONE);
        assertThat(signed.statusAfter()).isEqualTo(Status.ACTIVE);
    }
}
