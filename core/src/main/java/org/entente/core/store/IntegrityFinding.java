package org.entente.core.store;

import java.util.Objects;

/**
 * One way a store's tables disagree with its events. Events are the truth; fact ids, snapshots,
 * projection rows and processor tokens are derived from them and can be rebuilt.
 *
 * @param kind       what is wrong
 * @param detail     the inconsistency in one line, with the values found
 * @param repairable whether {@code entente repair} can rebuild what is wrong from the events (false
 *                   when events themselves are missing: only a backup brings them back)
 */
public record IntegrityFinding(Kind kind, String detail, boolean repairable) {

    /** What is wrong. */
    public enum Kind {
        /**
         * Events are missing: the event table is empty or ends earlier while derived tables, or the
         * directory's head mark, say more was committed (a truncated file, or an older copy put in its place).
         */
        EVENTS_MISSING,
        /** A dyad's sequence numbers are not contiguous from 0. */
        SEQUENCE_GAP,
        /** The fact-id table does not hold exactly the fact ids of the recorded facts, each with its dyad. */
        FACT_IDS_OUT_OF_STEP,
        /** A snapshot is ahead of its dyad's events. */
        SNAPSHOT_AHEAD,
        /** The projection rows or the processor's token do not match the events. */
        PROJECTIONS_OUT_OF_STEP,
        /** An import into this store was interrupted and has not been finished or rolled back. */
        UNFINISHED_IMPORT
    }

    /**
     * Checks that nothing is null.
     *
     * @param kind what is wrong
     * @param detail the inconsistency in one line, with the values found
     * @param repairable whether {@code entente repair} can rebuild what is wrong from the events (false when events themselves are missing: only a backup brings them back)
     */
    public IntegrityFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + ": " + detail + (repairable ? " (repairable)" : " (not repairable from the events)");
    }
}
