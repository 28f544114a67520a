package org.entente.core.store;

import org.entente.core.EntenteException;

/**
 * An import or a migration was asked to copy into a store that already holds history of its own
 * (not a finished copy of the same rows, which a rerun completes instead). Nothing was copied; copy
 * into an empty database, or choose another target.
 */
public final class TargetNotEmptyException extends EntenteException {

    /** @serial events in the target */
    private final long events;
    /** @serial fact ids in the target */
    private final long factIds;
    /** @serial snapshots in the target */
    private final long snapshots;

    TargetNotEmptyException(String target, long events, long factIds, long snapshots) {
        super(target + " already holds " + events + " event(s) and " + factIds + " fact id(s)"
                + (snapshots > 0 ? " and " + snapshots + " snapshot(s)" : "") + "; copy into an empty database");
        this.events = events;
        this.factIds = factIds;
        this.snapshots = snapshots;
    }

    /** {@return how many events the target holds} */
    public long events() {
        return events;
    }

    /** {@return how many fact ids the target holds} */
    public long factIds() {
        return factIds;
    }

    /** {@return how many snapshots the target holds} */
    public long snapshots() {
        return snapshots;
    }
}
