package org.entente.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.internal.Columns;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventTypeRegistry;

/**
 * The SQL of the projection tables, and of the per-dyad reads of the event table the projections make.
 * It owns {@value #TABLE} (one row per fact version: dyad, sequence, fact id, revision, recording time,
 * the fact as JSON, the reason of a retraction or correction), {@value #DYADS} (each dyad under both its
 * countries) and {@value #META} (the tables' version): creating, widening and migrating them, writing a
 * batch's rows and listing its dyad, replacing everything in a rebuild, reading a dyad's rows, a
 * country's dyads and whole tables for the integrity check, and loading a dyad's versions from its
 * events, counting the rows and events those loads read.
 *
 * <p>It decides nothing: which load serves a mode, up to which position, in which transaction, and
 * what an out-of-step table means are {@link Projections}' business. Statements that must join the
 * caller's transaction take its {@link Connection}; the others borrow one from the store.
 */
final class DyadRows {

    /** One row per fact version. */
    static final String TABLE = "entente_projection_fact";
    /** Each dyad under both its countries: a country's dyads without reading their history. */
    static final String DYADS = "entente_projection_dyad";
    /** The projection tables' version, under the name of {@value #TABLE}. */
    static final String META = "entente_projection_meta";
    /** What H2 reports as the length of a {@code VARCHAR} declared without one. */
    static final long UNBOUNDED_ON_H2 = 1_000_000_000L;

    private static final String INSERT_ROW = "INSERT INTO " + TABLE
            + " (dyad, seq, fact_id, revision, recorded_at, payload, reason) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final ObjectMapper MAPPER = EntenteJackson.mapper(EventTypeRegistry.standard());
    private static final ObjectWriter WRITER = MAPPER.writerFor(FactEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(FactEvent.class);
    /** Under the projections' name: what a migration logs is theirs. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Projections.class);

    private final EntenteStore store;
    /** Dyads known to be in {@value #DYADS} (bounded by the number of dyads); filled after commits. */
    private final Set<Dyad> registered = ConcurrentHashMap.newKeySet();
    private final AtomicLong read;

    /**
     * @param store the open store whose database holds the tables
     * @param read  counts the rows and events the loads of dyads read
     */
    DyadRows(EntenteStore store, AtomicLong read) {
        this.store = store;
        this.read = read;
    }

    // ------------------------------------------------------------------------------ the tables' shape

    /**
     * Creates the projection tables if missing, widens the columns an earlier version created narrower
     * (in place: no row is rewritten by Entente, and the version is not changed here); returns the
     * stored version (-1 when none).
     */
    static int createTables(ConnectionProvider connections) {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (dyad " + Columns.ACTOR + " NOT NULL, seq BIGINT NOT NULL,"
                    + " fact_id VARCHAR(128) NOT NULL, revision INT NOT NULL, recorded_at VARCHAR(40) NOT NULL,"
                    + " payload VARCHAR, reason VARCHAR, PRIMARY KEY (dyad, seq, fact_id))");
            s.execute("CREATE TABLE IF NOT EXISTS " + META + " (name VARCHAR(64) NOT NULL PRIMARY KEY, version INT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + DYADS + " (country " + Columns.ACTOR + " NOT NULL, dyad " + Columns.ACTOR
                    + " NOT NULL, PRIMARY KEY (country, dyad))");
            unbound(c, "payload");
            unbound(c, "reason");
            widenActors(c);
            return storedVersion(c);
        } catch (SQLException e) {
            throw new EntenteException("could not create the projection tables: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the size cap of a text column created by an earlier version ({@code VARCHAR(100000)} for
     * payloads, {@code VARCHAR(2000)} for reasons): a fact within every documented limit (twenty sources
     * of 2,000-character texts) serializes to more than 100,000 characters, and a row that does not fit
     * would stop processing. {@code VARCHAR} without a length is unbounded on PostgreSQL and holds up to
     * 10^9 characters on H2.
     */
    private static void unbound(Connection c, String column) throws SQLException {
        long max = Columns.declaredLength(c, TABLE, column);
        if (max >= 0 && max < UNBOUNDED_ON_H2) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR");
            }
        }
    }

    /**
     * Widens the actor columns of tables created before version 3 ({@code VARCHAR(16)}, too narrow for
     * a dyad of organisations such as {@code ORG:ASEAN-ORG:ECOWAS}) to {@link Columns#ACTOR}; columns as
     * wide are left alone. The caller holds the schema lock.
     */
    private static void widenActors(Connection c) throws SQLException {
        List<String> widened = new ArrayList<>();
        for (String[] column : new String[][] {{TABLE, "dyad"}, {DYADS, "country"}, {DYADS, "dyad"}}) {
            if (Columns.widen(c, column[0], column[1], Columns.ACTOR_WIDTH)) {
                widened.add(column[0] + "." + column[1]);
            }
        }
        if (!widened.isEmpty()) {
            LOG.info("projection columns {} widened to {} for organisations' codes", widened, Columns.ACTOR);
        }
    }

    private static int storedVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + META + " WHERE name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /**
     * Fills {@value #DYADS} from the rows of a version-1 store (one scan of distinct dyads, once) and
     * marks the tables {@code version}, in one transaction.
     */
    static void migrateFromVersion1(ConnectionProvider connections, int version) {
        try (Connection c = connections.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Dyad> dyads = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT dyad FROM " + TABLE)) {
                    while (rs.next()) {
                        dyads.add(Dyad.parse(rs.getString(1)));
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM " + DYADS);
                }
                insertDyads(c, dyads);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + META + " SET version = ? WHERE name = ?")) {
                    ps.setInt(1, version);
                    ps.setString(2, TABLE);
                    ps.executeUpdate();
                }
                c.commit();
                LOG.info("projection tables migrated from version 1 to {}: {} dyad(s) listed by country", version, dyads.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new EntenteException("could not migrate the projection tables from version 1: " + e.getMessage(), e);
        }
    }

    /**
     * Marks version-2 tables {@code version}: what version 3 changed, the actor columns' width, is done
     * in place by {@link #createTables}, so the rows and the dyad list stand as they are.
     */
    static void migrateFromVersion2(ConnectionProvider connections, int version) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE " + META + " SET version = ? WHERE name = ? AND version = 2")) {
            ps.setInt(1, version);
            ps.setString(2, TABLE);
            ps.executeUpdate();
            LOG.info("projection tables migrated from version 2 to {}: actor columns are {}", version, Columns.ACTOR);
        } catch (SQLException e) {
            throw new EntenteException("could not migrate the projection tables from version 2: " + e.getMessage(), e);
        }
    }

    /** Inserts both countries' rows of each dyad into an {@value #DYADS} that holds none of them. */
    static void insertDyads(Connection c, Collection<Dyad> dyads) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + DYADS + " (country, dyad) VALUES (?, ?)")) {
            int pending = 0;
            for (Dyad d : dyads) {
                for (Actor country : List.of(d.first(), d.second())) {
                    ps.setString(1, country.code());
                    ps.setString(2, d.id());
                    ps.addBatch();
                    pending++;
                }
                if (pending >= 1_000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    // ----------------------------------------------------------------------------- checks on the rows

    /** Whether {@value #TABLE} holds any row. */
    static boolean anyRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + TABLE + " LIMIT 1")) {
            return rs.next();
        }
    }

    /** Whether the event of a dyad at a sequence number has a row. */
    static boolean rowExists(Connection c, String dyad, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE dyad = ? AND seq = ?")) {
            ps.setString(1, dyad);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Receives every row of {@value #TABLE} as stored text, for a digest. */
    @FunctionalInterface
    interface RowSink {
        void row(String dyad, long seq, String factId, int revision, String recordedAt, String payload, String reason);
    }

    /**
     * Reads both tables whole, for the full check: every row of {@value #TABLE} to {@code rows}, and
     * returns the pairs {@value #DYADS} holds, each as {@code "COUNTRY DYAD"}.
     */
    static Set<String> readAll(ConnectionProvider connections, RowSink rows) {
        Set<String> listed = new HashSet<>();
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT dyad, seq, fact_id, revision, recorded_at, payload, reason FROM " + TABLE)) {
                while (rs.next()) {
                    rows.row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                            rs.getString(7));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT country, dyad FROM " + DYADS)) {
                while (rs.next()) {
                    listed.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the projection table: " + e.getMessage(), e);
        }
        return listed;
    }

    // -------------------------------------------------------------------------------------- one dyad

    /**
     * A dyad's rows, by the table's key prefix: exactly what the processor applied (its rows commit
     * with its token, and the index hears of them after that commit).
     */
    List<FactVersion> load(Dyad dyad) {
        List<FactVersion> out = new ArrayList<>();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT dyad, seq, fact_id, revision, recorded_at, payload, reason FROM "
                     + TABLE + " WHERE dyad = ? ORDER BY seq, fact_id")) {
            ps.setString(1, dyad.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FactVersion(dyad, rs.getLong(2), FactId.of(rs.getString(3)), rs.getInt(4),
                            Optional.ofNullable(rs.getString(6)).map(DyadRows::fact), Instant.parse(rs.getString(5)),
                            Optional.ofNullable(rs.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the projection rows of " + dyad + ": " + e.getMessage(), e);
        }
        read.addAndGet(out.size());
        return out;
    }

    /**
     * A dyad's versions from its events (by the event table's aggregate key, snapshots left aside),
     * leaving out the events beyond a global position ({@link Long#MAX_VALUE}: none left out).
     *
     * <p>Two reads: Axon's stream of the dyad's events (deserialized after the store's upcasters) does
     * not say where each event stands globally, so the sequence numbers beyond the position are read
     * apart, after the events. In that order every event the stream returned was committed before the
     * second read began, so an event beyond the position is always left out; read first, an event
     * committed between the two reads would be loaded although it lies beyond the position.
     *
     * @param dyad     the dyad
     * @param position the last global position to include, read by the caller before this load
     */
    List<FactVersion> loadEvents(Dyad dyad, long position) {
        List<FactVersion> out = new ArrayList<>();
        long events = 0;
        DomainEventStream stream = store.axonConfiguration().eventStore().readEvents(dyad.id(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events++;
            if (message.getPayload() instanceof RelationshipEvent e) {
                out.addAll(Projections.versions(e, message));
            }
        }
        read.addAndGet(events);
        if (position != Long.MAX_VALUE && !out.isEmpty()) {
            Set<Long> ahead = sequencesAfter(dyad, position);
            out.removeIf(v -> ahead.contains(v.sequence()));
        }
        return out;
    }

    /** The sequence numbers of a dyad's events beyond a global position (by the event table's dyad key). */
    private Set<Long> sequencesAfter(Dyad dyad, long position) {
        Set<Long> out = new HashSet<>();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? AND globalIndex > ?")) {
            ps.setString(1, dyad.id());
            ps.setLong(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the events of " + dyad + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** {@return the dyads of a country listed in {@value #DYADS}} */
    Set<Dyad> dyadsOf(Actor country) {
        Set<Dyad> out = new HashSet<>();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT dyad FROM " + DYADS + " WHERE country = ?")) {
            ps.setString(1, country.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Dyad.parse(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the dyads of " + country + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The rows of one event and what to say about that event if its rows cannot be written. */
    record EventRows(List<FactVersion> rows, Consumer<SQLException> failed) {
    }

    /** The unit of work's resource holding the rows it has staged, written once before it commits. */
    private static final String STAGED = "entente.projection.staged";

    /**
     * Stages one event's rows (all of one dyad) in the current unit of work; they are written on its
     * transaction's connection in one JDBC batch just before it commits, with the dyads they list. One
     * batch per unit of work rather than per event: the processor's catch-up made one round trip per
     * event (50,000 for 50,000 facts on PostgreSQL). Outside a unit of work they are written at once.
     *
     * @param rows   the event's rows
     * @param failed told the failure when this event's rows are the ones that cannot be written, before it is thrown
     */
    void write(List<FactVersion> rows, Consumer<SQLException> failed) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(List.of(new EventRows(rows, failed)));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<EventRows> staged = root.getOrComputeResource(STAGED, k -> {
            List<EventRows> fresh = new ArrayList<>();
            root.onPrepareCommit(u -> flush(fresh));
            return fresh;
        });
        staged.add(new EventRows(rows, failed));
    }

    /**
     * Writes staged rows in one batch on the current transaction's connection and lists their new dyads.
     * When the batch fails, it is rolled back to a savepoint and the rows are written event by event, so
     * that the event whose rows fail is the one reported (a processing failure names its event).
     */
    private void flush(List<EventRows> events) {
        try {
            Connection c = store.connections().getConnection();
            try {
                Savepoint before = c.setSavepoint();
                try {
                    insert(c, events);
                } catch (SQLException batch) {
                    // On PostgreSQL the failed statement aborted the transaction: back to before the batch.
                    c.rollback(before);
                    for (EventRows event : events) {
                        try {
                            insert(c, List.of(event));
                        } catch (SQLException one) {
                            event.failed().accept(one);
                            throw one;
                        }
                    }
                    // Each event's rows went in alone (the batch's failure did not recur): carry on.
                }
                Set<Dyad> listed = new HashSet<>();
                for (EventRows event : events) {
                    if (!event.rows().isEmpty()) {
                        Dyad dyad = event.rows().get(0).dyad();
                        if (!registered.contains(dyad) && listed.add(dyad)) {
                            register(c, dyad);
                        }
                    }
                }
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            throw new EntenteException("could not write the projection table: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, List<EventRows> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ROW)) {
            for (EventRows event : events) {
                for (FactVersion v : event.rows()) {
                    bind(ps, v);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Lists a dyad under both its countries in the transaction that writes its rows, unless it is
     * listed already (another instance may have listed it: an insert that finds the row does nothing).
     */
    private void register(Connection c, Dyad dyad) throws SQLException {
        String sql = store.backend() == EntenteStore.Backend.POSTGRES
                ? "INSERT INTO " + DYADS + " (country, dyad) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO " + DYADS + " (country, dyad) KEY (country, dyad) VALUES (?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Actor country : List.of(dyad.first(), dyad.second())) {
                ps.setString(1, country.code());
                ps.setString(2, dyad.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        CurrentUnitOfWork.ifStarted(u -> u.root().afterCommit(x -> registered.add(dyad)));
    }

    // ----------------------------------------------------------------------------------- the rebuild

    /** Empties the three tables on the rebuild's connection (its transaction) and forgets which dyads are listed. */
    void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + TABLE);
            s.execute("DELETE FROM " + DYADS);
            s.execute("DELETE FROM " + META + " WHERE name = '" + TABLE + "'");
        }
        registered.clear();
    }

    /** The statement that inserts rows ({@link #bind} one, then add it to the batch). */
    static PreparedStatement insertRows(Connection c) throws SQLException {
        return c.prepareStatement(INSERT_ROW);
    }

    /** Marks the tables as of a version, on the rebuild's connection. */
    static void markVersion(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + META + " (name, version) VALUES (?, ?)")) {
            ps.setString(1, TABLE);
            ps.setInt(2, version);
            ps.executeUpdate();
        }
    }

    /** Sets an insert's parameters to a version's columns. */
    static void bind(PreparedStatement ps, FactVersion v) throws SQLException {
        ps.setString(1, v.dyad().id());
        ps.setLong(2, v.sequence());
        ps.setString(3, v.id().value());
        ps.setInt(4, v.revision());
        ps.setString(5, v.recordedAt().toString());
        ps.setString(6, v.fact().map(DyadRows::json).orElse(null));
        ps.setString(7, v.reason().orElse(null));
    }

    // ------------------------------------------------------------------------------- a fact as JSON

    /** A fact as a row's {@code payload} holds it. */
    static String json(FactEvent e) {
        try {
            return WRITER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new EntenteException("could not write fact " + e.fact().id() + " as JSON: " + ex.getMessage(), ex);
        }
    }

    private static FactEvent fact(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException ex) {
            throw new EntenteException("a projection row does not hold a fact Entente can read: " + ex.getOriginalMessage(), ex);
        }
    }
}
