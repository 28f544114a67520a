package org.entente;

/**
 * How far a projection processor has read the event store.
 *
 * @param processor the processor's name
 * @param running   whether it is processing (false when paused)
 * @param position  the global index of the last event it processed, -1 for none
 * @param head      the global index of the last event stored, -1 for none
 * @param behind    how many positions it lags ({@code head - position}; gaps left by failed writes count too)
 */
public record ProcessingStatus(String processor, boolean running, long position, long head, long behind) {
}
