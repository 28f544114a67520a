package org.entente.core.store;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;

/**
 * One command of a batch that cannot be recorded.
 *
 * @param index the command's position in the batch, from 0
 * @param fact  the fact it records, corrects or first retracts, if known
 * @param dyad  its dyad, if known
 * @param error the rejection, with its message
 */
public record BatchViolation(int index, Optional<FactId> fact, Optional<Dyad> dyad, EntenteException error) {
    /**
     * Creates the record, checking its components.
     *
     * @param index the command's position in the batch, from 0
     * @param fact the fact it records, corrects or first retracts, if known
     * @param dyad its dyad, if known
     * @param error the rejection, with its message
     */
    public BatchViolation {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(error, "error");
    }

    /** {@return the rejection's message} */
    public String message() {
        return error.getMessage();
    }
}
