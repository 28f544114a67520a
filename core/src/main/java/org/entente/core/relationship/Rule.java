package org.entente.core.relationship;

/**
 * The rules of diplomacy a fact can break, one value per rule of the README's rule table, carried by
 * every {@link RuleViolationException} ({@link RuleViolationException#rule()}) so that a program can
 * tell rejections apart without reading messages.
 *
 * <pre>{@code
 * try {
 *     entente.record(completeWithdrawal);
 * } catch (RuleViolationException e) {
 *     if (e.rule() == Rule.WITHDRAWAL_NOT_SCHEDULED) { ... }
 * }
 * }</pre>
 */
public enum Rule {
    /** A fact is recorded in the dyad of its actor and target. */
    FACT_OF_ANOTHER_DYAD("a fact belongs to the dyad of its actor and target"),
    /** Establishing relations, accrediting or appointing envoys, signing, and inviting forces need relations not severed. */
    RELATIONS_SEVERED("the fact needs diplomatic relations that are not severed"),
    /** Relations already established cannot be established again. */
    RELATIONS_ALREADY_ESTABLISHED("relations are not established twice"),
    /** Only severed or downgraded relations can be restored. */
    RELATIONS_NOT_SEVERED_OR_DOWNGRADED("only severed or downgraded relations are restored"),
    /** A recall or expulsion names an envoy in post, of the right sender and role. */
    ENVOY_NOT_IN_POST("a recall or expulsion names an envoy in post, of that sender and role"),
    /** A follow-up of an agreement names a signing recorded on or before its day. */
    AGREEMENT_NOT_SIGNED("a follow-up names an agreement signed on or before its day"),
    /** Only an agreement in force can be suspended. */
    AGREEMENT_NOT_IN_FORCE("only an agreement in force is suspended"),
    /** Only an agreement in force or suspended can be denounced. */
    AGREEMENT_ENDED("only an agreement in force or suspended is denounced"),
    /** Only a suspended or denounced agreement can be restored. */
    AGREEMENT_NOT_SUSPENDED_OR_DENOUNCED("only a suspended or denounced agreement is restored"),
    /** A withdrawal demanded, scheduled or completed, or a base handed over, concerns forces present. */
    FORCES_NOT_PRESENT("the fact concerns forces present"),
    /** Forces are named by the fact that stationed them, on or before the day. */
    FORCES_NOT_STATIONED("forces are named by a stationing recorded on or before the day"),
    /** The forces named belong to the actor. */
    FORCES_OF_ANOTHER_OWNER("the forces named are the actor's"),
    /** A withdrawal's deadline is not before its scheduling. */
    DEADLINE_BEFORE_SCHEDULING("a withdrawal's deadline is not before its scheduling"),
    /** A base handed over is one of the forces' bases. */
    BASE_NOT_OF_FORCES("a base handed over is one the forces use"),
    /** A base is handed over once. */
    BASE_ALREADY_HANDED_OVER("a base is handed over once"),
    /** A completed withdrawal was scheduled on or before that day. */
    WITHDRAWAL_NOT_SCHEDULED("a withdrawal is completed only once scheduled"),
    /** Lifting names sanctions recorded on or before its day. */
    SANCTIONS_NOT_IMPOSED("lifting names sanctions imposed on or before its day"),
    /** Only the imposer lifts its sanctions. */
    SANCTIONS_OF_ANOTHER_IMPOSER("sanctions are lifted by whoever imposed them"),
    /** Sanctions are lifted once. */
    SANCTIONS_ALREADY_LIFTED("sanctions are lifted once"),
    /** A membership fact is between a country and an organisation, not two countries or two organisations. */
    MEMBERSHIP_NEEDS_COUNTRY_AND_ORGANISATION("membership is between a country and an organisation"),
    /** The country joins, announces its withdrawal and withdraws; the organisation suspends and reinstates. */
    MEMBERSHIP_BY_THE_WRONG_SIDE("the country joins and withdraws, the organisation suspends and reinstates"),
    /** A member does not join again; a former member may, after its withdrawal. */
    ALREADY_A_MEMBER("a member joins again only after it withdrew"),
    /** A suspension, a reinstatement, an announced withdrawal or a withdrawal concerns a member that joined and has not withdrawn. */
    NOT_A_MEMBER("the fact concerns a member that joined and has not withdrawn"),
    /** A suspended member is not suspended again before its reinstatement. */
    MEMBERSHIP_ALREADY_SUSPENDED("a suspended member is not suspended again"),
    /** Only a suspended member is reinstated. */
    MEMBERSHIP_NOT_SUSPENDED("only a suspended member is reinstated"),
    /** A member announces its withdrawal once. */
    WITHDRAWAL_ALREADY_ANNOUNCED("a member announces its withdrawal once"),
    /** An announced withdrawal takes effect on or after the day it is announced. */
    EFFECTIVE_BEFORE_ANNOUNCEMENT("a withdrawal takes effect on or after its announcement"),
    /** A correction keeps its fact in its dyad. */
    CORRECTION_CHANGES_DYAD("a correction stays in its dyad"),
    /** A correction keeps its fact's kind: a fact of another kind is retracted and the right one recorded. */
    CORRECTION_CHANGES_KIND("a correction keeps the fact's kind");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    /** {@return the rule in a few words, for people} */
    public String description() {
        return description;
    }
}
