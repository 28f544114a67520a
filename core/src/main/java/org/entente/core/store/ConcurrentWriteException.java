package org.entente.core.store;

import org.entente.core.Dyad;
import org.entente.core.EntenteException;

/**
 * Another writer (another JVM or configuration on the same database) changed the dyad between this
 * writer's read and its append. Nothing was written; the stale copy was dropped, so retrying decides
 * again on the current history.
 */
public final class ConcurrentWriteException extends EntenteException {

    /** The dyad written concurrently. */
    private final Dyad dyad;

    ConcurrentWriteException(Dyad dyad, Throwable cause) {
        super(dyad + " was changed by another writer at the same time; nothing was written, retry the command", cause);
        this.dyad = dyad;
    }

    /** {@return the dyad written concurrently} */
    public Dyad dyad() {
        return dyad;
    }
}
