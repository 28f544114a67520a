package org.entente.timeline;

import java.time.Instant;
import java.util.Optional;
import org.entente.core.internal.Require;
import org.entente.core.relationship.FactEvent;

/**
 * One fact of a timeline, with where it came from and what happened to it in recording time.
 *
 * @param fact             the fact (its latest revision as known at the query's instant), with its sources
 * @param revision         that revision's number (1 for the original)
 * @param recordedAt       when the fact was first recorded
 * @param revisedAt        when the revision shown was recorded
 * @param retractedAt      when it was retracted, if it was (as known at the query's instant)
 * @param retractionReason why it was retracted
 */
public record TimelineEntry(FactEvent fact, int revision, Instant recordedAt, Instant revisedAt, Optional<Instant> retractedAt,
                            Optional<String> retractionReason) {

    /**
     * Creates the record, checking its components.
     *
     * @param fact             the fact (its latest revision as known at the query's instant), with its sources
     * @param revision         that revision's number (1 for the original)
     * @param recordedAt       when the fact was first recorded
     * @param revisedAt        when the revision shown was recorded
     * @param retractedAt      when it was retracted, if it was (as known at the query's instant)
     * @param retractionReason why it was retracted
     */
    public TimelineEntry {
        Require.nonNull(fact, "fact", "a recorded FactEvent");
        Require.nonNull(recordedAt, "recordedAt", "the Instant the fact was first recorded");
        Require.nonNull(revisedAt, "revisedAt", "the Instant the revision was recorded");
        Require.nonNull(retractedAt, "retractedAt", "Optional.empty() when not retracted");
        Require.nonNull(retractionReason, "retractionReason", "Optional.empty() when not retracted");
    }

    /** {@return whether the fact was retracted} */
    public boolean retracted() {
        return retractedAt.isPresent();
    }

    /** {@return the fact's id} */
    public org.entente.core.FactId id() {
        return fact.fact().id();
    }

    /** {@return when the fact happened, with its precision} */
    public org.entente.core.HappenedOn happened() {
        return fact.fact().happened();
    }

    /** {@return the day the fact happened (the first day of its month or year for a coarser precision)} */
    public java.time.LocalDate day() {
        return fact.fact().happened().day();
    }

    /** {@return the fact's kind} */
    public org.entente.core.relationship.FactKind kind() {
        return fact.kind();
    }

    /** {@return who acted} */
    public org.entente.core.Actor actor() {
        return fact.fact().actor();
    }

    /**
     * Towards whom.
     *
     * @return the country the fact was directed at
     */
    public org.entente.core.Actor target() {
        return fact.fact().target();
    }

    /** {@return the fact's sources} */
    public java.util.List<org.entente.core.Source> sources() {
        return fact.fact().sources();
    }

    /** One short line: {@code 2024-04-19 USA -> NER schedule withdrawal (usa-schedule)}, with revision and retraction when there are. */
    @Override
    public String toString() {
        return happened() + " " + actor().code() + " -> " + target().code() + " " + kind().label() + " ("
                + org.entente.core.text.TerminalText.escape(id().value()) + ")" + (revision > 1 ? " revision " + revision : "")
                + (retracted() ? " retracted" : "");
    }
}
