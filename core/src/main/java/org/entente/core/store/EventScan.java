package org.entente.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.entente.core.EntenteException;

/**
 * One plain scan of Axon's event table in global order (for rebuilding projections): a single query
 * read 1,000 rows at a time, payloads deserialized by the store's event serializer after its
 * upcasters, and the tracking token at which a streaming processor resumes exactly after the scan.
 *
 * <p>The token is what Axon's own stream would end on: a {@link GapAwareTrackingToken} at the highest
 * index read, whose gaps are the indexes missing below it (from the engine's lowest global sequence),
 * keeping only those within the engine's maximum gap offset of the index before the last, as
 * {@link GapAwareTrackingToken#advanceTo} does. A gap is an event not yet committed when the scan read
 * the table (or a position never used); the processor reads it if it appears.
 */
final class EventScan {

    private static final int FETCH_SIZE = 1000;
    private static final int UPCAST_BATCH = 1000;

    private final ConnectionProvider connections;
    private final JdbcTransactions transactions;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final long lowestGlobalSequence;
    private final int maxGapOffset;

    /** {@code upcasters} null when the store has none (payloads are then deserialized directly). */
    EventScan(ConnectionProvider connections, JdbcTransactions transactions, Serializer serializer, EventUpcaster upcasters,
              long lowestGlobalSequence, int maxGapOffset) {
        this.connections = connections;
        this.transactions = transactions;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.lowestGlobalSequence = lowestGlobalSequence;
        this.maxGapOffset = maxGapOffset;
    }

    /**
     * Feeds every stored event to {@code sink} in global order, in the calling thread's transaction
     * if it has one (else in a read-only one of its own: PostgreSQL reads in batches only inside a
     * transaction). Returns the token after the last event read, null when the store is empty.
     */
    GapAwareTrackingToken scan(Consumer<StoredEvent> sink) {
        Transaction own = transactions.inTransaction() ? null : transactions.startTransaction();
        try {
            GapAwareTrackingToken token = read(sink);
            if (own != null) {
                own.commit();
            }
            return token;
        } catch (SQLException | RuntimeException e) {
            if (own != null) {
                try {
                    own.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new EntenteException("could not read the event table: " + e.getMessage(), e);
        }
    }

    private GapAwareTrackingToken read(Consumer<StoredEvent> sink) throws SQLException {
        boolean upcast = upcasters != null;
        String columns = "globalIndex, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payloadRevision, payload"
                + (upcast ? ", eventIdentifier, type, metaData" : "");
        long max = -1;
        long next = lowestGlobalSequence;
        TreeSet<Long> gaps = new TreeSet<>();
        List<TrackedEventData<byte[]>> batch = upcast ? new ArrayList<>(UPCAST_BATCH) : null;
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery("SELECT " + columns + " FROM DomainEventEntry ORDER BY globalIndex")) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    // Gaps as GapAwareTrackingToken.advanceTo keeps them: none far below the previous index.
                    long cutoff = (max < 0 ? index : max) - maxGapOffset;
                    for (long g = Math.max(next, cutoff); g < index; g++) {
                        gaps.add(g);
                    }
                    if (!gaps.isEmpty() && gaps.first() < cutoff) {
                        gaps.headSet(cutoff).clear();
                    }
                    max = Math.max(max, index);
                    next = Math.max(next, index + 1);
                    String dyad = rs.getString(2);
                    long sequence = rs.getLong(3);
                    String timestamp = rs.getString(4);
                    String type = rs.getString(5);
                    String revision = rs.getString(6);
                    byte[] payload = rs.getBytes(7);
                    if (upcast) {
                        batch.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), new GenericDomainEventEntry<>(
                                rs.getString(9), dyad, sequence, rs.getString(8), timestamp, type, revision, payload, rs.getBytes(10))));
                        if (batch.size() >= UPCAST_BATCH) {
                            upcastInto(batch, sink);
                            batch.clear();
                        }
                    } else {
                        Object event = serializer instanceof NamedTypeSerializer named
                                ? named.deserializeEvent(payload, type, revision)
                                : serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
                        sink.accept(new StoredEvent(index, dyad, sequence, DateTimeUtils.parseInstant(timestamp), event));
                    }
                }
            }
        }
        if (upcast && !batch.isEmpty()) {
            upcastInto(batch, sink);
        }
        return max < 0 ? null : GapAwareTrackingToken.newInstance(max, gaps);
    }

    /** Upcasts and deserializes as Axon's own stream does (an upcaster may drop, split or change events). */
    private void upcastInto(List<TrackedEventData<byte[]>> batch, Consumer<StoredEvent> sink) {
        EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(), serializer, upcasters).forEach(m -> sink.accept(stored(m)));
    }

    private static StoredEvent stored(TrackedEventMessage<?> m) {
        long index = ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex();
        DomainEventMessage<?> d = (DomainEventMessage<?>) m;
        return new StoredEvent(index, d.getAggregateIdentifier(), d.getSequenceNumber(), d.getTimestamp(), d.getPayload());
    }
}
