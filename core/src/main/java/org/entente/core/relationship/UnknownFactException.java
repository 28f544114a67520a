package org.entente.core.relationship;

import org.entente.core.EntenteException;
import org.entente.core.FactId;

/** A correction or retraction named a fact id that no recorded fact has. */
public final class UnknownFactException extends EntenteException {

    /** The fact id that is not in the store. */
    private final FactId fact;

    /**
     * The fact id that was not found, with a message saying where it was looked for.
     *
     * @param fact the fact id that was not found
     * @param message where it was looked for and what to do instead, naming the fact
     */
    public UnknownFactException(FactId fact, String message) {
        super(message);
        this.fact = fact;
    }

    /** {@return the fact id that was not found} */
    public FactId fact() {
        return fact;
    }
}
