package org.entente.simulation;

import java.util.List;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.internal.Require;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactKind;
import org.entente.core.text.TerminalText;

/**
 * A real fact after the branch date that would not have happened in the branch: the rules no longer
 * accept it there. It is left out of the branch only.
 *
 * @param fact   the real fact
 * @param rule   the rule it breaks in the branch, in words
 * @param causes the scenario's changes (removed or added facts) that make it break: the one that alone
 *               does, or else each change without which it would hold; empty when only the
 *               combination explains it
 */
public record DroppedFact(FactEvent fact, String rule, List<FactId> causes) {

    /**
     * Creates the record, checking its components.
     *
     * @param fact the real fact
     * @param rule the rule it breaks in the branch, in words
     * @param causes the scenario's changes (removed or added facts) that make it break: the one that alone does, or else each change without which it would hold; empty when only the combination explains it
     */
    public DroppedFact {
        Require.nonNull(fact, "fact", "the real FactEvent that is dropped");
        Require.nonNull(rule, "rule", "the rule it breaks, in words");
        causes = List.copyOf(Require.nonNull(causes, "causes", "a list, empty when only the combination explains it"));
    }

    /**
     * The fact's id, short for {@code fact().fact().id()}.
     *
     * @return the dropped fact's id
     */
    public FactId id() {
        return fact.fact().id();
    }

    /**
     * When the fact happened.
     *
     * @return the date with its precision
     */
    public HappenedOn happened() {
        return fact.fact().happened();
    }

    /**
     * The fact's kind.
     *
     * @return the dropped fact's kind, such as {@code COMPLETE_WITHDRAWAL}
     */
    public FactKind kind() {
        return fact.kind();
    }

    /**
     * "usa-complete (2024-08-05, complete withdrawal) would not have happened: ... (because of usa-schedule)";
     * safe to print on a terminal (the rule's words may quote stored text: see {@link TerminalText#sanitize}).
     *
     * @return one line naming the fact, its day and kind, the rule it breaks and the changes that cause it
     */
    public String describe() {
        return fact.fact().id() + " (" + fact.fact().happened() + ", " + fact.kind().label() + ") would not have happened: "
                + TerminalText.sanitize(rule) + (causes.isEmpty() ? "" : " (because of " + causes.stream().map(FactId::value)
                .collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    /** One line, as {@link #describe()} gives it. */
    @Override
    public String toString() {
        return describe();
    }
}
