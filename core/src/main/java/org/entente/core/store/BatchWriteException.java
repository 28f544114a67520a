package org.entente.core.store;

import org.entente.core.EntenteException;

/**
 * Writing a batch failed after some of its chunks were committed: the result says what was written.
 * Running the same batch again completes it, since fact ids make recording idempotent.
 */
public final class BatchWriteException extends EntenteException {

    /** What had been written before the failure. */
    private final BatchResult written;

    BatchWriteException(BatchResult written, Throwable cause) {
        super("a batch failed after " + written.chunks() + " committed chunk(s) with " + written.events()
                + " event(s); run the same batch again to complete it: " + cause.getMessage(), cause);
        this.written = written;
    }

    /** {@return what was committed before the failure} */
    public BatchResult written() {
        return written;
    }
}
