package org.entente.core.store;

import java.util.Objects;

/**
 * Where a stored event sits: its global position in the store, its dyad (the aggregate identifier
 * as stored, as in {@link StoredEvent}) and its sequence number there. Service-provider interface:
 * returned by {@link EntenteStore#lastEventAtOrBefore(long)}.
 *
 * @param globalIndex         the event's global position (1 or more)
 * @param aggregateIdentifier the id of the dyad whose event it is, as stored ({@code "NER-USA"})
 * @param sequenceNumber      the event's sequence number in its dyad (0 for the dyad's first event)
 */
public record EventPosition(long globalIndex, String aggregateIdentifier, long sequenceNumber) {
    /**
     * Checks the position.
     *
     * @param globalIndex         the event's global position
     * @param aggregateIdentifier the id of the dyad whose event it is, as stored
     * @param sequenceNumber      the event's sequence number in its dyad
     * @throws NullPointerException when the aggregate identifier is null
     */
    public EventPosition {
        Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
    }
}
