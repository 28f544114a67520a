package org.entente.core.store;

/**
 * Told after each committed chunk of a batch, for progress displays. Called on the writing thread.
 */
@FunctionalInterface
public interface BatchProgress {

    /** Progress that nobody watches. */
    BatchProgress NONE = (done, total) -> { };

    /**
     * A chunk was committed.
     *
     * @param done  commands written so far (commands already recorded are counted from the start)
     * @param total commands in the batch
     */
    void written(int done, int total);
}
