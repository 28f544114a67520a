package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;

/**
 * A command broke a rule of diplomacy on the date its fact happened, or would make a later fact of
 * the dyad break one (a retroactive fact, a retraction or a correction).
 *
 * <p>The message names the dyad, the date, the fact id and the reason, for example
 * {@code "NER-USA 2024-08-05 usa-complete (complete withdrawal): no withdrawal is scheduled on or before 2024-08-05 for usa-forces-agadez (last scheduled: none)"}.
 */
public final class RuleViolationException extends EntenteException {

    /** The rule broken. */
    private final Rule rule;
    /** The dyad whose history the command broke. */
    private final Dyad dyad;
    /** The day the rule was checked on. */
    private final LocalDate day;
    /** The fact refused, when known. */
    private final FactId fact;
    /** The explanation, naming the values involved. */
    private final String reason;
    /** The later fact the command would break, when there is one. */
    private final FactId brokenFact;

    RuleViolationException(Rule rule, Dyad dyad, LocalDate day, FactId fact, String reason, FactId brokenFact, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule);
        this.dyad = Objects.requireNonNull(dyad);
        this.day = day;
        this.fact = Objects.requireNonNull(fact);
        this.reason = Objects.requireNonNull(reason);
        this.brokenFact = brokenFact;
    }

    /**
     * {@return the rule that was broken: the command's own, or, when {@link #brokenFact()} is present, the rule
     * that the later fact would break} A program branches on this, never on the message.
     */
    public Rule rule() {
        return rule;
    }

    /** {@return the dyad} */
    public Dyad dyad() {
        return dyad;
    }

    /** {@return the day the rejected fact happened; empty for a retraction, which has none} */
    public Optional<LocalDate> day() {
        return Optional.ofNullable(day);
    }

    /** {@return the fact the command recorded, corrected or retracted} */
    public FactId fact() {
        return fact;
    }

    /** {@return the rule that was broken, in words} */
    public String reason() {
        return reason;
    }

    /** {@return the later fact that the command would have broken, when it is not the command's own fact} */
    public Optional<FactId> brokenFact() {
        return Optional.ofNullable(brokenFact);
    }
}
