package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.talks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.entente.Entente;
import org.entente.ProcessingFailure;
import org.entente.ProjectionFailedException;
import org.entente.core.Dyad;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.store.BatchProgress;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the rules accept can fail to project, and an event the projections cannot apply stops
 * processing (reported, retried) instead of being skipped (issue 12, defect 2), on a real H2 file.
 */
class ProcessingNeverSkipsTest {

    @TempDir
    Path directory;

    /** The largest fact the documented limits allow in its sources: 20 sources, every text 2,000 characters. */
    static FactCommand largestSources(String id) {
        Source[] sources = new Source[20];
        for (int i = 0; i < sources.length; i++) {
            String text = (i + "-" + "é\"\\<>".repeat(400)).substring(0, 2000);
            sources[i] = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher(text).withTitle(text)
                    .withAddress(text).withNote(text).withPublished(LocalDate.of(2024, 4, 1));
        }
        return new FactCommand.HoldTalks(FactHeader.of(id, HappenedOn.day(2024, 4, 1), USA, NER, sources),
                Optional.of("t".repeat(2000)));
    }

    @Test
    void aFactAtTheLimitsOfEverySourceFieldIsProjectedAndReadBackAfterReopening() {
        try (Entente entente = Entente.h2(directory)) {
            entente.record(largestSources("huge"));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(1);
        }
        try (Entente entente = Entente.h2(directory)) {
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all()))
                    .singleElement().satisfies(e -> assertThat(e.fact().fact().sources()).hasSize(20));
        }
        assertThat(Entente.builder().h2(directory).rebuildStoredProjections(BatchProgress.NONE)).isEqualTo(1);
    }

    @Test
    void aStoreWithTheEarlierCappedPayloadColumnIsWidenedOnOpen() throws Exception {
        try (Entente entente = Entente.h2(directory)) {
            entente.record(talks("small", "2024-01-01", NER, USA));
        }
        try (Connection c = h2(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE entente_projection_fact ALTER COLUMN payload SET DATA TYPE VARCHAR(100000)");
            assertThat(payloadLength(c)).isEqualTo(100_000);
        }
        try (Entente entente = Entente.h2(directory)) {
            entente.record(largestSources("huge"));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(2);
        }
        try (Connection c = h2()) {
            assertThat(payloadLength(c)).isGreaterThan(1_000_000L);
        }
    }

    @Test
    void anEventTheProjectionsCannotApplyStopsProcessingIsReportedAndIsAppliedOnceItCanBe() throws Exception {
        try (Entente entente = Entente.h2(directory)) {
            entente.record(talks("first", "2024-01-01", NER, USA));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            entente.pauseProcessing();
            entente.record(talks("second", "2024-01-02", NER, USA));
            // A row already holding the key of the second fact's row: the processor's insert fails.
            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                        + " VALUES ('NER-USA', 1, 'second', 1, '2024-01-01T00:00:00Z', NULL, 'blocker')");
            }
            entente.resumeProcessing();

            assertThatThrownBy(() -> entente.awaitCaughtUp(Duration.ofSeconds(60)))
                    .isInstanceOf(ProjectionFailedException.class)
                    .hasMessageContaining("NER-USA #1")
                    .hasMessageContaining("cannot apply event");
            ProcessingFailure failure = entente.processingStatus().failure().orElseThrow();
            assertThat(failure.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(failure.sequence()).isEqualTo(1);
            assertThat(entente.processingStatus().position()).isLessThan(entente.processingStatus().head());

            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM entente_projection_fact WHERE reason = 'blocker'");
            }
            entente.awaitCaughtUp(Duration.ofSeconds(90));
            assertThat(entente.processingStatus().failure()).isEmpty();
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(2);
        }
        try (Connection c = h2(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entente_projection_fact WHERE payload IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("both facts projected, none skipped").isEqualTo(2);
        }
    }

    private Connection h2() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
    }

    private static long payloadLength(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'ENTENTE_PROJECTION_FACT' AND COLUMN_NAME = 'PAYLOAD'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
