package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.relationship.Fact;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Entente.registerOrganisation}: an organisation of the user's own, kept in the store, named in
 * facts, known again when the store opens. The JVM's table of organisations outlives each test, so
 * every test registers acronyms of its own ({@code ZZE...}).
 */
class RegisteredOrganisationTest {

    private static final Country NER = Country.of("NER");

    @TempDir
    Path temp;

    @Test
    void anInMemoryEntenteRegistersAnOrganisationThatFactsCanName() {
        try (Entente entente = Entente.inMemory()) {
            Organisation lga = entente.registerOrganisation("ZZEA", "Liptako-Gourma Authority (test)", "IGOZZE");
            entente.record(Fact.id("zzea-talks").on(2024, 3, 5).by(NER).towards(lga).background().holdTalks());
            assertThat(entente.timeline(Dyad.of(NER, lga), TimelineFilter.all()))
                    .singleElement().satisfies(e -> assertThat(e.fact().id().value()).isEqualTo("zzea-talks"));
            assertThat(entente.organisations()).containsExactly(lga);
            assertThat(entente.registerOrganisation("zzea", "Liptako-Gourma Authority (test)", "IGOZZE")).isSameAs(lga);
            assertThatIllegalArgumentException().isThrownBy(() -> entente.registerOrganisation("ZZEA", "Another name (test)"))
                    .withMessage("ZZEA is already registered in EntenteStore[memory] as 'Liptako-Gourma Authority (test)' (CAMEO IGOZZE);"
                            + " it cannot be registered again as 'Another name (test)'");
        }
    }

    @Test
    void aRegistrationKeptInAnH2StoreIsListedWhenItOpensAgain() {
        Path dir = temp.resolve("store");
        try (Entente entente = Entente.h2(dir)) {
            Organisation own = entente.registerOrganisation("ZZEB", "Kept in the store (test)");
            entente.record(Fact.id("zzeb-talks").on(2024, 3, 5).by(NER).towards(own).background().holdTalks());
        }
        try (Entente reopened = Entente.h2(dir)) {
            reopened.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(reopened.organisations()).extracting(Organisation::code).containsExactly("ORG:ZZEB");
            assertThat(reopened.timeline(Dyad.of(NER, Organisation.of("ZZEB")), TimelineFilter.all())).hasSize(1);
        }
    }
}
