package org.entente.core.relationship;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.entente.core.Dyad;
import org.entente.core.FactId;

/**
 * Everything stored about a bilateral relationship: the facts ({@link FactEvent}) and the corrections
 * that live in recording time only ({@link FactsRetracted}, {@link FactCorrected}).
 *
 * <p>Corrections have no happened date: the original events stay in the store, and a read as known
 * before the correction still sees the original.
 */
public sealed interface RelationshipEvent permits FactEvent, RelationshipEvent.FactsRetracted, RelationshipEvent.FactCorrected {

    /** {@return the dyad whose history this event belongs to} */
    Dyad dyad();

    /**
     * Calls the function for this event's family: a fact, a retraction or a correction. Every caller
     * handles all three, checked by the compiler; facts are told apart with {@link FactEvent.Visitor}.
     *
     * @param <R> the type of the result
     * @param onFact called when this event records a fact
     * @param onRetracted called when this event retracts facts
     * @param onCorrected called when this event corrects a fact
     * @return what the function called returned
     */
    <R> R match(Function<? super FactEvent, R> onFact, Function<? super FactsRetracted, R> onRetracted,
                Function<? super FactCorrected, R> onCorrected);

    /**
     * Facts of one dyad are withdrawn from history, atomically: they were wrong, or never happened.
     *
     * @param dyad   the dyad of every fact named
     * @param facts  the retracted facts' ids, at least one
     * @param reason why, in words
     */
    record FactsRetracted(Dyad dyad, List<FactId> facts, String reason) implements RelationshipEvent {
        /**
         * Creates the record, checking its components.
         *
         * @param dyad the dyad of every fact named
         * @param facts the retracted facts' ids, at least one
         * @param reason why, in words
         */
        public FactsRetracted {
            Objects.requireNonNull(dyad, "dyad");
            facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R match(Function<? super FactEvent, R> onFact, Function<? super FactsRetracted, R> onRetracted,
                           Function<? super FactCorrected, R> onCorrected) {
            return onRetracted.apply(this);
        }
    }

    /**
     * A new revision of a fact: its content or its date changed. The id stays; the revision counts
     * from 1 (the original) upwards.
     *
     * @param revised  the fact's new content
     * @param revision the new revision number, 2 or more
     * @param reason   why, in words
     */
    record FactCorrected(FactEvent revised, int revision, String reason) implements RelationshipEvent {
        /**
         * Creates the record, checking its components.
         *
         * @param revised the fact's new content, with the same id
         * @param revision the new revision number, 2 or more
         * @param reason why, in words
         */
        public FactCorrected {
            Objects.requireNonNull(revised, "revised");
            Objects.requireNonNull(reason, "reason");
            if (revision < 2) {
                throw new IllegalArgumentException("a correction is revision 2 or more, got " + revision);
            }
        }

        @Override
        public Dyad dyad() {
            return revised.dyad();
        }

        @Override
        public <R> R match(Function<? super FactEvent, R> onFact, Function<? super FactsRetracted, R> onRetracted,
                           Function<? super FactCorrected, R> onCorrected) {
            return onCorrected.apply(this);
        }
    }
}
