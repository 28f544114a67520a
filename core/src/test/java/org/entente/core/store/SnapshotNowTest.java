package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactCommand;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EntenteStore#snapshot(Dyad)} on a store whose threshold was never reached: one revision-2 snapshot
 * at the dyad's last event, the same bytes the threshold's snapshot holds, read by a reopened store, which
 * then reads only the events after it for a command.
 */
class SnapshotNowTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final Dyad FRA_NER = Dyad.of(FRA, NER);
    private static final int TALKS = 300;
    /** Never reached by these stories: no snapshot but the ones asked for. */
    private static final int NEVER = 1_000_000;

    @TempDir
    Path directory;

    /** The Niger–US story, then {@code talks} talks on the following days. */
    private static List<FactCommand> story(Dyad dyad, int talks) {
        List<FactCommand> commands = new ArrayList<>(dyad.equals(NER_USA) ? nigerUsa() : List.of());
        LocalDate day = LocalDate.parse("2025-01-01");
        for (int i = 0; i < talks; i++) {
            commands.add(talks(dyad.id() + "-talks-" + i, day.plusDays(i).toString(), dyad.first(), dyad.second()));
        }
        return commands;
    }

    /** The dyad's snapshot rows: payload type, revision, sequence number, payload. */
    private static List<Object[]> snapshotRows(EntenteStore store, Dyad dyad) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT payloadType, payloadRevision, sequenceNumber, payload FROM SnapshotEventEntry"
                     + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            ps.setString(1, dyad.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)});
                }
            }
        }
        return rows;
    }

    private static long snapshotCount(EntenteStore store) throws Exception {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SnapshotEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records the story unsnapshotted, snapshots it, checks the row, reopens and checks the store answers the
     * same and takes a command; returns the last sequence before that command.
     */
    private static long snapshotAndReopen(Supplier<EntenteStore> open) throws Exception {
        List<FactCommand> story = story(NER_USA, TALKS);
        long last;
        try (EntenteStore store = open.get()) {
            last = store.recordAll(story).positions().get(0).sequence();
            assertThat(last).isEqualTo(story.size() - 1);
            assertThat(snapshotCount(store)).as("the threshold was never reached").isZero();

            assertThat(store.snapshot(NER_USA)).isTrue();

            List<Object[]> rows = snapshotRows(store, NER_USA);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)[0]).isEqualTo(EventTypeRegistry.SNAPSHOT_NAME);
            assertThat(rows.get(0)[1]).isEqualTo(EventTypeRegistry.SNAPSHOT_REVISION);
            assertThat(rows.get(0)[2]).as("at the dyad's last event").isEqualTo(last);
            assertThat(store.snapshot(NER_USA)).as("a snapshot at the last event already").isFalse();
            assertThat(store.snapshot(FRA_NER)).as("a dyad never recorded").isFalse();
            assertThat(snapshotCount(store)).isEqualTo(1);
        }
        try (EntenteStore store = open.get()) {
            assertThat(store.snapshot(NER_USA)).as("the reopened store reads the snapshot").isFalse();
            assertThat(snapshotRows(store, NER_USA)).extracting(r -> r[2]).containsExactly(last);
            Recorded next = store.record(talks("talks-next", "2040-01-01", USA, NER));
            assertThat(next.events()).isEqualTo(1);
            assertThat(next.sequence()).isEqualTo(last + 1);
            assertThat(store.history(NER_USA).orElseThrow().size()).isEqualTo(story.size() + 1);
            assertThat(store.snapshot(NER_USA)).as("one event after the snapshot").isTrue();
            assertThat(snapshotRows(store, NER_USA)).as("the older snapshot replaced").extracting(r -> r[2]).containsExactly(last + 1);
        }
        return last;
    }

    @Test
    void aSnapshotTakenNowIsOneRevisionTwoRowAtTheLastEventAndACommandReadsOnlyTheEventsAfterIt() throws Exception {
        Supplier<EntenteStore> open = () -> EntenteStore.builder().h2(directory).snapshotThreshold(NEVER).build();
        snapshotAndReopen(open);
        try (EntenteStore store = open.get()) {
            store.recordAll(story(FRA_NER, TALKS));
        }
        try (EntenteStore store = open.get()) {
            H2EventReads.start(store);
            assertThat(store.record(talks("talks-after", "2040-01-02", USA, NER)).events()).isEqualTo(1);
            assertThat(H2EventReads.rows(store)).as("events read by a cold append to a dyad snapshotted at its last event").isZero();

            assertThat(store.record(talks("talks-after-fra", "2040-01-02", FRA, NER)).events()).isEqualTo(1);
            assertThat(H2EventReads.rows(store)).as("events read by a cold append to a dyad without a snapshot: all of them").isEqualTo(TALKS);
        }
    }

    @Test
    void theSnapshotHoldsTheSameBytesAsTheOneTheThresholdTakes() throws Exception {
        List<FactCommand> story = story(NER_USA, 40);
        List<Object[]> byThreshold;
        try (EntenteStore store = EntenteStore.builder().h2(directory.resolve("threshold")).snapshotThreshold(7).build()) {
            for (FactCommand c : story) {
                store.record(c);
            }
            byThreshold = snapshotRows(store, NER_USA);
        }
        assertThat(byThreshold).hasSize(1);
        long at = (Long) byThreshold.get(0)[2];
        assertThat(at).isPositive().isLessThan(story.size() - 1);
        try (EntenteStore store = EntenteStore.builder().h2(directory.resolve("now")).snapshotThreshold(NEVER).build()) {
            for (FactCommand c : story.subList(0, (int) at + 1)) {
                store.record(c);
            }
            assertThat(store.snapshot(NER_USA)).isTrue();
            List<Object[]> now = snapshotRows(store, NER_USA);
            assertThat(now).hasSize(1);
            assertThat(now.get(0)[2]).isEqualTo(at);
            assertThat(new String((byte[]) now.get(0)[3], java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String((byte[]) byThreshold.get(0)[3], java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aDyadOfOneEventTakesNoSnapshotAndAClosedStoreRefuses() throws Exception {
        EntenteStore closed;
        try (EntenteStore store = EntenteStore.builder().h2(directory).snapshotThreshold(NEVER).build()) {
            store.record(talks("one", "2024-01-01", FRA, NER));
            assertThat(store.snapshot(FRA_NER)).as("a snapshot at its only event saves nothing").isFalse();
            store.record(talks("two", "2024-01-02", FRA, NER));
            assertThat(store.snapshot(FRA_NER)).isTrue();
            assertThat(snapshotRows(store, FRA_NER)).extracting(r -> r[2]).containsExactly(1L);
            assertThat(store.snapshotThreshold()).isEqualTo(NEVER);
            closed = store;
        }
        assertThatThrownBy(() -> closed.snapshot(FRA_NER)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void onPostgresASnapshotTakenNowIsReadByAReopenedStore() throws Exception {
        try (Postgres pg = Postgres.freshSchema("snapshot_now")) {
            javax.sql.DataSource dataSource = pg.dataSource();
            snapshotAndReopen(() -> EntenteStore.builder().postgres(dataSource).snapshotThreshold(NEVER).build());
        }
    }
}
