package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.nigerUsa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.partnership.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Entente on an H2 file, with its streaming processor running, opened and closed several times:
 * closing writes nothing to H2's trace file (it used to log "Database is already closed" there).
 */
class H2QuietCloseTest {

    @TempDir
    Path dir;

    @Test
    void closingAnEntenteWithItsProcessorWritesNoTrace() throws IOException {
        for (int run = 0; run < 3; run++) {
            try (Entente entente = Entente.h2(dir)) {
                if (run == 0) {
                    entente.recordAll(nigerUsa());
                }
                entente.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 10, 1))).status())
                        .isEqualTo(Status.ENDED);
            }
        }
        Path trace = dir.resolve("entente.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").as("entente.trace.db").isEmpty();
    }
}
