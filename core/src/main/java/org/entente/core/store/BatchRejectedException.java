package org.entente.core.store;

import java.util.List;
import java.util.stream.Collectors;
import org.entente.core.EntenteException;

/** A batch broke rules or used conflicting fact ids; nothing was written. Lists every violation. */
public final class BatchRejectedException extends EntenteException {

    /** Every violation found in the batch. */
    private final List<BatchViolation> violations;

    BatchRejectedException(List<BatchViolation> violations) {
        super(violations.size() + " of the batch's commands cannot be recorded; nothing was written:\n"
                + violations.stream().map(v -> "  #" + v.index() + " " + v.message()).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    /** {@return every violation, in batch order} */
    public List<BatchViolation> violations() {
        return violations;
    }
}
