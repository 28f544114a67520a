package org.entente;

import java.time.Instant;

/**
 * An event that a projection processor could not apply. Processing never skips an event: the
 * processor stops at it and retries with back-off, and {@link Entente#processingStatus()} reports it
 * here until the event is applied.
 *
 * @param processor the processor that failed
 * @param position  the event's global index in the store (-1 when the processor does not track one)
 * @param dyad      the dyad the event belongs to
 * @param sequence  the event's sequence number in its dyad
 * @param eventType the event's type name ({@code FactRecorded}, ...)
 * @param reason    what went wrong, in one line
 * @param attempts  how many times the event has failed so far
 * @param lastTried when it last failed
 */
public record ProcessingFailure(String processor, long position, String dyad, long sequence, String eventType,
                                String reason, int attempts, Instant lastTried) {

    /** {@return one line for people: which event, why, how often} */
    public String describe() {
        return processor + " cannot apply event " + eventType + " at position " + position + " (" + dyad + " #" + sequence
                + "): " + reason + " (" + attempts + " attempt(s); processing stops there and retries)";
    }
}
