package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.CHN;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.nigerUsa;
import static org.entente.testsupport.Facts.talks;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.IntegrityFinding;
import org.entente.core.store.IntegrityReport;
import org.entente.core.store.StoreInconsistentException;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integrity on open, {@code check} and {@code repair} on a real H2 file: events are the truth, and
 * every derived table out of step with them is found, and rebuilt or refused (issue 12).
 */
class IntegrityTest {

    @TempDir
    Path directory;

    private void recordStory() {
        try (Entente entente = Entente.h2(directory)) {
            entente.recordAll(nigerUsa());
            entente.record(talks("tur-talks", "2024-03-01", NER, TUR));
            entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("tur-talks")), "duplicate report"));
            entente.record(talks("chn-talks", "2024-03-02", NER, CHN));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private long count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aConsistentStoreChecksCleanAndEveryEventIsRead() throws Exception {
        recordStory();
        IntegrityReport report = Entente.builder().h2(directory).check();
        assertThat(report.findings()).isEmpty();
        assertThat(report.events()).isEqualTo(count("DomainEventEntry"));
        assertThat(report.full()).isTrue();
    }

    @Test
    void ghostFactIdsAreFoundByCheckAndRemovedByRepair() throws Exception {
        recordStory();
        sql("INSERT INTO entente_fact_id (fact_id, dyad) VALUES ('ghost-1', 'ABW-CCK'), ('ghost-2', 'NER-USA')");

        IntegrityReport found = Entente.builder().h2(directory).check();
        assertThat(found.findings()).extracting(IntegrityFinding::kind).containsExactly(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP);
        assertThat(found.findings().get(0).detail()).contains("holds " + (count("entente_fact_id")) + " row(s)");

        IntegrityReport dry = Entente.builder().h2(directory).repair(true);
        assertThat(dry.repaired()).isEmpty();
        assertThat(count("entente_fact_id")).as("a dry run writes nothing").isEqualTo(found.findings().isEmpty() ? 0 : count("entente_fact_id"));
        long withGhosts = count("entente_fact_id");

        IntegrityReport repaired = Entente.builder().h2(directory).repair(false);
        assertThat(repaired.findings()).isEmpty();
        assertThat(repaired.repaired()).anyMatch(r -> r.startsWith("the fact-id table"));
        assertThat(count("entente_fact_id")).isEqualTo(withGhosts - 2);

        try (Entente entente = Entente.h2(directory)) {
            // The ghost id is free again, and a real id still belongs to its dyad.
            entente.record(talks("ghost-1", "2024-03-03", NER, TUR));
            assertThatThrownBy(() -> entente.record(talks("chn-talks", "2024-03-04", NER, TUR)))
                    .isInstanceOf(FactConflictException.class);
        }
    }

    @Test
    void projectionRowsMissingForProcessedEventsAreRebuiltOnOpenAndReported() throws Exception {
        recordStory();
        sql("DELETE FROM entente_projection_fact WHERE fact_id = 'chn-talks'");
        assertThat(Entente.builder().h2(directory).check().findings())
                .extracting(IntegrityFinding::kind).containsExactly(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP);

        try (Entente entente = Entente.h2(directory)) {
            assertThat(entente.integrityOnOpen()).hasValueSatisfying(r -> {
                assertThat(r.findings()).extracting(IntegrityFinding::kind).containsExactly(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP);
                assertThat(r.repaired()).isNotEmpty();
            });
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, CHN), TimelineFilter.all())).hasSize(1);
        }
        assertThat(Entente.builder().h2(directory).check().consistent()).isTrue();
        try (Entente entente = Entente.h2(directory)) {
            assertThat(entente.integrityOnOpen()).isEmpty();
        }
    }

    @Test
    void aTokenBeyondTheLastEventIsRebuiltOnOpen() throws Exception {
        recordStory();
        long rows = count("entente_projection_fact");
        // Events gone from the end while rows and token stayed: the shape of a file that lost its last commits.
        long last;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            last = rs.getLong(1);
        }
        sql("DELETE FROM DomainEventEntry WHERE globalIndex = " + last, "DELETE FROM entente_fact_id WHERE fact_id = 'chn-talks'");
        Files.deleteIfExists(directory.resolve("entente.head"));

        try (Entente entente = Entente.h2(directory)) {
            assertThat(entente.integrityOnOpen()).hasValueSatisfying(r -> assertThat(r.findings().get(0).detail()).contains("beyond the last event"));
            assertThat(entente.timeline(Dyad.of(NER, CHN), TimelineFilter.all())).isEmpty();
        }
        assertThat(count("entente_projection_fact")).isEqualTo(rows - 1);
    }

    @Test
    void aStoreWhoseEventsAreGoneButWhoseDerivedTablesRemainIsRefusedNamingTheRemedy() throws Exception {
        recordStory();
        sql("DELETE FROM DomainEventEntry");
        assertThatThrownBy(() -> Entente.h2(directory))
                .isInstanceOf(StoreInconsistentException.class)
                .hasMessageContaining("the event table is empty")
                .hasMessageContaining("restore a backup into a new directory");
        IntegrityReport report = Entente.builder().h2(directory).repair(false);
        assertThat(report.repairable()).isFalse();
        assertThat(report.findings()).extracting(IntegrityFinding::kind).contains(IntegrityFinding.Kind.EVENTS_MISSING);
        assertThat(count("entente_fact_id")).as("a repair never rebuilds derived tables from lost events").isPositive();
    }

    @Test
    void aRepairInterruptedBetweenDroppingAndRenamingTheFactIdTableIsRefusedOnOpenAndRedone() throws Exception {
        recordStory();
        long ids = count("entente_fact_id");
        // What a kill leaves between the two steps: the rebuilt table beside an empty fact-id table.
        sql("CREATE TABLE entente_fact_id_rebuilt AS SELECT * FROM entente_fact_id", "DELETE FROM entente_fact_id");
        assertThatThrownBy(() -> Entente.h2(directory))
                .isInstanceOf(StoreInconsistentException.class)
                .hasMessageContaining("the fact-id table is empty")
                .hasMessageContaining("a repair of the fact-id table was interrupted")
                .hasMessageContaining("entente repair");
        IntegrityReport repaired = Entente.builder().h2(directory).repair(false);
        assertThat(repaired.findings()).isEmpty();
        assertThat(count("entente_fact_id")).isEqualTo(ids);
        try (Entente entente = Entente.h2(directory)) {
            assertThatThrownBy(() -> entente.record(talks("chn-talks", "2024-03-04", NER, TUR)))
                    .isInstanceOf(FactConflictException.class);
        }
    }

    @Test
    void aStoreWhoseImportStoppedHalfWayIsRefusedByEntenteNamingTheImportThatFinishesIt() throws Exception {
        recordStory();
        // What a kill during store-import leaves: the marker of an import that has not finished, and fact ids not yet copied.
        sql("CREATE TABLE entente_import (id INT NOT NULL PRIMARY KEY, source VARCHAR(4000) NOT NULL, sha256 VARCHAR(64) NOT NULL,"
                        + " total_rows BIGINT NOT NULL, rows_done BIGINT NOT NULL, started VARCHAR(40) NOT NULL)",
                "INSERT INTO entente_import VALUES (1, 'backup.jsonl', 'abc', 40, 20, '2026-12-06T00:00:00Z')",
                "DELETE FROM entente_fact_id");
        assertThatThrownBy(() -> Entente.h2(directory))
                .isInstanceOf(StoreInconsistentException.class)
                .hasMessageContaining("an import into")
                .hasMessageContaining("backup.jsonl")
                .hasMessageContaining("store-import FILE");
        IntegrityReport report = Entente.builder().h2(directory).repair(false);
        assertThat(report.findings()).extracting(IntegrityFinding::kind).contains(IntegrityFinding.Kind.UNFINISHED_IMPORT);
        assertThat(report.repaired()).as("an unfinished import is finished by the import, not repaired").isEmpty();
    }

    @Test
    void aStoreFileCutBelowWhatH2CanReadIsReportedAsDamagedNamingTheFileAndTheRemedy() throws Exception {
        recordStory();
        Path file = directory.resolve("entente.mv.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 10);
        }
        assertThatThrownBy(() -> Entente.h2(directory))
                .isInstanceOfSatisfying(org.entente.core.store.StoreDamagedException.class,
                        e -> assertThat(e.file()).isEqualTo(file.toAbsolutePath().normalize()))
                .hasMessageContaining("cannot be read: it is truncated or damaged")
                .hasMessageContaining("store-import");
    }

    @Test
    void aStoreFileReplacedByAnOlderCopyIsRefusedByTheHeadMark() throws Exception {
        try (Entente entente = Entente.h2(directory)) {
            entente.record(talks("first", "2024-01-01", NER, USA));
        }
        Path file = directory.resolve("entente.mv.db");
        byte[] older = Files.readAllBytes(file);
        try (Entente entente = Entente.h2(directory)) {
            entente.record(talks("second", "2024-01-02", NER, USA));
        }
        Files.write(file, older);
        assertThatThrownBy(() -> Entente.h2(directory))
                .isInstanceOf(StoreInconsistentException.class)
                .hasMessageContaining("entente.head")
                .hasMessageContaining("truncated or replaced by an older copy");
    }

    @Test
    void aTruncatedStoreFileIsNeverOpenedAsAnEmptyOrNewStore() throws Exception {
        try (Entente entente = Entente.h2(directory)) {
            List<FactCommand> facts = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                facts.add(talks("t-" + i, "2024-01-01", NER, i % 2 == 0 ? USA : TUR));
            }
            for (int from = 0; from < facts.size(); from += 100) {
                entente.recordAll(facts.subList(from, from + 100));
            }
            entente.awaitCaughtUp(Duration.ofSeconds(60));
        }
        Path file = directory.resolve("entente.mv.db");
        long size = Files.size(file);
        for (double keep : new double[] {0.75, 0.5}) {
            Path cut = Files.createTempDirectory(directory.getParent(), "cut");
            Files.copy(directory.resolve("entente.head"), cut.resolve("entente.head"));
            Files.copy(file, cut.resolve("entente.mv.db"));
            try (RandomAccessFile raf = new RandomAccessFile(cut.resolve("entente.mv.db").toFile(), "rw")) {
                raf.setLength((long) (size * keep));
            }
            Entente opened = null;
            try {
                opened = Entente.h2(cut);
                opened.awaitCaughtUp(Duration.ofSeconds(60));
                // If H2 found every commit in what is left, the store must be whole and not new.
                assertThat(opened.store().isNew()).isFalse();
                assertThat(opened.processingStatus().head()).isGreaterThanOrEqualTo(2999);
            } catch (RuntimeException refused) {
                assertThat(refused).as("cut to %s", keep).hasMessageFindingMatch("inconsisten|corrupt|truncated");
            } finally {
                if (opened != null) {
                    opened.close();
                }
            }
        }
    }
}
