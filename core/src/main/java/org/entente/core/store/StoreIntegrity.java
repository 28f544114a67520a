package org.entente.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.entente.core.EntenteException;
import org.entente.core.relationship.FactEvent;

/**
 * Checks the tables of a store against its events, and rebuilds the derived ones (fact ids,
 * snapshots) from them. Events are the truth; the projections module checks and rebuilds its own
 * rows and token. Service-provider interface: applications use {@code Entente.Builder#check()} and
 * {@code #repair(boolean)}.
 *
 * <p>On open only indexed maxima, single-row probes and the head mark are read, so opening stays
 * independent of the store's size; {@link #check} reads every row.
 */
public final class StoreIntegrity {

    static final String REBUILT_FACT_IDS = FactIdRegistry.TABLE + "_rebuilt";

    private StoreIntegrity() {
    }

    /** The checks made on open: cheap ones only (no count, no scan). */
    static List<IntegrityFinding> onOpen(ConnectionProvider connections, HeadMark mark) {
        List<IntegrityFinding> found = new ArrayList<>();
        try (Connection c = connections.getConnection()) {
            if (tableExists(c, ImportMarker.TABLE) && any(c, ImportMarker.TABLE)) {
                // An import into this store stopped half-way: its tables are expected to disagree until the
                // same import is run again, which must be able to open the store to finish it. Entente's open
                // refuses the store meanwhile (StoreCopy.unfinishedImport).
                return found;
            }
            long head = head(c);
            boolean factIds = any(c, FactIdRegistry.TABLE);
            boolean snapshots = any(c, "SnapshotEventEntry");
            if (head < 0 && (factIds || snapshots)) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.EVENTS_MISSING, "the event table is empty but "
                        + (factIds ? "the fact-id table" : "the snapshot table") + " holds rows", false));
            }
            if (head >= 0 && !factIds) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP,
                        "the store holds events up to position " + head + " but the fact-id table is empty", true));
            }
            if (tableExists(c, REBUILT_FACT_IDS)) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP,
                        "a repair of the fact-id table was interrupted", true));
            }
            if (mark != null) {
                OptionalLong marked = mark.read();
                if (marked.isPresent() && marked.getAsLong() > head) {
                    found.add(new IntegrityFinding(IntegrityFinding.Kind.EVENTS_MISSING, "the store file holds events up to position "
                            + head + " but " + mark.file() + " records that events up to " + marked.getAsLong()
                            + " were committed: the file was truncated or replaced by an older copy"
                            + " (if you replaced it on purpose, delete " + mark.file().getFileName() + ")", false));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not check the store's tables: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Reads every event and every derived row of the core tables: sequences contiguous per dyad from
     * 0, the fact-id table equal to the recorded facts' ids and dyads, no snapshot ahead of its dyad.
     *
     * @param also told every event read, in the same scan (the projections check their rows with it)
     * @param store an open store, of any backend
     * @return the findings and the number of events read
     */
    public static IntegrityReport check(EntenteStore store, Consumer<StoredEvent> also) {
        Map<String, Long> next = new HashMap<>();
        List<String> gaps = new ArrayList<>();
        long[] events = {0};
        Digest derived = new Digest();
        store.scanEvents(e -> {
            events[0]++;
            long expected = next.getOrDefault(e.aggregateIdentifier(), 0L);
            if (e.sequenceNumber() != expected && gaps.size() < 5) {
                gaps.add(e.aggregateIdentifier() + " goes from " + (expected - 1) + " to " + e.sequenceNumber());
            }
            next.put(e.aggregateIdentifier(), Math.max(expected, e.sequenceNumber() + 1));
            if (e.payload() instanceof FactEvent f) {
                derived.add(f.fact().id().value(), f.dyad().id());
            }
            also.accept(e);
        });
        List<IntegrityFinding> found = new ArrayList<>();
        if (!gaps.isEmpty()) {
            found.add(new IntegrityFinding(IntegrityFinding.Kind.SEQUENCE_GAP, "events are missing inside dyads: "
                    + String.join(", ", gaps), false));
        }
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            Digest table = new Digest();
            try (ResultSet rs = s.executeQuery("SELECT fact_id, dyad FROM " + FactIdRegistry.TABLE)) {
                while (rs.next()) {
                    table.add(rs.getString(1), rs.getString(2));
                }
            }
            long counted;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + FactIdRegistry.TABLE)) {
                rs.next();
                counted = rs.getLong(1);
            }
            if (!table.equals(derived) || counted != table.rows) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP, "the fact-id table holds " + table.rows
                        + " row(s)" + (counted != table.rows ? " (its count says " + counted + ")" : "") + ", the recorded facts "
                        + derived.rows + " id(s)" + (table.rows == derived.rows ? ", with other contents" : ""), true));
            }
            if (tableExists(c, REBUILT_FACT_IDS)) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP,
                        "a repair of the fact-id table was interrupted", true));
            }
            List<String> ahead = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT aggregateIdentifier, MAX(sequenceNumber) FROM SnapshotEventEntry GROUP BY aggregateIdentifier")) {
                while (rs.next()) {
                    long last = next.getOrDefault(rs.getString(1), 0L) - 1;
                    if (rs.getLong(2) > last && ahead.size() < 5) {
                        ahead.add(rs.getString(1) + " snapshot at " + rs.getLong(2) + ", events to " + last);
                    }
                }
            }
            if (!ahead.isEmpty()) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.SNAPSHOT_AHEAD, String.join(", ", ahead), true));
            }
            if (events[0] == 0 && table.rows > 0) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.EVENTS_MISSING,
                        "the event table is empty but the fact-id table holds rows", false));
            }
        } catch (SQLException e) {
            throw new EntenteException("could not check the store's tables: " + e.getMessage(), e);
        }
        if (store.headMark() != null) {
            OptionalLong marked = store.headMark().read();
            long head = store.head();
            if (marked.isPresent() && marked.getAsLong() > head) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.EVENTS_MISSING, "the store file holds events up to position "
                        + head + " but " + store.headMark().file() + " records " + marked.getAsLong(), false));
            }
        }
        return new IntegrityReport(true, events[0], found, List.of());
    }

    /**
     * Rebuilds the core tables that the findings name from the events: the fact-id table (into a new
     * table, swapped in when complete, so an interrupted repair leaves the old one or is detected and
     * redone) and the snapshots (deleted: Axon takes new ones). Findings of other kinds are left.
     *
     * @param store an open store on which no instance is writing
     * @param findings what {@link #check} found; only the fact-id table's and the snapshots' findings are repaired
     * @return what was rebuilt
     */
    public static List<String> repair(EntenteStore store, List<IntegrityFinding> findings) {
        List<String> done = new ArrayList<>();
        if (findings.stream().anyMatch(f -> f.kind() == IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP)) {
            done.add("the fact-id table: " + rebuildFactIds(store) + " fact id(s) from the events");
        }
        if (findings.stream().anyMatch(f -> f.kind() == IntegrityFinding.Kind.SNAPSHOT_AHEAD)) {
            try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
                int deleted = s.executeUpdate("DELETE FROM SnapshotEventEntry");
                done.add("the snapshots: " + deleted + " deleted (new ones are taken as dyads grow)");
            } catch (SQLException e) {
                throw new EntenteException("could not delete the snapshots: " + e.getMessage(), e);
            }
        }
        return done;
    }

    private static long rebuildFactIds(EntenteStore store) {
        long[] rows = {0};
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + REBUILT_FACT_IDS);
            s.execute(FactIdRegistry.ddl(REBUILT_FACT_IDS));
        } catch (SQLException e) {
            throw new EntenteException("could not rebuild the fact-id table: " + e.getMessage(), e);
        }
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("rebuild fact ids"));
        try {
            uow.attachTransaction(store.transactionManager());
            Connection c = store.connections().getConnection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + REBUILT_FACT_IDS + " (fact_id, dyad) VALUES (?, ?)")) {
                int[] pending = {0};
                store.scanEvents(e -> {
                    if (e.payload() instanceof FactEvent f) {
                        try {
                            ps.setString(1, f.fact().id().value());
                            ps.setString(2, f.dyad().id());
                            ps.addBatch();
                            rows[0]++;
                            if (++pending[0] >= 1000) {
                                ps.executeBatch();
                                pending[0] = 0;
                            }
                        } catch (SQLException ex) {
                            throw new EntenteException("could not rebuild the fact-id table: " + ex.getMessage(), ex);
                        }
                    }
                });
                if (pending[0] > 0) {
                    ps.executeBatch();
                }
            }
            uow.commit();
        } catch (SQLException | RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            throw new EntenteException("could not rebuild the fact-id table: " + e.getMessage(), e);
        }
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + FactIdRegistry.TABLE);
            s.execute("ALTER TABLE " + REBUILT_FACT_IDS + " RENAME TO " + FactIdRegistry.TABLE);
        } catch (SQLException e) {
            throw new EntenteException("could not swap in the rebuilt fact-id table: " + e.getMessage(), e);
        }
        return rows[0];
    }

    /** The event at the highest global position at or below {@code position}, if any. */
    static Optional<EventPosition> lastEventAtOrBefore(Connection c, long position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT globalIndex, aggregateIdentifier, sequenceNumber FROM DomainEventEntry"
                + " WHERE globalIndex <= ? ORDER BY globalIndex DESC LIMIT 1")) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new EventPosition(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    /** Up to {@code limit} events after a global position, in global order. */
    static java.util.List<EventPosition> eventsAfter(Connection c, long position, int limit) throws SQLException {
        java.util.List<EventPosition> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT globalIndex, aggregateIdentifier, sequenceNumber FROM DomainEventEntry"
                + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?")) {
            ps.setLong(1, position);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventPosition(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Each aggregate's last sequence number among the events at or below a global position. */
    static java.util.Map<String, Long> lastSequences(Connection c, long position) throws SQLException {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT aggregateIdentifier, MAX(sequenceNumber) FROM DomainEventEntry"
                + " WHERE globalIndex <= ? GROUP BY aggregateIdentifier")) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** The global index of the last stored event, -1 when there is none: the one query for the store's head. */
    static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
    }

    private static boolean any(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE UPPER(TABLE_NAME) = ? AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            ps.setString(1, table.toUpperCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** An order-independent digest of (key, value) rows: their count and the sum of a 64-bit hash of each. */
    public static final class Digest {
        private final MessageDigest sha;
        private long rows;
        private long sum;

        /** An empty digest. */
        public Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Adds one row made of these parts.
         *
         * @param parts the row's values in a fixed order, such as a key and its value; a null part counts as {@code "null"}
         */
        public void add(String... parts) {
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] h = sha.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            sum += v;
            rows++;
        }

        /** {@return how many rows were added} */
        public long rows() {
            return rows;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && d.rows == rows && d.sum == sum;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(sum) * 31 + Long.hashCode(rows);
        }
    }
}
