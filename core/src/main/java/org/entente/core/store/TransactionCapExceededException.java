package org.entente.core.store;

import java.time.Duration;
import org.entente.core.EntenteException;

/**
 * A batch chunk ran longer than the store's transaction cap and was rolled back: nothing of it was
 * written. Retry it (the store may have been busy), or lower {@link EntenteStore.Builder#chunkSize(int)}.
 */
public final class TransactionCapExceededException extends EntenteException {

    /** How long the transaction ran. */
    private final Duration took;
    /** The cap it went over. */
    private final Duration cap;

    TransactionCapExceededException(int dyadCommands, Duration took, Duration cap) {
        super("a chunk of " + dyadCommands + " dyad command(s) took " + took.toMillis() + " ms, more than the transaction cap of "
                + cap.toMillis() + " ms; it was rolled back (retry, or lower the chunk size)");
        this.took = took;
        this.cap = cap;
    }

    /** {@return how long the chunk ran before it was rolled back} */
    public Duration took() {
        return took;
    }

    /** {@return the cap it overran} */
    public Duration cap() {
        return cap;
    }
}
