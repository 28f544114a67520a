package org.entente.core.store;

import org.entente.core.EntenteException;

/**
 * An import or a migration was asked to copy into a store that already holds history of its own
 * (not a finished copy of the same rows, which a rerun completes instead). Nothing was copied; copy
 * into an empty database, or choose another target.
 */
public final class TargetNotEmptyException extends EntenteException {

    /** Events the target held when the copy was refused. */
    private final long events;
    /** Fact ids the target held when the copy was refused. */
    private final long factIds;
    /** Snapshots the target held when the copy was refused. */
    private final long snapshots;
    /** Organisations registered in the target when the copy was refused. */
    private final long organisations;

    TargetNotEmptyException(String target, long events, long factIds, long snapshots, long organisations) {
        super(target + " already holds " + events + " event(s) and " + factIds + " fact id(s)"
                + (snapshots > 0 ? " and " + snapshots + " snapshot(s)" : "")
                + (organisations > 0 ? " and " + organisations + " registered organisation(s)" : "") + "; copy into an empty database");
        this.events = events;
        this.factIds = factIds;
        this.snapshots = snapshots;
        this.organisations = organisations;
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

    /** {@return how many organisations are registered in the target} */
    public long organisations() {
        return organisations;
    }
}
