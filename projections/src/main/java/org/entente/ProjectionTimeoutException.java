package org.entente;

import java.time.Duration;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;

/** A read waited longer than its timeout for the projections to reach a write made through this Entente. */
public final class ProjectionTimeoutException extends EntenteException {

    ProjectionTimeoutException(Dyad dyad, long wanted, long reached, Duration timeout) {
        super("projections of " + dyad + " reached sequence " + reached + ", not " + wanted + ", within " + timeout.toMillis()
                + " ms; processing is behind (see Entente.processingStatus())");
    }

    ProjectionTimeoutException(ProcessingStatus status, Duration timeout) {
        super("projections reached position " + status.position() + " of " + status.head() + " within " + timeout.toMillis()
                + " ms" + (status.running() ? "" : "; processing is paused"));
    }
}
