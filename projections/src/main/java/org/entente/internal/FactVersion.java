package org.entente.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent;

/**
 * One row of the projections' history: a fact's revision as recorded at an instant, or its
 * retraction (no content). Rows of a dyad are ordered by the dyad's event sequence.
 *
 * @param dyad       the dyad
 * @param sequence   the sequence number of the event that recorded it
 * @param id         the fact id
 * @param revision   1 for the original, more for corrections; for a retraction, 0
 * @param fact       the fact's content, empty for a retraction
 * @param recordedAt when it was recorded (the event store's timestamp)
 * @param reason     the reason of a correction or retraction, empty for an original
 */
public record FactVersion(Dyad dyad, long sequence, FactId id, int revision, Optional<FactEvent> fact, Instant recordedAt,
                          Optional<String> reason) {
    public FactVersion {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether this row retracts the fact. */
    public boolean isRetraction() {
        return fact.isEmpty();
    }
}
