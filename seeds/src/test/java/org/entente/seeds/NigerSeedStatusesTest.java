package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled seed reproduces docs/DOMAIN.md's expected statuses and figures through the API. */
class NigerSeedStatusesTest {

    private static final Country NER = Country.of("NER");
    private static Entente entente;

    @BeforeAll
    static void load() {
        entente = Entente.inMemory();
        entente.recordAll(Seeds.bundled("niger-2024").commands());
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static Status status(String partner, String date) {
        return entente.partnership(Dyad.of(NER, Country.of(partner)), When.asOf(LocalDate.parse(date))).status();
    }

    @Test
    void theStatusesOfDomainMdOnEachDate() {
        assertThat(Map.of("USA", status("USA", "2023-06-01"), "FRA", status("FRA", "2023-06-01")))
                .containsEntry("USA", Status.ACTIVE).containsEntry("FRA", Status.ACTIVE);
        assertThat(status("USA", "2024-04-30")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status("FRA", "2024-04-30")).isEqualTo(Status.ENDED);
        assertThat(status("CHN", "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status("TUR", "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status("RUS", "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status("USA", "2024-10-01")).isEqualTo(Status.ENDED);
    }

    @Test
    void nigersSecurityPartnersOnThirtyAprilAreThoseOfDomainMd() {
        Portfolio p = entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30)));
        assertThat(p.securityPartners()).extracting(s -> s.partner().code() + ":" + s.weight())
                .containsExactlyInAnyOrder("USA:1", "CHN:1", "TUR:2", "RUS:1");
        assertThat(p.mix().orElseThrow().concentration()).isCloseTo(0.28, within(1e-9));
        assertThat(p.mix().orElseThrow().effectiveNumberOfPartners()).isCloseTo(3.57, within(0.005));
    }

    @Test
    void reloadingTheSeedAddsNothing() {
        assertThat(entente.recordAll(Seeds.bundled("niger-2024").commands()).events()).isZero();
    }
}
