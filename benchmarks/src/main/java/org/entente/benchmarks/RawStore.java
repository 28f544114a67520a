package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EventTypeRegistry;
import org.entente.internal.Projections;
import org.entente.internal.FactIndex;
import org.entente.internal.FactVersion;

/**
 * The baselines' plain JDBC: Entente's stored form (the same Jackson mapper, registry names and
 * revisions, Axon's row layout) written with batched inserts, and read back with one scan.
 */
final class RawStore {

    static final String INSERT_EVENT = "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_FACT_ID = "INSERT INTO entente_fact_id (fact_id, dyad) VALUES (?, ?)";
    private static final String AGGREGATE_TYPE = "RelationshipAggregate";

    private final EventTypeRegistry registry = EventTypeRegistry.standard();
    private final ObjectMapper mapper;

    RawStore() {
        this(false);
    }

    /**
     * @param canonical whether to deduplicate equal values while reading (strings, days, sources): a
     *                  prototype measuring what canonicalization would save in the projections' heap
     */
    RawStore(boolean canonical) {
        mapper = EntenteJackson.mapper(registry);
        if (canonical) {
            mapper.registerModule(Canonical.module());
        }
    }

    /** The event a command records in a store where it is valid (one event per command, as the generator's commands are). */
    static RelationshipEvent eventOf(RelationshipCommand command, Map<FactId, Dyad> dyadOf) {
        if (command instanceof FactCommand f) {
            return f.toEvent();
        }
        if (command instanceof RelationshipCommand.RetractFacts r) {
            return new RelationshipEvent.FactsRetracted(dyadOf.get(r.facts().get(0)), r.facts(), r.reason());
        }
        throw new IllegalArgumentException("the generator makes no " + command.getClass().getSimpleName());
    }

    /** The payload as Entente's event serializer writes it. */
    byte[] payload(RelationshipEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String typeName(RelationshipEvent event) {
        return registry.byClass(event.getClass()).orElseThrow().name();
    }

    /** A stored payload read back, refusing names outside the registry as Entente does. */
    RelationshipEvent read(String type, byte[] payload) {
        EventTypeRegistry.Entry entry = registry.byName(type)
                .orElseThrow(() -> new IllegalStateException("stored type " + type + " is not in the registry"));
        try {
            return (RelationshipEvent) mapper.readValue(payload, entry.type());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts the commands' events and fact ids with plain JDBC batches, committing every
     * {@code chunk} commands: what any writer of these rows must do, without rules, aggregates or Axon.
     *
     * @return how many events were written
     */
    int insert(Connection c, List<RelationshipCommand> commands, Map<FactId, Dyad> dyadOf, int chunk) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        Map<Dyad, Long> sequences = new HashMap<>();
        int written = 0;
        try (PreparedStatement events = c.prepareStatement(INSERT_EVENT); PreparedStatement ids = c.prepareStatement(INSERT_FACT_ID)) {
            byte[] metaData = null;
            for (int i = 0; i < commands.size(); i++) {
                if (i % chunk == 0) {
                    // Axon's metadata names the command message (trace and correlation id); one per chunk here.
                    String id = UUID.randomUUID().toString();
                    metaData = ("{\"traceId\":\"" + id + "\",\"correlationId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
                }
                RelationshipEvent event = eventOf(commands.get(i), dyadOf);
                Dyad dyad = event.dyad();
                long seq = sequences.merge(dyad, 1L, Long::sum) - 1;
                events.setString(1, UUID.randomUUID().toString());
                events.setString(2, dyad.id());
                events.setLong(3, seq);
                events.setString(4, AGGREGATE_TYPE);
                events.setString(5, DateTimeUtils.formatInstant(Instant.now()));
                events.setString(6, typeName(event));
                events.setString(7, "1");
                events.setBytes(8, payload(event));
                events.setBytes(9, metaData);
                events.addBatch();
                if (event instanceof FactEvent f) {
                    ids.setString(1, f.fact().id().value());
                    ids.setString(2, dyad.id());
                    ids.addBatch();
                }
                written++;
                if ((i + 1) % chunk == 0 || i == commands.size() - 1) {
                    events.executeBatch();
                    ids.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return written;
    }

    /**
     * The raw rebuild: one scan of the event table, payloads deserialized with the same mapper and
     * fed to the same projection code (the processor's rows, then the index).
     */
    FactIndex scanIntoIndex(Connection c) throws SQLException {
        List<FactVersion> all = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT sequenceNumber, timeStamp, payloadType, payload FROM DomainEventEntry ORDER BY globalIndex")) {
                while (rs.next()) {
                    RelationshipEvent e = read(rs.getString(3), rs.getBytes(4));
                    all.addAll(Projections.versions(e, rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2))));
                }
            }
        }
        FactIndex index = new FactIndex();
        index.apply(all);
        return index;
    }

    /** Binds a projection row (as Entente's processor writes it) to {@link StoredForm#INSERT_PROJECTION}'s parameters. */
    static void bindProjection(PreparedStatement ps, FactVersion v, String json) throws SQLException {
        ps.setString(1, v.dyad().id());
        ps.setLong(2, v.sequence());
        ps.setString(3, v.id().value());
        ps.setInt(4, v.revision());
        ps.setString(5, v.recordedAt().toString());
        ps.setString(6, json);
        ps.setString(7, v.reason().orElse(null));
    }

    /**
     * The raw catch-up and rebuild: one scan of the events after global index {@code after}, in order,
     * each deserialized with the same mapper, turned into the same projection rows and written into
     * {@code table} (the projection table's shape) in batches of 1,000, in one transaction.
     *
     * @return how many events were read
     */
    long scanWritingRows(Connection c, long after, String table) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        ObjectWriter facts = mapper.writerFor(FactEvent.class);
        long read = 0;
        int pending = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT sequenceNumber, timeStamp, payloadType, payload FROM DomainEventEntry"
                + " WHERE globalIndex > ? ORDER BY globalIndex");
             PreparedStatement insert = c.prepareStatement(StoredForm.INSERT_PROJECTION.replace("entente_projection_fact", table))) {
            q.setFetchSize(1000);
            q.setLong(1, after);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RelationshipEvent e = read(rs.getString(3), rs.getBytes(4));
                    Instant at = DateTimeUtils.parseInstant(rs.getString(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                    for (FactVersion v : Projections.versions(e, rs.getLong(1), at)) {
                        bindProjection(insert, v, v.fact().isPresent() ? facts.writeValueAsString(v.fact().get()) : null);
                        insert.addBatch();
                        if (++pending >= 1000) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    read++;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            c.commit();
        } catch (IOException e) {
            c.rollback();
            throw new UncheckedIOException(e);
        } finally {
            c.setAutoCommit(auto);
        }
        return read;
    }

    /** How many events the store holds. */
    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
