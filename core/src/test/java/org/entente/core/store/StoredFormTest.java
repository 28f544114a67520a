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
        assertThat(registry.entries()).hasSize(27 + 3);
    }

    @Test
    void membershipEventsAreStoredUnderNewNamesAndEveryEarlierNameIsUnchanged() {
        EventTypeRegistry registry = EventTypeRegistry.standard();
        // The names stored before membership kinds existed (issue 15): none may change or be reused.
        List<String> before = List.of("RelationsEstablished", "RelationsRestored", "RelationsDowngraded", "RelationsSevered",
                "AmbassadorAccredited", "AttacheAppointed", "EnvoyRecalled", "EnvoyExpelled", "AgreementSigned", "AgreementSuspended",
                "AgreementDenounced", "AgreementRestored", "ForcesStationed", "WithdrawalDemanded", "WithdrawalScheduled",
                "BaseHandedOver", "WithdrawalCompleted", "CooperationPledged", "TalksHeld", "SanctionsImposed", "SanctionsLifted",
                "InteractionRecorded", "FactsRetracted", "FactCorrected", EventTypeRegistry.SNAPSHOT_NAME);
        List<String> membership = List.of("MemberJoined", "MembershipSuspended", "MembershipReinstated",
                "MembershipWithdrawalAnnounced", "MembershipWithdrawn");

        assertThat(registry.entries().keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(before.stream(), membership.stream()).toList());
        for (String name : membership) {
            assertThat(registry.byName(name).orElseThrow().revision()).isEqualTo("1");
        }
    }

    @Test
    void membershipFactsReadBackFromTheirRowsAndFromASnapshot() throws Exception {
        org.entente.core.Organisation ecowas = org.entente.core.Organisation.of("ECOWAS");
        Dyad nerEcowas = Dyad.of(NER, ecowas);
        List<org.entente.core.relationship.FactCommand> facts = List.of(
                fact("ner-joins", "1975-05-28", NER, ecowas).join().command(),
                fact("ecowas-suspends", "2023-07-30", ecowas, NER).suspendMembership("decision-making bodies").command(),
                fact("ecowas-reinstates", "2024-02-24", ecowas, NER).reinstateMembership().command(),
                fact("ner-announces", "2024-01-28", NER, ecowas).announceWithdrawal(java.time.LocalDate.of(2025, 1, 29)).command(),
                fact("ner-leaves", "2025-01-29", NER, ecowas).withdraw().command(),
                fact("ner-rejoins", "2030-01-01", NER, ecowas).join().command());
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            store.recordAll(facts);
            assertThat(rows(store.connections())).extracting(r -> r[0]).containsExactly("MemberJoined", "MembershipSuspended",
                    "MembershipReinstated", "MembershipWithdrawalAnnounced", "MembershipWithdrawn", "MemberJoined");
            assertThat(rows(store.connections()).get(3)[2]).contains("\"effective\":\"2025-01-29\"", "\"target\":\"ORG:ECOWAS\"");
            assertThat(store.snapshot(nerEcowas)).isTrue();
            try (Connection c = store.connections().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT payload FROM SnapshotEventEntry")) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.UTF_8)).contains("\"membership\":{\"member\":\"NER\","
                        + "\"organisation\":\"ORG:ECOWAS\",\"joining\":\"ner-rejoins\"");
            }
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            org.entente.core.relationship.DyadHistory history = store.history(nerEcowas).orElseThrow();

            assertThat(history.facts()).extracting(e -> e.fact().id().value()).containsExactly("ner-joins", "ecowas-suspends",
                    "ner-announces", "ecowas-reinstates", "ner-leaves", "ner-rejoins");
            assertThat(history.facts()).isEqualTo(facts.stream().map(org.entente.core.relationship.FactCommand::toEvent)
                    .sorted(org.entente.core.relationship.DyadHistory.ORDER).toList());
            assertThat(history.state().membership().orElseThrow().joining().value()).isEqualTo("ner-rejoins");
            // The next fact is decided from the snapshot's state: a second join is refused, a suspension accepted.
            assertThat(store.record(fact("ecowas-suspends-2", "2031-01-01", ecowas, NER).suspendMembership().command()).events())
                    .isEqualTo(1);
            assertThatThrownBy(() -> store.record(fact("ner-joins-3", "2032-01-01", NER, ecowas).join().command()))
                    .isInstanceOfSatisfying(org.entente.core.relationship.RuleViolationException.class,
                            e -> assertThat(e.rule()).isEqualTo(org.entente.core.relationship.Rule.ALREADY_A_MEMBER));
        }
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
