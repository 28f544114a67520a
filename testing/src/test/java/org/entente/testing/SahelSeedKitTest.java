package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.core.relationship.RelationshipState.MembershipStatus.FORMER;
import static org.entente.core.relationship.RelationshipState.MembershipStatus.MEMBER;
import static org.entente.core.relationship.RelationshipState.MembershipStatus.SUSPENDED;
import static org.entente.core.relationship.RelationshipState.MembershipStatus.WITHDRAWING;
import static org.entente.testing.EntenteAssertions.assertThat;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.partnership.Status;
import org.junit.jupiter.api.Test;

/** The sahel seed's answers through the test kit (issue 15): both bundled seeds preloaded by @EntenteTest. */
@EntenteTest(seeds = {"niger-2024", "sahel-2023-2025"})
class SahelSeedKitTest {

    private static When on(String day) {
        return When.asOf(LocalDate.parse(day));
    }

    @Test
    void nigersMembershipOfEcowasAndTheEuPairsStatusReadThroughTheKit(Entente entente) {
        Dyad nerEcowas = Dyad.parse("NER-ECOWAS");
        assertThat(entente.partnership(nerEcowas, on("2023-06-01"))).hasMembership(MEMBER);
        assertThat(entente.partnership(nerEcowas, on("2024-01-01"))).hasMembership(SUSPENDED);
        assertThat(entente.partnership(nerEcowas, on("2024-08-01"))).hasMembership(WITHDRAWING);
        assertThat(entente.partnership(nerEcowas, on("2025-02-01"))).hasMembership(FORMER);
        Dyad nerEu = Dyad.parse("NER-EU");
        assertThat(entente.partnership(nerEu, on("2023-12-03"))).hasStatus(Status.ACTIVE).hasForcesOf(Organisation.of("EU"));
        assertThat(entente.partnership(nerEu, on("2023-12-04"))).hasStatus(Status.WINDING_DOWN);
        assertThat(entente.partnership(nerEu, on("2024-03-17"))).hasStatus(Status.ENDED).hasNoForcesOf(Organisation.of("EU"));
    }

    @Test
    void aWrongMembershipFailsNamingWhatItIs(Entente entente) {
        assertThatThrownBy(() -> assertThat(entente.partnership(Dyad.parse("NER-ECOWAS"), on("2024-08-01"))).hasMembership(MEMBER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have membership MEMBER")
                .hasMessageContaining("it is WITHDRAWING (joined 1975-05-28, suspended since 2023-12-10, leaving on 2025-01-29)");
    }
}
