package org.entente.core.store;

import java.util.List;

/**
 * What a batch did, or would do in a dry run.
 *
 * @param dryRun     whether nothing was written on purpose
 * @param commands   how many commands the batch held
 * @param events     how many events were written (or would be, in a dry run)
 * @param unchanged  how many commands changed nothing because their facts were recorded already
 * @param chunks     how many transactions were committed (0 in a dry run)
 * @param positions  the last position of every dyad written, for read-your-writes
 * @param violations every command that cannot be recorded (only in a dry run: a real run throws instead)
 */
public record BatchResult(boolean dryRun, int commands, int events, int unchanged, int chunks, List<Recorded> positions,
                          List<BatchViolation> violations) {
    /**
     * Creates the record, checking its components.
     *
     * @param dryRun whether nothing was written on purpose
     * @param commands how many commands the batch held
     * @param events how many events were written (or would be, in a dry run)
     * @param unchanged how many commands changed nothing because their facts were recorded already
     * @param chunks how many transactions were committed (0 in a dry run)
     * @param positions the last position of every dyad written, for read-your-writes
     * @param violations every command that cannot be recorded (only in a dry run: a real run throws instead)
     */
    public BatchResult {
        positions = List.copyOf(positions);
        violations = List.copyOf(violations);
    }

    /** {@return whether every command can be (or was) recorded} */
    public boolean isValid() {
        return violations.isEmpty();
    }
}
