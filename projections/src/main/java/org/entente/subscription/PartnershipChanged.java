package org.entente.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.partnership.Status;

/**
 * The current status of a watched dyad changed: its status as of the subscription clock's date, as known
 * now, is no longer what it was.
 *
 * @param dyad        the dyad
 * @param before      its status before the change
 * @param after       its status after the change
 * @param effectiveOn the day from which {@code after} holds: for a write, the first day of the run of days,
 *                    ending on the evaluated date, on which the dyad has had that status since (with the new
 *                    history); for time passing, the day the status changed
 * @param cause       what changed it
 * @param fact        the fact whose recording, correction or retraction changed it; empty when time did
 * @param recordedAt  when that write was recorded (the event store's timestamp); empty when time did
 * @param position    where the subscription resumes after this change (store it once the change is handled)
 */
public record PartnershipChanged(Dyad dyad, Status before, Status after, LocalDate effectiveOn, Cause cause,
                                 Optional<FactId> fact, Optional<Instant> recordedAt, SubscriptionPosition position) {

    /** Why a status changed. */
    public enum Cause {
        /** A new fact was recorded (possibly dated in the past: a retroactive fact). */
        FACT_RECORDED,
        /** A recorded fact was corrected. */
        FACT_CORRECTED,
        /** Facts were retracted. */
        FACTS_RETRACTED,
        /** No write: the clock's date moved on (a cooperative step left the window, a withdrawal took effect, ...). */
        TIME_PASSED
    }

    /**
     * Checks the values; see the type's documentation.
     *
     * @param dyad        the dyad
     * @param before      its status before the change
     * @param after       its status after the change, not {@code before}
     * @param effectiveOn the day from which {@code after} holds
     * @param cause       what changed it
     * @param fact        the fact of a write; empty for {@link Cause#TIME_PASSED}
     * @param recordedAt  when that write was recorded
     * @param position    where to resume after this change
     * @throws IllegalArgumentException when the statuses are equal, or the fact's presence does not fit the cause
     */
    public PartnershipChanged {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(position, "position");
        if (before == after) {
            throw new IllegalArgumentException("a change needs two statuses, got " + before + " twice for " + dyad);
        }
        if ((cause == Cause.TIME_PASSED) != fact.isEmpty()) {
            throw new IllegalArgumentException("a change caused by " + cause + (fact.isEmpty() ? " needs" : " has no") + " fact, got " + fact);
        }
    }

    /** {@return "NER-USA ACTIVE -> WINDING_DOWN on 2024-03-16 (FACT_RECORDED usa-denounce)"} */
    @Override
    public String toString() {
        return dyad + " " + before + " -> " + after + " on " + effectiveOn + " (" + cause + fact.map(f -> " " + f).orElse("") + ")";
    }
}
