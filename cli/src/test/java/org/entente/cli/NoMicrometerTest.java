package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.relationship.Fact;
import org.entente.partnership.Status;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of {@code entente}: an application that passes no registry, such as the
 * command line, runs without it. This module has no Micrometer (see {@code mvn dependency:tree}), so an Entente that
 * builds, records and reads here proves that no Micrometer class is loaded on the way.
 */
class NoMicrometerTest {

    @Test
    void anEntenteBuildsRecordsAndReadsWithoutMicrometerOnTheClassPath() {
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> Class.forName("org.axonframework.micrometer.MessageCountingMonitor"));

        Country ner = Country.of("NER");
        Country usa = Country.of("USA");
        try (Entente entente = Entente.builder().inMemory().build()) {
            entente.record(Fact.id("usa-talks").on(2024, 3, 12).by(usa).towards(ner).background().holdTalks());
            entente.recordAll(java.util.List.of(Fact.id("usa-talks-2").on(2024, 3, 20).by(usa).towards(ner).background()
                    .holdTalks().command()));
            assertThat(entente.partnership(Dyad.of(ner, usa), When.asOf(LocalDate.of(2024, 4, 1))).status())
                    .isNotEqualTo(Status.NONE);
            assertThat(entente.portfolio(ner, When.asOf(LocalDate.of(2024, 4, 1))).partners()).hasSize(1);
        }
    }
}
