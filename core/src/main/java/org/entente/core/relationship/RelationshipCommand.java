package org.entente.core.relationship;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.ControlCharacters.LineFeeds;

/**
 * Everything that can be asked of a bilateral relationship: record a fact ({@link FactCommand}),
 * retract facts ({@link RetractFacts}) or correct one ({@link CorrectFact}).
 */
public sealed interface RelationshipCommand permits FactCommand, RelationshipCommand.RetractFacts, RelationshipCommand.CorrectFact {

    /** The longest reason accepted for a correction or retraction. */
    int MAX_REASON = 2000;

    /**
     * Withdraw facts of one dyad from history, atomically. The dyad is found from the ids; naming facts
     * of several dyads is rejected (send one command per dyad, or a batch).
     *
     * @param facts  at least one fact id
     * @param reason why, in words (required)
     */
    record RetractFacts(List<FactId> facts, String reason) implements RelationshipCommand {
        /**
         * Creates the record, checking its components.
         *
         * @param facts at least one fact id, all of one dyad
         * @param reason why, in words: not blank, at most 2,000 characters, line feeds allowed
         */
        public RetractFacts {
            facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
            if (facts.isEmpty()) {
                throw new IllegalArgumentException("a retraction names at least one fact id");
            }
            reason = checkReason(reason, facts.size() == 1 ? Optional.of(facts.get(0)) : Optional.empty());
        }
    }

    /**
     * Record a new revision of a fact: the same id, new content or date, in the same dyad.
     *
     * @param revised the fact as it should have been recorded
     * @param reason  why, in words (required)
     */
    record CorrectFact(FactCommand revised, String reason) implements RelationshipCommand {
        /**
         * Creates the record, checking its components.
         *
         * @param revised the fact as it should have been recorded, with the recorded fact's id and dyad
         * @param reason why, in words: not blank, at most 2,000 characters, line feeds allowed
         */
        public CorrectFact {
            Objects.requireNonNull(revised, "revised");
            reason = checkReason(reason, Optional.of(revised.fact().id()));
        }
    }

    /** A reason may run over several lines; other control characters are refused (see {@link ControlCharacters}). */
    private static String checkReason(String reason, Optional<FactId> fact) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required for a correction or retraction");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason has " + reason.length() + " characters; at most "
                    + MAX_REASON + " are accepted");
        }
        return ControlCharacters.requireNone(reason, LineFeeds.ACCEPTED, fact, "reason").strip();
    }
}
