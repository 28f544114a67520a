package org.entente.timeline;

import java.time.Instant;
import java.util.Optional;
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

    /** Whether the fact was retracted. */
    public boolean retracted() {
        return retractedAt.isPresent();
    }
}
