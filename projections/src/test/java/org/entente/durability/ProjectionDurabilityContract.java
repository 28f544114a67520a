package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.Entente;
import org.entente.ProcessingStatus;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.junit.jupiter.api.Test;

/**
 * Projections on a real database with a streaming processor: they survive restarts without counting
 * twice, equal a clean rebuild, and a rebuild never shows readers half-built state.
 */
abstract class ProjectionDurabilityContract {

    static final When APRIL_30 = When.asOf(LocalDate.of(2024, 4, 30));
    static final Duration WAIT = Duration.ofSeconds(30);

    /** An Entente on the database under test; a second call reopens the same database. */
    abstract Entente open();

    static List<FactCommand> story() {
        return org.entente.NigerStoryAccess.facts();
    }

    /** A digest of every projection row, in a stable order. */
    static String digest(Entente entente) throws Exception {
        return Digests.projectionRows(entente);
    }

    static int rowCount(Entente entente) throws Exception {
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entente_projection_fact")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void readsThroughTheEntryPointSeeItsOwnWrites() {
        try (Entente entente = open()) {
            entente.recordAll(story());
            assertThat(entente.partnership(Dyad.of(NER, USA), APRIL_30).status()).isEqualTo(Status.WINDING_DOWN);
            entente.record(talks("usa-talks-late", "2024-04-29", USA, NER));
            assertThat(entente.partnership(Dyad.of(NER, USA), APRIL_30).lastContact().orElseThrow().id().value())
                    .isEqualTo("usa-talks-late");
        }
    }

    @Test
    void aRestartWhileProcessingIsBehindResumesFromTheTokenAndEqualsACleanRebuild() throws Exception {
        Portfolio before;
        try (Entente entente = open()) {
            entente.recordAll(story().subList(0, 10));
            entente.awaitProjections(WAIT);
            entente.pauseProcessing();
            entente.recordAll(story().subList(10, story().size()));
            ProcessingStatus paused = entente.processingStatus();
            assertThat(paused.running()).isFalse();
            assertThat(paused.behind()).isPositive();
        }
        String resumed;
        try (Entente entente = open()) {
            entente.awaitCaughtUp(WAIT);
            assertThat(entente.processingStatus().behind()).isZero();
            before = entente.portfolio(NER, APRIL_30);
            resumed = digest(entente);
            assertThat(rowCount(entente)).isEqualTo(story().size());
            entente.rebuildProjections();
            assertThat(digest(entente)).isEqualTo(resumed);
            assertThat(entente.portfolio(NER, APRIL_30)).isEqualTo(before);
        }
        try (Entente entente = open()) {
            entente.awaitCaughtUp(WAIT);
            assertThat(digest(entente)).isEqualTo(resumed);
            assertThat(rowCount(entente)).isEqualTo(story().size());
            assertThat(entente.portfolio(NER, APRIL_30)).isEqualTo(before);
            assertThat(before.mix().orElseThrow().concentration()).isCloseTo(0.28, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void projectionTablesOfAnotherVersionAreRebuiltOnStart() throws Exception {
        String expected;
        try (Entente entente = open()) {
            entente.recordAll(story());
            entente.awaitCaughtUp(WAIT);
            expected = digest(entente);
            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
                // What an older Entente would have left: another version, and rows this one cannot use.
                s.execute("UPDATE entente_projection_meta SET version = 0");
                s.execute("DELETE FROM entente_projection_fact WHERE dyad = 'NER-USA'");
            }
        }
        try (Entente entente = open()) {
            entente.awaitCaughtUp(WAIT);
            assertThat(digest(entente)).isEqualTo(expected);
            assertThat(entente.partnership(Dyad.of(NER, USA), APRIL_30).status()).isEqualTo(Status.WINDING_DOWN);
            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM entente_projection_meta")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(org.entente.internal.Projections.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void aRebuildAfterRetractionsAndCorrectionsEqualsTheLiveProjectionsAndProcessingResumesAfterIt() throws Exception {
        try (Entente entente = open()) {
            java.time.Instant between = org.entente.RebuildFixture.record(entente);
            entente.awaitCaughtUp(WAIT);
            List<Object> live = org.entente.RebuildFixture.answers(entente, between);
            String rows = digest(entente);
            int count = rowCount(entente);

            entente.rebuildProjections();

            assertThat(org.entente.RebuildFixture.answers(entente, between)).isEqualTo(live);
            assertThat(digest(entente)).isEqualTo(rows);
            assertThat(rowCount(entente)).isEqualTo(count);
            // The processor continues exactly where the rebuild's scan stopped: the next event once, nothing twice.
            entente.record(talks("chn-talks-late", "2024-12-01", CHN, NER));
            entente.awaitCaughtUp(WAIT);
            assertThat(rowCount(entente)).isEqualTo(count + 1);
            assertThat(entente.timeline(Dyad.of(NER, CHN), org.entente.timeline.TimelineFilter.all()))
                    .extracting(e -> e.fact().fact().id().value()).contains("chn-talks-late");
        }
    }

    /** A builder for the database under test, for the offline rebuild. */
    abstract Entente.Builder builder();

    @Test
    void anOfflineRebuildRewritesLostRowsAndTheNextOpenLoadsThem() throws Exception {
        java.time.Instant between;
        List<Object> live;
        String rows;
        int count;
        long events;
        try (Entente entente = open()) {
            between = org.entente.RebuildFixture.record(entente);
            entente.awaitCaughtUp(WAIT);
            live = org.entente.RebuildFixture.answers(entente, between);
            rows = digest(entente);
            count = rowCount(entente);
            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
                    rs.next();
                    events = rs.getLong(1);
                }
                s.execute("DELETE FROM entente_projection_fact");
            }
            assertThat(rowCount(entente)).isZero();
        }

        assertThat(builder().rebuildStoredProjections(org.entente.core.store.BatchProgress.NONE)).isEqualTo(events);

        try (Entente entente = open()) {
            entente.awaitCaughtUp(WAIT);
            assertThat(digest(entente)).isEqualTo(rows);
            assertThat(org.entente.RebuildFixture.answers(entente, between)).isEqualTo(live);
            entente.record(talks("chn-talks-late", "2024-12-01", CHN, NER));
            entente.awaitCaughtUp(WAIT);
            assertThat(rowCount(entente)).isEqualTo(count + 1);
        }
    }

    @Test
    void aRebuildWhileReadsRunNeverShowsPartialState() throws Exception {
        try (Entente entente = open()) {
            entente.recordAll(story());
            Portfolio expected = entente.portfolio(NER, APRIL_30);
            Partnership usa = entente.partnership(Dyad.of(NER, USA), APRIL_30);
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> reader = pool.submit(() -> {
                while (!done.get()) {
                    assertThat(entente.portfolio(NER, APRIL_30)).isEqualTo(expected);
                    assertThat(entente.partnership(Dyad.of(NER, USA), APRIL_30)).isEqualTo(usa);
                    reads.incrementAndGet();
                }
                return null;
            });
            for (int i = 0; i < 5; i++) {
                entente.rebuildProjections();
            }
            done.set(true);
            reader.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(reads.get()).isPositive();
        }
    }
}
