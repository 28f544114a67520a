package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots hold a dyad's summary (revision 2), not its facts: a command appended to a long dyad after a
 * restart reads only the events after the last snapshot, while retroactive facts, corrections,
 * retractions and recorded ids still meet every rule; old stores' revision-1 snapshots are passed over
 * and replaced.
 */
class CompactSnapshotTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final int TALKS = 3000;

    @TempDir
    Path directory;

    /** The Niger–US story, then {@link #TALKS} talks on the following days. */
    private static List<FactCommand> longStory() {
        List<FactCommand> commands = new ArrayList<>(nigerUsa());
        LocalDate day = LocalDate.parse("2025-01-01");
        for (int i = 0; i < TALKS; i++) {
            commands.add(talks("talks-" + i, day.plusDays(i).toString(), USA, NER));
        }
        return commands;
    }

    private EntenteStore open() {
        return EntenteStore.builder().h2(directory).build();
    }

    private static List<String[]> snapshotRows(EntenteStore store, String dyad) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT payloadType, payloadRevision, sequenceNumber FROM SnapshotEventEntry"
                     + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            ps.setString(1, dyad);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return rows;
    }

    /** The rejection (class and message) or events the decider gives on the whole history. */
    private static String expected(DyadHistory whole, RelationshipCommand command) {
        try {
            return "events " + Decider.decide(command, whole).size();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String actual(EntenteStore store, RelationshipCommand command) {
        try {
            return "events " + store.record(command).events();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void aColdAppendToALongDyadReadsOnlyTheEventsAfterItsLastSnapshot() throws Exception {
        try (EntenteStore store = open()) {
            store.recordAll(longStory());
        }
        try (EntenteStore store = open()) {
            H2EventReads.start(store);
            assertThat(store.record(talks("talks-next", "2040-01-01", USA, NER)).events()).isEqualTo(1);

            long read = H2EventReads.rows(store);
            assertThat(read).as("events read by a cold append to a dyad of %d events", TALKS + 10).isLessThanOrEqualTo(250);
            assertThat(snapshotRows(store, NER_USA.id())).extracting(r -> r[1]).containsOnly(EventTypeRegistry.SNAPSHOT_REVISION);
            // The count sees reads: the whole history is every event.
            store.history(NER_USA);
            assertThat(H2EventReads.rows(store) - read).isEqualTo(nigerUsa().size() + TALKS + 1);
        }
        try (EntenteStore store = open()) {
            DyadHistory history = store.history(NER_USA).orElseThrow();
            assertThat(history.size()).isEqualTo(nigerUsa().size() + TALKS + 1);
            assertThat(history.state()).isEqualTo(Decider.stateOf(NER_USA, history.facts()));
        }
    }

    @Test
    void afterARestartRetroactiveFactsCorrectionsRetractionsAndRecordedIdsMeetEveryRule() {
        List<FactCommand> story = longStory();
        try (EntenteStore store = open()) {
            store.recordAll(story);
        }
        DyadHistory whole = DyadHistory.empty(NER_USA);
        for (FactCommand c : story) {
            Decider.decide(c, whole).forEach(e -> Decider.evolve(whole, e));
        }
        List<RelationshipCommand> commands = List.of(
                complete("agadez-early-exit", "2024-06-01", USA, NER, "usa-forces-agadez"),
                new RetractFacts(List.of(FactId.of("usa-forces-niamey")), "never happened"),
                nigerUsa().get(0),
                sign("usa-sofa-2012", "2012-01-02", NER, USA, org.entente.core.relationship.AgreementKind.STATUS_OF_FORCES),
                talks("talks-1", "2025-01-02", USA, NER),
                new CorrectFact(talks("usa-talks-2024-03", "2024-03-13", USA, NER), "began a day later"),
                talks("talks-late", "2023-05-05", USA, NER));
        for (RelationshipCommand command : commands) {
            String want = expected(whole, command);
            if (want.startsWith("events")) {
                Decider.decide(command, whole).forEach(e -> Decider.evolve(whole, e));
            }
            // Every command on a cold store: a new instance reads the dyad from its snapshot.
            try (EntenteStore store = open()) {
                assertThat(actual(store, command)).as("%s", command).isEqualTo(want);
            }
        }
        assertThat(expected(whole, commands.get(0))).startsWith(RuleViolationException.class.getSimpleName()).contains("usa-handover-201");
        assertThat(expected(whole, commands.get(3))).startsWith(FactConflictException.class.getSimpleName());
        try (EntenteStore store = open()) {
            DyadHistory stored = store.history(NER_USA).orElseThrow();
            assertThat(stored.facts()).isEqualTo(whole.facts());
            assertThat(stored.state()).isEqualTo(whole.state());
            assertThat(stored.entry(FactId.of("usa-talks-2024-03")).orElseThrow().revision()).isEqualTo(2);
            assertThat(store.record(new CorrectFact(talks("usa-talks-2024-03", "2024-03-12", USA, NER), "back")).events())
                    .isEqualTo(1);
            assertThat(store.record(talks("usa-talks-2024-03", "2024-03-13", USA, NER)).events())
                    .as("a revision that a correction replaced is recorded already").isZero();
        }
    }

    @Test
    void aSnapshotHoldsTheSummaryAndReadsBackTheSameState() throws Exception {
        DyadHistory whole = DyadHistory.empty(NER_USA);
        for (FactCommand c : nigerUsa()) {
            Decider.decide(c, whole).forEach(e -> Decider.evolve(whole, e));
        }
        ObjectMapper mapper = EntenteJackson.mapper(EventTypeRegistry.standard());
        byte[] json = mapper.writeValueAsBytes(RelationshipAggregate.restored(NER_USA.id(), 9, whole));

        RelationshipAggregate read = mapper.readValue(json, RelationshipAggregate.class);

        assertThat(read.lastSequence()).isEqualTo(9);
        assertThat(read.history().isPartial()).isTrue();
        assertThat(read.history().summary()).isEqualTo(whole.summary());
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"entries\"").contains("\"usa-complete\"");
        assertThatThrownBy(() -> mapper.readValue("{\"dyadId\":\"NER-USA\",\"lastSequence\":3}", RelationshipAggregate.class))
                .hasMessageContaining("the snapshot of NER-USA needs \"state\", \"size\" and \"skipped\" (revision 2) or \"history\" (revision 1)");
    }

    @Test
    void aStoreWithRevisionOneSnapshotsOpensAndReplacesThemAsCommandsRun() throws Exception {
        for (String file : List.of("entente.mv.db", "entente.head")) {
            try (InputStream in = getClass().getResourceAsStream("attache-store-0.1/" + file)) {
                Files.copy(in, directory.resolve(file));
            }
        }
        Dyad fraNer = Dyad.of(FRA, NER);
        long last;
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(2).build()) {
            assertThat(snapshotRows(store, fraNer.id())).extracting(r -> r[1]).containsExactly("1");
            DyadHistory before = store.history(fraNer).orElseThrow();

            assertThat(store.record(talks("fra-talks-2025", "2025-01-01", FRA, NER)).events()).isEqualTo(1);
            Recorded second = store.record(talks("fra-talks-2025b", "2025-01-02", FRA, NER));
            assertThat(second.events()).isEqualTo(1);
            last = second.sequence();

            assertThat(snapshotRows(store, fraNer.id())).extracting(r -> r[1]).containsExactly(EventTypeRegistry.SNAPSHOT_REVISION);
            assertThat(store.history(fraNer).orElseThrow().size()).isEqualTo(before.size() + 2);
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(2).build()) {
            // Read from the new snapshot: recording an old fact again is still a no-op, a correction still checks.
            FactCommand again = FactCommand.of(store.history(fraNer).orElseThrow().facts().get(0));
            assertThat(store.record(again).events()).isZero();
            assertThat(store.record(talks("fra-talks-2025c", "2025-01-03", FRA, NER)).sequence()).isEqualTo(last + 1);
        }
    }

    @Test
    void anExportOfAStoreWithRevisionOneSnapshotsImportsAndItsDyadsTakeCommands() throws Exception {
        Path old = directory.resolve("old");
        Files.createDirectories(old);
        for (String file : List.of("entente.mv.db", "entente.head")) {
            try (InputStream in = getClass().getResourceAsStream("attache-store-0.1/" + file)) {
                Files.copy(in, old.resolve(file));
            }
        }
        Path file = directory.resolve("old.jsonl");
        try (EntenteStore source = EntenteStore.builder().h2(old).build()) {
            StoreCopy.export(source, file);
        }
        try (EntenteStore to = EntenteStore.builder().h2(directory.resolve("new")).snapshotThreshold(2).build()) {
            StoreCopy.importInto(to, file);
            Dyad fraNer = Dyad.of(FRA, NER);
            assertThat(snapshotRows(to, fraNer.id())).extracting(r -> r[1]).containsExactly("1");
            assertThat(to.record(talks("fra-talks-2025", "2025-01-01", FRA, NER)).events()).isEqualTo(1);
            assertThat(to.record(talks("fra-talks-2025b", "2025-01-02", FRA, NER)).events()).isEqualTo(1);
            assertThat(snapshotRows(to, fraNer.id())).extracting(r -> r[1]).containsExactly(EventTypeRegistry.SNAPSHOT_REVISION);
        }
    }
}
