package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.MoreFacts.day;
import static org.entente.testsupport.Facts.*;

import java.time.Duration;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.relationship.CooperationDomain;
import org.entente.partnership.Status;
import org.junit.jupiter.api.Test;

/** The builder's window and the arguments it rejects, each named in the message. */
class EntenteBuilderTest {

    @Test
    void aWindowOfZeroDaysIsRejected() {
        assertThatThrownBy(() -> Entente.builder().windowDays(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 3650").hasMessageContaining("0");
    }

    @Test
    void anH2DirectoryHoldingASemicolonOrAControlCharacterIsRejectedAtOnce() {
        java.nio.file.Path hostile = java.nio.file.Path.of("/tmp/data;INIT=CREATE TABLE PWNED(x int)--");
        assertThatThrownBy(() -> Entente.builder().h2(hostile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + hostile + "' holds a ';'");
        assertThatThrownBy(() -> Entente.builder().h2(java.nio.file.Path.of("/tmp/bell\u0007")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/tmp/bell\\u0007' holds the control character U+0007");
    }

    @Test
    void anInMemoryStoreHasNoStoredProjectionsToRebuild() {
        assertThatThrownBy(() -> Entente.builder().inMemory().rebuildStoredProjections(org.entente.core.store.BatchProgress.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in-memory").hasMessageContaining("rebuildProjections()");
    }

    @Test
    void aWindowOfMoreThanTenYearsIsRejected() {
        assertThatThrownBy(() -> Entente.builder().windowDays(3651))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3651");
    }

    @Test
    void theLongestWindowKeepsAStepStrengtheningForTenYears() {
        try (Entente entente = Entente.builder().inMemory().windowDays(3650).build()) {
            entente.recordAll(List.of(pledge("pledge", "2010-01-01", CHN, NER, CooperationDomain.SECURITY)));

            assertThat(entente.partnership(Dyad.of(CHN, NER), When.asOf(day("2010-01-01").plusDays(3649))).status())
                    .isEqualTo(Status.STRENGTHENING);
            assertThat(entente.partnership(Dyad.of(CHN, NER), When.asOf(day("2010-01-01").plusDays(3650))).status())
                    .isEqualTo(Status.ACTIVE);
        }
    }

    @Test
    void aReadTimeoutThatIsNotPositiveIsRejected() {
        assertThatThrownBy(() -> Entente.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Entente.builder().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void processorBatchSizesAndSegmentsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> Entente.builder().processorBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entente.builder().processorBatchSize(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entente.builder().segments(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entente.builder().segments(65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInMemoryEntenteCannotPauseItsProjections() {
        try (Entente entente = Entente.inMemory()) {
            assertThatThrownBy(entente::pauseProcessing).isInstanceOf(IllegalStateException.class);
            assertThat(entente.processingStatus().behind()).isZero();
        }
    }
}
