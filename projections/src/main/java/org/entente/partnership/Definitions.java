package org.entente.partnership;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.entente.core.internal.Require;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.relationship.RelationshipState.Steps;

/**
 * Entente's definitions of status, security partners and temperature, as pure functions. The README
 * restates them; tests pin them.
 *
 * <h2>Organisations</h2>
 * The same definitions hold for a dyad with an organisation. An organisation's mission stationed in a
 * country is forces present: military ties, a step of {@code WINDING_DOWN} and {@code ENDED}, and a
 * security element. Membership facts (join, suspend, reinstate, announce withdrawal, withdraw) are
 * neither military ties nor cooperative or winding-down steps; they weigh in the temperature only, and
 * membership is read beside the status ({@link Partnership#membershipStatus()}). In a country's
 * portfolio an organisation counts as a partner, and as a security partner by the same four elements.
 *
 * <h2>Temperature</h2>
 * The sum over a dyad's facts up to the date of a per-kind weight, each decayed with a half-life of
 * {@value #HALF_LIFE_DAYS} days: {@code Σ w · 0.5^((d − day) / 90)}. Weights are informed by the
 * Goldstein scale (the CAMEO code named beside each): withdrawals, denunciations, expulsions and
 * sanctions are negative whoever the actor is; an interaction weighs the Goldstein value of its code.
 *
 * <table>
 *   <caption>Temperature weights</caption>
 *   <tr><th>kind</th><th>weight</th><th>informed by</th></tr>
 *   <tr><td>establish relations, restore relations</td><td>+6.0</td><td>054 grant recognition</td></tr>
 *   <tr><td>accredit ambassador, appoint attaché</td><td>+3.5</td><td>050 diplomatic cooperation</td></tr>
 *   <tr><td>sign agreement</td><td>+8.0</td><td>057 sign formal agreement</td></tr>
 *   <tr><td>restore agreement</td><td>+7.0</td><td>between 057 and 085</td></tr>
 *   <tr><td>station forces (invited)</td><td>+7.4</td><td>062 military cooperation</td></tr>
 *   <tr><td>station forces (not invited)</td><td>−7.2</td><td>150 military posture</td></tr>
 *   <tr><td>hold talks</td><td>+1.0</td><td>040 consult</td></tr>
 *   <tr><td>record interaction</td><td>its Goldstein value</td><td>its CAMEO code</td></tr>
 *   <tr><td>pledge cooperation</td><td>+5.2</td><td>0312 intent to cooperate militarily</td></tr>
 *   <tr><td>lift sanctions</td><td>+7.0</td><td>085 ease sanctions</td></tr>
 *   <tr><td>impose sanctions</td><td>−8.0</td><td>163 impose sanctions</td></tr>
 *   <tr><td>demand withdrawal</td><td>−5.0</td><td>106 demand withdrawal</td></tr>
 *   <tr><td>suspend agreement</td><td>−4.0</td><td>160 reduce relations</td></tr>
 *   <tr><td>denounce agreement</td><td>−5.6</td><td>1622 stop military assistance</td></tr>
 *   <tr><td>schedule withdrawal</td><td>−5.0</td><td>106 (negative whoever acts)</td></tr>
 *   <tr><td>hand over base</td><td>−3.0</td><td>part of a withdrawal</td></tr>
 *   <tr><td>complete withdrawal</td><td>−7.0</td><td>166 expel or withdraw</td></tr>
 *   <tr><td>recall envoy</td><td>−4.0</td><td>161 reduce or break relations</td></tr>
 *   <tr><td>expel envoy</td><td>−5.0</td><td>174 expel individuals</td></tr>
 *   <tr><td>downgrade relations, sever relations</td><td>−4.0</td><td>161 reduce or break relations</td></tr>
 *   <tr><td>join, reinstate membership</td><td>+6.0</td><td>as establishing relations (CAMEO has no membership code)</td></tr>
 *   <tr><td>suspend membership, announce withdrawal</td><td>−4.0</td><td>160 reduce relations</td></tr>
 *   <tr><td>withdraw (from an organisation)</td><td>−4.0</td><td>161 reduce or break relations</td></tr>
 * </table>
 *
 * <p>Membership facts (a country and an organisation) weigh in the temperature but are neither
 * cooperative nor winding-down steps for the status: those steps are about military ties, which a
 * membership does not change.
 */
public final class Definitions {

    /** The default status and pledge window, in days: {@code [d-179, d]}. */
    public static final int WINDOW_DAYS = 180;
    /** The half-life of a fact's weight in the temperature, in days. */
    public static final int HALF_LIFE_DAYS = 90;
    /** How far back the trend compares, in days. */
    public static final int TREND_DAYS = 90;

    private static final Map<FactKind, Double> WEIGHTS = new EnumMap<>(FactKind.class);

    static {
        WEIGHTS.put(FactKind.ESTABLISH_RELATIONS, 6.0);
        WEIGHTS.put(FactKind.RESTORE_RELATIONS, 6.0);
        WEIGHTS.put(FactKind.ACCREDIT_AMBASSADOR, 3.5);
        WEIGHTS.put(FactKind.APPOINT_ATTACHE, 3.5);
        WEIGHTS.put(FactKind.SIGN_AGREEMENT, 8.0);
        WEIGHTS.put(FactKind.RESTORE_AGREEMENT, 7.0);
        WEIGHTS.put(FactKind.STATION_FORCES, 7.4);
        WEIGHTS.put(FactKind.HOLD_TALKS, 1.0);
        WEIGHTS.put(FactKind.RECORD_INTERACTION, 0.0);
        WEIGHTS.put(FactKind.PLEDGE_COOPERATION, 5.2);
        WEIGHTS.put(FactKind.LIFT_SANCTIONS, 7.0);
        WEIGHTS.put(FactKind.IMPOSE_SANCTIONS, -8.0);
        WEIGHTS.put(FactKind.DEMAND_WITHDRAWAL, -5.0);
        WEIGHTS.put(FactKind.SUSPEND_AGREEMENT, -4.0);
        WEIGHTS.put(FactKind.DENOUNCE_AGREEMENT, -5.6);
        WEIGHTS.put(FactKind.SCHEDULE_WITHDRAWAL, -5.0);
        WEIGHTS.put(FactKind.HAND_OVER_BASE, -3.0);
        WEIGHTS.put(FactKind.COMPLETE_WITHDRAWAL, -7.0);
        WEIGHTS.put(FactKind.RECALL_ENVOY, -4.0);
        WEIGHTS.put(FactKind.EXPEL_ENVOY, -5.0);
        WEIGHTS.put(FactKind.DOWNGRADE_RELATIONS, -4.0);
        WEIGHTS.put(FactKind.SEVER_RELATIONS, -4.0);
        WEIGHTS.put(FactKind.JOIN, 6.0);
        WEIGHTS.put(FactKind.REINSTATE_MEMBERSHIP, 6.0);
        WEIGHTS.put(FactKind.SUSPEND_MEMBERSHIP, -4.0);
        WEIGHTS.put(FactKind.ANNOUNCE_WITHDRAWAL, -4.0);
        WEIGHTS.put(FactKind.WITHDRAW, -4.0);
    }

    private Definitions() {
    }

    /**
     * {@return a fact's temperature weight (see the table above)}
     *
     * @param fact any recorded fact; an interaction weighs its CAMEO Goldstein score
     */
    public static double weight(FactEvent fact) {
        Require.nonNull(fact, "fact", "a recorded FactEvent, such as one of DyadHistory.facts()");
        if (fact instanceof FactEvent.InteractionRecorded i) {
            return i.goldstein();
        }
        if (fact instanceof FactEvent.ForcesStationed f && !f.invited()) {
            return -7.2;
        }
        return WEIGHTS.get(fact.kind());
    }

    /**
     * {@return the decay factor of a weight {@code days} old: {@code 0.5^(days / 90)}}
     *
     * @param days the weight's age in days, 0 or more (0 gives 1.0, 90 gives 0.5)
     */
    public static double decay(long days) {
        return Math.pow(0.5, days / (double) HALF_LIFE_DAYS);
    }

    /**
     * {@return the first day of the window that ends on {@code date}}
     *
     * @param date the last day of the window
     * @param windowDays the window's length in days (180 by default): 1 gives {@code date} itself
     */
    public static LocalDate windowStart(LocalDate date, int windowDays) {
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return date.minusDays(windowDays - 1L);
    }

    /**
     * {@return the status of a dyad on {@code date}, from its state after the facts up to that date}
     *
     * @param state      the state after every fact on or before the date
     * @param date       the day the status is given for
     * @param windowDays the window, 180 by default
     */
    public static Status status(RelationshipState state, LocalDate date, int windowDays) {
        Require.nonNull(state, "state", "the RelationshipState of a dyad, such as entente.history(dyad).get().state()");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        if (state.isEmpty()) {
            return Status.NONE;
        }
        if (state.relations().status() == RelationshipState.RelationsStatus.SEVERED) {
            return Status.SEVERED;
        }
        Steps steps = state.steps();
        boolean ties = state.hasMilitaryTies();
        if (ties && steps.lastWindingDownStep().isPresent() && steps.windingDownUnresolved()) {
            return Status.WINDING_DOWN;
        }
        if (!ties && steps.hadMilitaryTies() && !steps.cooperativeSinceTiesEnded()) {
            return Status.ENDED;
        }
        LocalDate start = windowStart(date, windowDays);
        if (steps.lastCooperativeStep().filter(d -> !d.isBefore(start)).isPresent() && steps.cooperativeAfterWindingDown()) {
            return Status.STRENGTHENING;
        }
        return Status.ACTIVE;
    }

    /**
     * {@return how many of the four security elements a dyad has on {@code date}: a military agreement in
     * force, foreign forces present, a defence attaché in post, a military or security pledge within
     * the window} Every element counts in either direction.
     *
     * @param state the dyad's state after every fact on or before the date
     * @param date the day the elements are counted on
     * @param windowDays the window's length in days (180 by default), for the pledges
     */
    public static int securityWeight(RelationshipState state, LocalDate date, int windowDays) {
        Require.nonNull(state, "state", "the RelationshipState of a dyad, such as entente.history(dyad).get().state()");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        int weight = 0;
        if (!state.militaryAgreementsInForce().isEmpty()) {
            weight++;
        }
        if (!state.forcesPresent().isEmpty()) {
            weight++;
        }
        if (state.envoys().stream().anyMatch(e -> e.role() == org.entente.core.relationship.EnvoyRole.DEFENCE_ATTACHE)) {
            weight++;
        }
        LocalDate start = windowStart(date, windowDays);
        if (state.steps().lastSecurityPledge().filter(d -> !d.isBefore(start)).isPresent()) {
            weight++;
        }
        return weight;
    }

    /** Days between two dates, for decay. */
    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
