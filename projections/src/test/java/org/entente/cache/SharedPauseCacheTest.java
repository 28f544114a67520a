package org.entente.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.time.Duration;
import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;

/** "reads see what was processed before the pause" (Entente.pauseProcessing) on PostgreSQL. */
class SharedPauseCacheTest {

    private static final When NOW = When.asOf(LocalDate.of(2030, 1, 1));

    @Test
    void whilePausedACachedAndAnUncachedDyadBothAnswerAsBeforeThePause() {
        try (Postgres pg = Postgres.freshSchema("review_pause")) {
            try (Entente entente = Entente.postgres(pg.dataSource())) {
                entente.record(talks("usa-1", "2024-01-10", NER, USA));
                entente.record(talks("tur-1", "2024-01-10", NER, TUR));
                entente.awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(entente.partnership(Dyad.of(NER, USA), NOW).facts()).isEqualTo(1); // cached now

                entente.pauseProcessing();
                entente.record(talks("usa-2", "2024-02-10", NER, USA));
                entente.record(talks("tur-2", "2024-02-10", NER, TUR));

                int usa = entente.partnership(Dyad.of(NER, USA), NOW).facts();
                int tur = entente.partnership(Dyad.of(NER, TUR), NOW).facts();
                assertThat(tur).as("NER-TUR (not cached) and NER-USA (cached), both written after the pause, answer alike")
                        .isEqualTo(usa);
                assertThat(tur).as("reads see what was processed before the pause").isEqualTo(1);
                entente.resumeProcessing();
            }
        }
    }
}
