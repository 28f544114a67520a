package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rows look like: short stable type names, readable JSON, and nothing else read back. */
class StoredFormTest {

    @TempDir
    Path directory;

    private static List<String[]> rows(ConnectionProvider connections) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connections.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payloadType, payloadRevision, payload FROM DomainEventEntry ORDER BY globalIndex")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), new String(rs.getBytes(3), StandardCharsets.UTF_8)});
            }
        }
        return rows;
    }

    @Test
    void eventsAreStoredUnderTheirRegistryNameAsReadableJson() throws Exception {
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            store.recordAll(nigerUsa());
            List<String[]> rows = rows(store.connections());
            assertThat(rows).extracting(r -> r[0]).startsWith("AgreementSigned", "ForcesStationed", "ForcesStationed")
                    .allSatisfy(name -> assertThat(name).doesNotContain("."));
            assertThat(rows).extracting(r -> r[1]).containsOnly("1");
            String sofa = rows.get(0)[2];
            assertThat(sofa).contains("\"id\":\"usa-sofa-2012\"", "\"day\":\"2012-01-01\"", "\"actor\":\"NER\"",
                    "\"agreementKind\":\"STATUS_OF_FORCES\"");
        }
    }

    @Test
    void aStoredRowWithATypeNameOutsideTheRegistryIsRefusedWithAClearError() throws Exception {
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            store.record(talks("chn-talks", "2024-04-23", CHN, NER));
            try (Connection c = store.connections().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE DomainEventEntry SET payloadType = ?")) {
                ps.setString(1, "java.lang.ProcessBuilder");
                ps.executeUpdate();
            }
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            assertThatThrownBy(() -> store.history(Dyad.of(CHN, NER)))
                    .isInstanceOf(EntenteException.class)
                    .hasMessageContaining("stored type 'java.lang.ProcessBuilder' is not in the event type registry");
        }
    }

    @Test
    void theRegistryListsEveryStoredEventUnderItsSimpleName() {
        EventTypeRegistry registry = EventTypeRegistry.standard();
        assertThat(registry.entries()).containsKeys("WithdrawalScheduled", "AttacheAppointed", "FactsRetracted", "FactCorrected",
                EventTypeRegistry.SNAPSHOT_NAME);
        assertThat(registry.entries()).hasSize(22 + 3);
    }

    @Test
    void snapshotsHoldTheWholeHistoryAndReadBackTheSameFacts() {
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(3).build()) {
            store.recordAll(nigerUsa());
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(3).build()) {
            List<String> snapshots = new ArrayList<>();
            try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT payloadType FROM SnapshotEventEntry")) {
                while (rs.next()) {
                    snapshots.add(rs.getString(1));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(snapshots).containsOnly(EventTypeRegistry.SNAPSHOT_NAME).isNotEmpty();
            assertThat(store.history(Dyad.of(NER, USA)).orElseThrow().facts()).hasSize(nigerUsa().size());
        }
    }

    @Test
    void aSnapshotKeepsTheRevisionsCorrectionsReplacedSoRecordingOneAgainStaysANoOp() {
        org.entente.core.relationship.FactCommand original = talks("chn-talks", "2024-04-23", CHN, NER);
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(2).build()) {
            store.record(original);
            store.record(new org.entente.core.relationship.RelationshipCommand.CorrectFact(talks("chn-talks", "2024-04-24", CHN, NER), "a"));
            store.record(new org.entente.core.relationship.RelationshipCommand.CorrectFact(talks("chn-talks", "2024-04-25", CHN, NER), "b"));
            store.record(talks("chn-talks-2", "2024-04-26", CHN, NER));
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(2).build()) {
            List<String> snapshots = new ArrayList<>();
            try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT payload FROM SnapshotEventEntry")) {
                while (rs.next()) {
                    snapshots.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // A snapshot (revision 2) holds the dyad's summary, not its facts: the replaced revisions are read
            // from the events when a recorded id comes again.
            assertThat(snapshots).isNotEmpty().last().asString().contains("\"state\"").doesNotContain("\"entries\"");
            assertThat(store.history(Dyad.of(CHN, NER)).orElseThrow().earlierRevisions(org.entente.core.FactId.of("chn-talks")))
                    .extracting(e -> e.fact().happened().day().toString()).containsExactly("2024-04-23", "2024-04-24");
            assertThat(store.record(original).events()).isZero();
        }
    }
}
