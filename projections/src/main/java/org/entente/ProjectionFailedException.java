package org.entente;

import org.entente.core.EntenteException;

/**
 * The projections are stopped at an event they cannot apply (the processor retries it with
 * back-off, and never skips it); {@link #failure()} says which event and why.
 */
public final class ProjectionFailedException extends EntenteException {

    private final transient ProcessingFailure failure;

    ProjectionFailedException(ProcessingFailure failure) {
        super(failure.describe() + "; see Entente.processingStatus(), and 'entente check' for the store");
        this.failure = failure;
    }

    /** {@return the event processing is stopped at} */
    public ProcessingFailure failure() {
        return failure;
    }
}
