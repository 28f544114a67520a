package org.entente.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.internal.Columns;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventTypeRegistry;
import org.entente.internal.FactVersion;
import org.entente.internal.Projections;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Builds a large store the fastest honest way: everything Entente would write for a generated
 * history (events in Axon's row layout with Entente's serializer, fact ids, projection rows, the
 * dyads of each country, the projection tables' version, the processor's token at the head), by
 * PostgreSQL's COPY or by plain JDBC batches on H2, without rules, aggregates or Axon.
 *
 * <p>The tables, their indexes and the projection version are created by Entente itself (an
 * Entente opened once on the empty store), so the stored shape is whatever the Entente on the class
 * path creates; the rows are then written by COPY or batches, and the token is set to the head
 * through the store's own token store. Last, every dyad of at least the store's snapshot threshold in
 * events (250 by default) gets its snapshot through {@link EntenteStore#snapshot(Dyad)}, the store's
 * own snapshotter, so the bytes are Entente's: a dyad recorded through Entente has one too, taken
 * every threshold events. This one is at the dyad's last event, where Entente's last one is up to
 * threshold - 1 events before it: a first command on a built dyad reads its snapshot and no event, one
 * on a dyad recorded through Entente its snapshot and up to threshold - 1 events. Dyads below the
 * threshold have none, as through Entente.
 */
final class StoredForm {

    /** The table of each country's dyads (two rows per dyad), created where the Entente at hand does not create it. */
    static final String DYAD_TABLE = "entente_projection_dyad";
    private static final String DYAD_DDL = "CREATE TABLE IF NOT EXISTS " + DYAD_TABLE
            + " (country " + Columns.ACTOR + " NOT NULL, dyad " + Columns.ACTOR + " NOT NULL, PRIMARY KEY (country, dyad))";
    private static final String AGGREGATE_TYPE = "RelationshipAggregate";
    static final String INSERT_PROJECTION = "INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * What a build wrote.
     *
     * @param shape          the history's shape (dyads, facts)
     * @param events         event rows written
     * @param projectionRows projection rows written
     * @param head           the store's head (last global index) after the build
     * @param snapshots      dyad snapshots taken (dyads of at least the store's snapshot threshold in events)
     * @param snapshotSeconds wall time of taking them
     * @param seconds        wall time of the whole build, tables to snapshots
     */
    record Built(Generator.Shape shape, long events, long projectionRows, long head, int snapshots, double snapshotSeconds,
                 double seconds) {
    }

    private final RawStore raw = new RawStore();
    private final ObjectWriter factWriter = EntenteJackson.mapper(EventTypeRegistry.standard()).writerFor(FactEvent.class);

    /** The rows of one build, written by COPY or batches. */
    private interface Rows extends AutoCloseable {
        void event(String dyad, long seq, String time, String type, byte[] payload, byte[] metaData) throws SQLException;

        void factId(String id, String dyad) throws SQLException;

        void projection(FactVersion v, String json) throws SQLException;

        void dyad(String country, String dyad) throws SQLException;

        /** A point where a batch writer commits. */
        void chunkEnd() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /**
     * Builds a store of about {@code size} commands on PostgreSQL with COPY.
     *
     * @param entente the builder of an Entente on the (empty) schema
     * @param store   the builder of a bare store on the same schema
     * @param raw     a connection to the schema that the build owns (it opens three more like it)
     */
    static Built postgres(Entente.Builder entente, EntenteStore.Builder store, java.util.function.Supplier<Connection> raw,
                          long size, long seed) throws SQLException {
        return new StoredForm().build(entente, store, () -> new CopyRows(raw), size, seed);
    }

    /** Builds a store of about {@code size} commands in an H2 file with plain JDBC batches. */
    static Built h2(Entente.Builder entente, EntenteStore.Builder store, java.util.function.Supplier<Connection> raw, long size, long seed)
            throws SQLException {
        return new StoredForm().build(entente, store, () -> new BatchRows(raw.get()), size, seed);
    }

    private interface RowsFactory {
        Rows open() throws SQLException;
    }

    private Built build(Entente.Builder entente, EntenteStore.Builder storeBuilder, RowsFactory factory, long size, long seed)
            throws SQLException {
        long t0 = System.nanoTime();
        // Entente creates every table, index and the projection version on its first open of an empty store.
        try (Entente e = entente.build()) {
            e.awaitCaughtUp(Duration.ofMinutes(1));
        }
        long tables = System.nanoTime();
        Harness.log(String.format(Locale.ROOT, "build: tables created by Entente in %.1f s", Stats.seconds(tables - t0)));
        long[] counts = new long[2];
        // Each dyad's events (its commands: one event each), for the snapshots; about 8,000 dyads at 10M.
        Map<Dyad, Integer> eventsPerDyad = new java.util.LinkedHashMap<>();
        // The history is generated on a thread of its own, a few dyads ahead, while this one serializes
        // and writes: on two cores the generator, the serialization and the database overlap.
        java.util.concurrent.BlockingQueue<Map.Entry<Dyad, List<RelationshipCommand>>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(32);
        // The end of the history: an entry compared by identity.
        Map.Entry<Dyad, List<RelationshipCommand>> end = Map.entry(
                Dyad.of(org.entente.core.Country.all().get(0), org.entente.core.Country.all().get(1)), List.of());
        java.util.concurrent.CompletableFuture<Generator.Shape> generated = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Generator.forEachDyad(size, seed, (dyad, commands) -> put(queue, Map.entry(dyad, commands)));
            } finally {
                put(queue, end);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "stored-form-generator");
            t.setDaemon(true);
            t.start();
        });
        try (Rows rows = factory.open()) {
            long lastLog = System.nanoTime();
            for (Map.Entry<Dyad, List<RelationshipCommand>> next = take(queue); next != end; next = take(queue)) {
                write(rows, next.getKey(), next.getValue(), counts);
                eventsPerDyad.put(next.getKey(), next.getValue().size());
                if (System.nanoTime() - lastLog > 30_000_000_000L) {
                    lastLog = System.nanoTime();
                    Harness.log(String.format(Locale.ROOT, "build: %,d of about %,d events written (%.0f s)", counts[0], size,
                            Stats.seconds(System.nanoTime() - t0)));
                }
            }
        }
        Generator.Shape shape = generated.join();
        long written = System.nanoTime();
        Harness.log(String.format(Locale.ROOT, "build: %,d events and their rows written in %.1f s", counts[0], Stats.seconds(written - tables)));
        long head;
        int snapshots;
        double snapshotSeconds;
        try (EntenteStore store = storeBuilder.build()) {
            head = store.head();
            int segments = Math.max(1, store.tokenPositions(Projections.PROCESSOR).size());
            store.transactionManager().executeInTransaction(() -> {
                store.deleteTokens(Projections.PROCESSOR);
                store.tokenStore().initializeTokenSegments(Projections.PROCESSOR, segments, GapAwareTrackingToken.newInstance(head, Set.of()));
            });
            // After the token: snapshots are not events (no global index, nothing a processor reads), so the
            // rows and the token are the store whole, and a build stopped here leaves only slower first commands.
            long s0 = System.nanoTime();
            snapshots = snapshot(store, eventsPerDyad);
            snapshotSeconds = Stats.seconds(System.nanoTime() - s0);
            Harness.log(String.format(Locale.ROOT, "build: %,d snapshots in %.1f s (dyads of at least %,d events)", snapshots, snapshotSeconds,
                    store.snapshotThreshold()));
        }
        double seconds = Stats.seconds(System.nanoTime() - t0);
        Harness.log(String.format(Locale.ROOT, "build: %,d events, %,d projection rows, %,d dyads, %,d snapshots in %.1f s (%,.0f events/s)",
                counts[0], counts[1], shape.factsPerDyad().size(), snapshots, seconds, counts[0] / seconds));
        return new Built(shape, counts[0], counts[1], head, snapshots, snapshotSeconds, seconds);
    }

    /**
     * Takes the snapshot of every dyad of at least the store's threshold in events, as a store recorded
     * through Entente holds one for each of them.
     *
     * @return how many were taken
     */
    private static int snapshot(EntenteStore store, Map<Dyad, Integer> eventsPerDyad) {
        int threshold = store.snapshotThreshold();
        long due = eventsPerDyad.values().stream().filter(n -> n >= threshold).count();
        int taken = 0;
        long t0 = System.nanoTime();
        long lastLog = t0;
        for (Map.Entry<Dyad, Integer> e : eventsPerDyad.entrySet()) {
            if (e.getValue() < threshold) {
                continue;
            }
            if (!store.snapshot(e.getKey())) {
                throw new IllegalStateException("no snapshot taken of " + e.getKey() + " (" + e.getValue() + " events written)");
            }
            taken++;
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                lastLog = System.nanoTime();
                Harness.log(String.format(Locale.ROOT, "build: %,d of %,d snapshots taken (%.0f s)", taken, due, Stats.seconds(lastLog - t0)));
            }
        }
        return taken;
    }

    private static <T> void put(java.util.concurrent.BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the history", e);
        }
    }

    private static <T> T take(java.util.concurrent.BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the history", e);
        }
    }

    private void write(Rows rows, Dyad dyad, List<RelationshipCommand> commands, long[] counts) throws SQLException {
        Map<FactId, Dyad> dyadOf = new java.util.AbstractMap<>() {
            @Override
            public Dyad get(Object key) {
                return dyad;
            }

            @Override
            public Set<Entry<FactId, Dyad>> entrySet() {
                return Set.of();
            }
        };
        String id = dyad.id();
        rows.dyad(dyad.first().code(), id);
        rows.dyad(dyad.second().code(), id);
        byte[] metaData = null;
        Instant at = null;
        for (int seq = 0; seq < commands.size(); seq++) {
            if (seq % Harness.CHUNK == 0) {
                // As in RawStore: one command message (trace and correlation id) and one recording time per chunk.
                String trace = UUID.randomUUID().toString();
                metaData = ("{\"traceId\":\"" + trace + "\",\"correlationId\":\"" + trace + "\"}").getBytes(StandardCharsets.UTF_8);
                at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
            RelationshipEvent event = RawStore.eventOf(commands.get(seq), dyadOf);
            rows.event(id, seq, DateTimeUtils.formatInstant(at), raw.typeName(event), raw.payload(event), metaData);
            if (event instanceof FactEvent f) {
                rows.factId(f.fact().id().value(), id);
            }
            for (FactVersion v : Projections.versions(event, seq, at)) {
                rows.projection(v, v.fact().map(this::json).orElse(null));
                counts[1]++;
            }
            counts[0]++;
            if (counts[0] % 10_000 == 0) {
                rows.chunkEnd();
            }
        }
    }

    private String json(FactEvent e) {
        try {
            return factWriter.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Creates the dyad table where the Entente at hand has not. */
    private static void createDyadTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(DYAD_DDL);
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    // ----------------------------------------------------------------------------------------- COPY

    /** Four COPY streams on four connections, one per table, committed together at the end. */
    private static final class CopyRows implements Rows {
        private static final int FLUSH_CHARS = 1 << 20;
        private final Copy events;
        private final Copy factIds;
        private final Copy projections;
        private final Copy dyads;

        CopyRows(java.util.function.Supplier<Connection> connections) throws SQLException {
            Connection first = connections.get();
            first.setAutoCommit(true);
            createDyadTable(first);
            events = new Copy(first, "COPY DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                    + " payloadType, payloadRevision, payload, metaData) FROM STDIN");
            factIds = new Copy(connections.get(), "COPY entente_fact_id (fact_id, dyad) FROM STDIN");
            projections = new Copy(connections.get(), "COPY entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                    + " FROM STDIN");
            dyads = new Copy(connections.get(), "COPY " + DYAD_TABLE + " (country, dyad) FROM STDIN");
        }

        @Override
        public void event(String dyad, long seq, String time, String type, byte[] payload, byte[] metaData) throws SQLException {
            StringBuilder b = events.line;
            b.append(UUID.randomUUID()).append('\t').append(dyad).append('\t').append(seq).append('\t').append(AGGREGATE_TYPE)
                    .append('\t').append(time).append('\t').append(type).append("\t1\t");
            bytea(b, payload);
            b.append('\t');
            bytea(b, metaData);
            b.append('\n');
            events.maybeFlush();
        }

        @Override
        public void factId(String id, String dyad) throws SQLException {
            text(factIds.line, id).append('\t').append(dyad).append('\n');
            factIds.maybeFlush();
        }

        @Override
        public void projection(FactVersion v, String json) throws SQLException {
            StringBuilder b = projections.line;
            b.append(v.dyad().id()).append('\t').append(v.sequence()).append('\t');
            text(b, v.id().value()).append('\t').append(v.revision()).append('\t').append(v.recordedAt()).append('\t');
            nullable(b, json).append('\t');
            nullable(b, v.reason().orElse(null)).append('\n');
            projections.maybeFlush();
        }

        @Override
        public void dyad(String country, String dyad) throws SQLException {
            dyads.line.append(country).append('\t').append(dyad).append('\n');
            dyads.maybeFlush();
        }

        @Override
        public void chunkEnd() {
        }

        @Override
        public void close() throws SQLException {
            // The events first: the other tables' rows mean nothing without them (a scratch schema either way).
            for (Copy c : List.of(events, factIds, projections, dyads)) {
                c.finish();
            }
        }

        private static void bytea(StringBuilder b, byte[] bytes) {
            // bytea in hex, its backslash escaped for COPY's text format.
            b.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        }

        private static StringBuilder nullable(StringBuilder b, String s) {
            return s == null ? b.append("\\N") : text(b, s);
        }

        /** COPY's text format: backslash, tab, newline and carriage return escaped. */
        private static StringBuilder text(StringBuilder b, String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(ch);
                }
            }
            return b;
        }

        private static final class Copy {
            final Connection connection;
            final CopyIn in;
            final StringBuilder line = new StringBuilder(FLUSH_CHARS + 4096);

            Copy(Connection connection, String sql) throws SQLException {
                this.connection = connection;
                connection.setAutoCommit(false);
                this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            }

            void maybeFlush() throws SQLException {
                if (line.length() >= FLUSH_CHARS) {
                    flush();
                }
            }

            void flush() throws SQLException {
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                line.setLength(0);
            }

            void finish() throws SQLException {
                try {
                    flush();
                    in.endCopy();
                    connection.commit();
                } finally {
                    connection.close();
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------- batches

    /** Plain JDBC batches on one connection, committed every 10,000 events. */
    private static final class BatchRows implements Rows {
        private final Connection c;
        private final PreparedStatement events;
        private final PreparedStatement factIds;
        private final PreparedStatement projections;
        private final PreparedStatement dyads;

        BatchRows(Connection c) throws SQLException {
            this.c = c;
            c.setAutoCommit(true);
            createDyadTable(c);
            c.setAutoCommit(false);
            events = c.prepareStatement(RawStore.INSERT_EVENT);
            factIds = c.prepareStatement(RawStore.INSERT_FACT_ID);
            projections = c.prepareStatement(INSERT_PROJECTION);
            dyads = c.prepareStatement("INSERT INTO " + DYAD_TABLE + " (country, dyad) VALUES (?, ?)");
        }

        @Override
        public void event(String dyad, long seq, String time, String type, byte[] payload, byte[] metaData) throws SQLException {
            events.setString(1, UUID.randomUUID().toString());
            events.setString(2, dyad);
            events.setLong(3, seq);
            events.setString(4, AGGREGATE_TYPE);
            events.setString(5, time);
            events.setString(6, type);
            events.setString(7, "1");
            events.setBytes(8, payload);
            events.setBytes(9, metaData);
            events.addBatch();
        }

        @Override
        public void factId(String id, String dyad) throws SQLException {
            factIds.setString(1, id);
            factIds.setString(2, dyad);
            factIds.addBatch();
        }

        @Override
        public void projection(FactVersion v, String json) throws SQLException {
            RawStore.bindProjection(projections, v, json);
            projections.addBatch();
        }

        @Override
        public void dyad(String country, String dyad) throws SQLException {
            dyads.setString(1, country);
            dyads.setString(2, dyad);
            dyads.addBatch();
        }

        @Override
        public void chunkEnd() throws SQLException {
            events.executeBatch();
            factIds.executeBatch();
            projections.executeBatch();
            dyads.executeBatch();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            try {
                chunkEnd();
                c.setAutoCommit(true);
            } finally {
                c.close();
            }
        }
    }
}
