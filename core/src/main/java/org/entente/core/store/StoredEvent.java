package org.entente.core.store;

import java.time.Instant;

/**
 * One stored event as {@link EntenteStore#scanEvents} reads it: its global position, its dyad and
 * sequence number in it, its recording time as stored, and its payload deserialized (after upcasting).
 * Service-provider interface.
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, Instant timestamp, Object payload) {
}
