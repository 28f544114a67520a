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

/** "reads see what was processed before the pause" (Entente.pauseProcessing) on PostgreSQL, also for a dyad loaded while another instance writes to it. */
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

    @Test
    void aWriteCommittedWhileAPausedInstanceLoadsADyadFromItsEventsIsNotShown() {
        try (Postgres pg = Postgres.freshSchema("review_pause_load")) {
            CountingDataSource hooked = new CountingDataSource(pg.dataSource());
            try (Entente paused = Entente.postgres(hooked.dataSource()); Entente other = Entente.postgres(pg.dataSource())) {
                paused.record(talks("tur-1", "2024-01-10", NER, TUR));
                paused.awaitCaughtUp(Duration.ofSeconds(60));
                paused.pauseProcessing();
                // Another instance commits to the dyad between the load's read of its events and of their positions.
                hooked.onceAfter("SELECT sequenceNumber FROM DomainEventEntry",
                        () -> other.record(talks("tur-2", "2024-02-10", NER, TUR)));

                int facts = paused.partnership(Dyad.of(NER, TUR), NOW).facts();

                assertThat(hooked.hookRan()).as("the other instance wrote during the load").isTrue();
                assertThat(facts).as("the paused instance shows what it processed before the pause").isEqualTo(1);
                paused.resumeProcessing();
                paused.awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(paused.partnership(Dyad.of(NER, TUR), NOW).facts()).as("and the write once resumed").isEqualTo(2);
            }
        }
    }
}
