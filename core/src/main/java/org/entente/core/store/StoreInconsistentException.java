package org.entente.core.store;

import org.entente.core.EntenteException;

/**
 * A store refused to open because its tables disagree with its events; {@link #report()} lists how.
 * The message names the command that repairs it ({@code entente repair}) or, when events are
 * missing, says to restore a backup.
 */
public final class StoreInconsistentException extends EntenteException {

    private final transient IntegrityReport report;

    /**
     * An exception for a store that disagrees with its events as the report says.
     *
     * @param store the store as people know it (a directory or a JDBC URL), named in the message
     * @param report what the check found, which the message lists with the remedy
     */
    public StoreInconsistentException(String store, IntegrityReport report) {
        super(message(store, report));
        this.report = report;
    }

    private static String message(String store, IntegrityReport report) {
        boolean eventsMissing = report.findings().stream().anyMatch(f -> f.kind() == IntegrityFinding.Kind.EVENTS_MISSING
                || f.kind() == IntegrityFinding.Kind.SEQUENCE_GAP);
        String remedy = eventsMissing
                ? "events are missing, which no repair can bring back: restore a backup into a new directory"
                        + " ('entente --store NEW-DIR store-import FILE'), and keep this one aside"
                : report.repairable()
                ? "run 'entente repair' (Entente.builder()...repair(false)) to rebuild the derived tables from the events; "
                        + "'entente check' lists every inconsistency"
                : "see above";
        return store + " is inconsistent and was not opened: "
                + report.findings().stream().map(IntegrityFinding::detail).reduce((a, b) -> a + "; " + b).orElse("")
                + "; " + remedy;
    }

    /** {@return what the check found} */
    public IntegrityReport report() {
        return report;
    }
}
