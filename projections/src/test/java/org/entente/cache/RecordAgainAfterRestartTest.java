package org.entente.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.entente.Entente;
import org.entente.ProjectionCache;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program run twice on one store (the README's Getting started): the second run records the same facts,
 * which writes nothing, and reads at once. Its read-your-writes wait names sequences applied before this
 * instance opened, so it must find them in the store's projection, not wait for an apply that never comes.
 */
class RecordAgainAfterRestartTest {

    private static final When NOW = When.asOf(LocalDate.of(2030, 1, 1));

    @TempDir
    Path dir;

    @Test
    void onAnH2FileAFactRecordedAgainAfterARestartIsReadWithoutWaiting() {
        for (int run = 0; run < 2; run++) {
            try (Entente entente = Entente.builder().h2(dir).readTimeout(Duration.ofSeconds(5))
                    .projectionCache(ProjectionCache.defaults()).build()) {
                entente.record(talks("tur-1", "2024-01-10", NER, TUR));
                entente.record(talks("tur-2", "2024-02-10", NER, TUR));
                assertThat(entente.partnership(Dyad.of(NER, TUR), NOW).facts()).as("run %d", run + 1).isEqualTo(2);
            }
        }
    }

    @Test
    void onPostgreSqlAFactRecordedAgainAfterARestartIsReadWithoutWaiting() {
        try (Postgres pg = Postgres.freshSchema("record_again")) {
            for (int run = 0; run < 2; run++) {
                try (Entente entente = Entente.builder().postgres(pg.dataSource()).readTimeout(Duration.ofSeconds(5)).build()) {
                    entente.record(talks("tur-1", "2024-01-10", NER, TUR));
                    entente.record(talks("tur-2", "2024-02-10", NER, TUR));
                    assertThat(entente.partnership(Dyad.of(NER, TUR), NOW).facts()).as("run %d", run + 1).isEqualTo(2);
                }
            }
        }
    }
}
