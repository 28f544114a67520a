package org.entente.core.relationship;

import java.util.Objects;
import org.entente.core.EntenteException;
import org.entente.core.FactId;

/**
 * Different content was recorded under a fact id that already names a fact: a fact id is the
 * idempotency key, so recording the same fact again changes nothing, but a different one is refused.
 * Record a {@link RelationshipCommand.CorrectFact} to change a fact on purpose.
 */
public final class FactConflictException extends EntenteException {

    private final FactId fact;

    /** A conflict on one fact id, with a message naming the recorded and the new content. */
    public FactConflictException(FactId fact, String message) {
        super(message);
        this.fact = Objects.requireNonNull(fact);
    }

    /** The fact id in conflict. */
    public FactId fact() {
        return fact;
    }
}
