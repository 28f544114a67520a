package org.entente;

import java.util.Objects;
import java.util.Optional;

/**
 * How far a projection processor has read the event store.
 *
 * @param processor the processor's name
 * @param running   whether it is processing (false when paused)
 * @param position  the global index of the last event it processed, -1 for none
 * @param head      the global index of the last event stored, -1 for none
 * @param behind    how many positions it lags ({@code head - position}; gaps left by failed writes count too)
 * @param failure   the event processing is stopped at, when one failed and has not been applied since
 */
public record ProcessingStatus(String processor, boolean running, long position, long head, long behind,
                               Optional<ProcessingFailure> failure) {

    /**
     * Checks that nothing is null.
     *
     * @param processor the processor's name
     * @param running whether it is processing (false when paused)
     * @param position the global index of the last event it processed, -1 for none
     * @param head the global index of the last event stored, -1 for none
     * @param behind how many positions it lags ({@code head - position}; gaps left by failed writes count too)
     * @param failure the event processing is stopped at, when one failed and has not been applied since
     */
    public ProcessingStatus {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * One short line: {@code projections at 41 of 42 (1 behind), running}, then the failure's
     * {@link ProcessingFailure#describe()} when processing is stopped at one.
     */
    @Override
    public String toString() {
        return processor + " at " + position + " of " + head + " (" + behind + " behind), " + (running ? "running" : "paused")
                + failure.map(f -> "; " + f.describe()).orElse("");
    }
}
