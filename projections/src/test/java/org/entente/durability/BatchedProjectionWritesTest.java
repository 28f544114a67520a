package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.talks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.entente.Entente;
import org.entente.ProcessingFailure;
import org.entente.ProjectionFailedException;
import org.entente.core.Dyad;
import org.entente.testsupport.Postgres;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor writes a unit of work's projection rows in one batch just before it commits. When one
 * event's row cannot be written, the batch goes back to a savepoint and the rows are written event by
 * event, so that the failure still names that event (not the batch's first, not none), on H2 and on
 * PostgreSQL, where the failed statement aborts the transaction until the savepoint is restored.
 */
class BatchedProjectionWritesTest {

    private static final int EVENTS = 6;
    private static final int BLOCKED = 4;

    @TempDir
    Path directory;

    @Test
    void onH2TheFailureNamesTheEventWhoseRowFailedInTheMiddleOfABatch() throws Exception {
        theFailureNamesTheEventWhoseRowFailed(() -> Entente.h2(directory));
    }

    @Test
    void onPostgresTheFailureNamesTheEventWhoseRowFailedInTheMiddleOfABatch() throws Exception {
        try (Postgres pg = Postgres.freshSchema("batched_rows")) {
            theFailureNamesTheEventWhoseRowFailed(() -> Entente.postgres(pg.dataSource()));
        }
    }

    private static void theFailureNamesTheEventWhoseRowFailed(Supplier<Entente> open) throws Exception {
        try (Entente entente = open.get()) {
            entente.record(talks("talks-0", "2024-01-01", NER, USA));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            entente.pauseProcessing();
            for (int n = 1; n < EVENTS; n++) {
                entente.record(talks("talks-" + n, "2024-01-0" + (n + 1), NER, USA));
            }
            // A row already holding the key of one event's row in the middle: that insert fails.
            sql(entente, "INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                    + " VALUES ('NER-USA', " + BLOCKED + ", 'talks-" + BLOCKED + "', 1, '2024-01-01T00:00:00Z', NULL, 'blocker')");
            entente.resumeProcessing();

            assertThatThrownBy(() -> entente.awaitCaughtUp(Duration.ofSeconds(60)))
                    .isInstanceOf(ProjectionFailedException.class)
                    .hasMessageContaining("NER-USA #" + BLOCKED);
            ProcessingFailure failure = entente.processingStatus().failure().orElseThrow();
            assertThat(failure.sequence()).isEqualTo(BLOCKED);
            assertThat(failure.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(count(entente, "fact_id = 'talks-" + BLOCKED + "' AND payload IS NOT NULL"))
                    .as("the blocked event's own row").isZero();

            sql(entente, "DELETE FROM entente_projection_fact WHERE reason = 'blocker'");
            entente.awaitCaughtUp(Duration.ofSeconds(90));
            assertThat(entente.processingStatus().failure()).isEmpty();
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(EVENTS);
            assertThat(count(entente, "payload IS NOT NULL")).as("every event projected once, none skipped").isEqualTo(EVENTS);
        }
    }

    private static void sql(Entente entente, String statement) throws Exception {
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(Entente entente, String where) throws Exception {
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entente_projection_fact WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
