package org.entente.simulation;

import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent;

/**
 * A real fact after the branch date that would not have happened in the branch: the rules no longer
 * accept it there. It is left out of the branch only.
 *
 * @param fact   the real fact
 * @param rule   the rule it breaks in the branch, in words
 * @param cause  the scenario's change (a removed or added fact) that alone makes it break, when one does
 */
public record DroppedFact(FactEvent fact, String rule, Optional<FactId> cause) {

    /** "usa-complete (2024-08-05, complete withdrawal) would not have happened: ... (because of usa-schedule)". */
    public String describe() {
        return fact.fact().id() + " (" + fact.fact().happened() + ", " + fact.kind().label() + ") would not have happened: "
                + rule + cause.map(c -> " (because of " + c + ")").orElse("");
    }
}
