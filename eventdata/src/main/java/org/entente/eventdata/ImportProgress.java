package org.entente.eventdata;

/**
 * Told how an import goes, for progress displays. Called on the importing thread.
 *
 * <pre>{@code
 * ImportProgress p = (phase, done, total) -> System.err.printf("%s %d/%d%n", phase, done, total);
 * }</pre>
 */
@FunctionalInterface
public interface ImportProgress {

    /** Progress that nobody watches. */
    ImportProgress NONE = (phase, done, total) -> { };

    /** The phases of an import. */
    enum Phase {
        /** Rows are being read; the total is not known ({@code -1}). Told every 10,000 rows and at the end. */
        READING,
        /** Commands are being written; told after each committed chunk of the batch. */
        WRITING
    }

    /**
     * Progress in a phase.
     *
     * @param phase reading or writing
     * @param done  rows read, or commands written so far (commands already recorded count from the start)
     * @param total the total, or {@code -1} when not known
     */
    void update(Phase phase, long done, long total);
}
