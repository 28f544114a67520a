package org.entente.eventdata;

import java.util.List;
import java.util.Objects;
import org.entente.core.CameoCode;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.FactEvent;

/**
 * The CAMEO code (and so the Goldstein value) of each kind of Entente fact, for exports. The fact's
 * actor is the CAMEO source and its target the CAMEO target, so the code describes what the actor did.
 *
 * <table>
 *   <caption>Entente facts and their CAMEO codes (Goldstein)</caption>
 *   <tr><th>fact</th><th>code</th></tr>
 *   <tr><td>establish relations, restore relations</td><td>054 Grant diplomatic recognition (6.0)</td></tr>
 *   <tr><td>accredit ambassador, appoint attaché</td><td>050 Engage in diplomatic cooperation (3.5)</td></tr>
 *   <tr><td>sign agreement, restore agreement</td><td>057 Sign formal agreement (8.0)</td></tr>
 *   <tr><td>station forces, invited</td><td>062 Cooperate militarily (7.4)</td></tr>
 *   <tr><td>station forces, not invited</td><td>150 Demonstrate military or police power (−7.2)</td></tr>
 *   <tr><td>hold talks</td><td>040 Consult (1.0)</td></tr>
 *   <tr><td>pledge cooperation</td><td>0312 intent to cooperate militarily (5.2) for military or security; 0314 intelligence only;
 *       0311 economic; 030 otherwise</td></tr>
 *   <tr><td>impose sanctions / lift sanctions</td><td>163 Impose embargo, boycott, or sanctions (−8.0) / 085 Ease economic sanctions (7.0)</td></tr>
 *   <tr><td>demand withdrawal (the host acts)</td><td>106 Demand withdrawal (−5.0)</td></tr>
 *   <tr><td>suspend agreement</td><td>160 Reduce relations (−4.0)</td></tr>
 *   <tr><td>denounce agreement</td><td>1622 Reduce or stop military assistance (−5.6); not 111, which is verbal criticism</td></tr>
 *   <tr><td>schedule withdrawal (the withdrawing side acts)</td><td>087 De-escalate military engagement (9.0)</td></tr>
 *   <tr><td>hand over base, complete withdrawal (the withdrawing side acts)</td><td>0874 Retreat or surrender militarily (10.0)</td></tr>
 *   <tr><td>recall envoy, downgrade relations, sever relations</td><td>161 Reduce or break diplomatic relations (−4.0)</td></tr>
 *   <tr><td>expel envoy</td><td>174 Expel or deport individuals (−5.0)</td></tr>
 *   <tr><td>join, reinstate membership (CAMEO has no code for membership)</td><td>054 Grant diplomatic recognition (6.0)</td></tr>
 *   <tr><td>suspend membership, announce withdrawal</td><td>160 Reduce relations (−4.0)</td></tr>
 *   <tr><td>withdraw</td><td>161 Reduce or break diplomatic relations (−4.0)</td></tr>
 *   <tr><td>interaction</td><td>its own code</td></tr>
 * </table>
 *
 * <p>Direction matters (docs/DOMAIN.md's trap): the same withdrawal is 0874 (+10) when the withdrawing side
 * acts and 166 Expel or withdraw (−7) when the host that expels the forces acts
 * ({@link #withdrawal(Side)}). Entente's rules make the withdrawing side the actor of every
 * scheduling, handover and completion, so a fact USA → NER "complete withdrawal" exports as USA → NER
 * 0874, never as NER → USA.
 *
 * <p>These codes are for export only: importing coded data never turns a code back into a structural
 * fact (see {@link Importer}).
 */
public final class CameoMapping {

    /** Who acts in a withdrawal. */
    public enum Side {
        /** The side whose forces leave: 0874 Retreat or surrender militarily (+10). */
        WITHDRAWING,
        /** The host that makes them leave: 166 Expel or withdraw (−7). */
        HOST
    }

    private static final CameoCode RECOGNITION = CameoCode.of("054");
    private static final CameoCode DIPLOMATIC_COOPERATION = CameoCode.of("050");
    private static final CameoCode SIGN_AGREEMENT = CameoCode.of("057");
    private static final CameoCode COOPERATE_MILITARILY = CameoCode.of("062");
    private static final CameoCode MILITARY_POSTURE = CameoCode.of("150");
    private static final CameoCode CONSULT = CameoCode.of("040");
    private static final CameoCode SANCTIONS = CameoCode.of("163");
    private static final CameoCode EASE_SANCTIONS = CameoCode.of("085");
    private static final CameoCode DEMAND_WITHDRAWAL = CameoCode.of("106");
    private static final CameoCode REDUCE_RELATIONS = CameoCode.of("160");
    private static final CameoCode STOP_MILITARY_ASSISTANCE = CameoCode.of("1622");
    private static final CameoCode DE_ESCALATE = CameoCode.of("087");
    private static final CameoCode RETREAT = CameoCode.of("0874");
    private static final CameoCode EXPEL_OR_WITHDRAW = CameoCode.of("166");
    private static final CameoCode BREAK_RELATIONS = CameoCode.of("161");
    private static final CameoCode EXPEL_INDIVIDUALS = CameoCode.of("174");

    private CameoMapping() {
    }

    /**
     * {@return the CAMEO code of a fact}
     *
     * <pre>{@code
     * CameoMapping.of(talks).code();            // "040"
     * CameoMapping.of(usaComplete).goldstein(); // 10.0 (USA, the withdrawing side, acts)
     * }</pre>
     *
     * @param fact any fact event; not null
     */
    public static CameoCode of(FactEvent fact) {
        return Objects.requireNonNull(fact, "fact").accept(CODES);
    }

    /**
     * {@return the code of a withdrawal by who acts in it: 0874 for the withdrawing side, 166 for the host}
     *
     * @param actor which side of the withdrawal acts in the CAMEO event
     */
    public static CameoCode withdrawal(Side actor) {
        return Objects.requireNonNull(actor, "actor") == Side.WITHDRAWING ? RETREAT : EXPEL_OR_WITHDRAW;
    }

    /**
     * {@return the code of a pledge of cooperation in these domains}
     *
     * @param domains the pledge's cooperation domains; military or security ones give {@code 0312}
     */
    public static CameoCode pledge(List<CooperationDomain> domains) {
        if (domains.contains(CooperationDomain.MILITARY) || domains.contains(CooperationDomain.SECURITY)) {
            return CameoCode.of("0312");
        }
        if (domains.contains(CooperationDomain.INTELLIGENCE)) {
            return CameoCode.of("0314");
        }
        return domains.contains(CooperationDomain.ECONOMIC) ? CameoCode.of("0311") : CameoCode.of("030");
    }

    private static final FactEvent.Visitor<CameoCode> CODES = new FactEvent.Visitor<>() {
        @Override
        public CameoCode visit(FactEvent.RelationsEstablished e) {
            return RECOGNITION;
        }

        @Override
        public CameoCode visit(FactEvent.RelationsRestored e) {
            return RECOGNITION;
        }

        @Override
        public CameoCode visit(FactEvent.RelationsDowngraded e) {
            return BREAK_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.RelationsSevered e) {
            return BREAK_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.AmbassadorAccredited e) {
            return DIPLOMATIC_COOPERATION;
        }

        @Override
        public CameoCode visit(FactEvent.AttacheAppointed e) {
            return DIPLOMATIC_COOPERATION;
        }

        @Override
        public CameoCode visit(FactEvent.EnvoyRecalled e) {
            return BREAK_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.EnvoyExpelled e) {
            return EXPEL_INDIVIDUALS;
        }

        @Override
        public CameoCode visit(FactEvent.AgreementSigned e) {
            return SIGN_AGREEMENT;
        }

        @Override
        public CameoCode visit(FactEvent.AgreementSuspended e) {
            return REDUCE_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.AgreementDenounced e) {
            return STOP_MILITARY_ASSISTANCE;
        }

        @Override
        public CameoCode visit(FactEvent.AgreementRestored e) {
            return SIGN_AGREEMENT;
        }

        @Override
        public CameoCode visit(FactEvent.ForcesStationed e) {
            return e.invited() ? COOPERATE_MILITARILY : MILITARY_POSTURE;
        }

        @Override
        public CameoCode visit(FactEvent.WithdrawalDemanded e) {
            return DEMAND_WITHDRAWAL;
        }

        @Override
        public CameoCode visit(FactEvent.WithdrawalScheduled e) {
            // The withdrawing side announces it: a de-escalation, not yet the retreat itself.
            return DE_ESCALATE;
        }

        @Override
        public CameoCode visit(FactEvent.BaseHandedOver e) {
            return withdrawal(Side.WITHDRAWING);
        }

        @Override
        public CameoCode visit(FactEvent.WithdrawalCompleted e) {
            return withdrawal(Side.WITHDRAWING);
        }

        @Override
        public CameoCode visit(FactEvent.CooperationPledged e) {
            return pledge(e.domains());
        }

        @Override
        public CameoCode visit(FactEvent.TalksHeld e) {
            return CONSULT;
        }

        @Override
        public CameoCode visit(FactEvent.SanctionsImposed e) {
            return SANCTIONS;
        }

        @Override
        public CameoCode visit(FactEvent.SanctionsLifted e) {
            return EASE_SANCTIONS;
        }

        @Override
        public CameoCode visit(FactEvent.InteractionRecorded e) {
            return e.code();
        }

        @Override
        public CameoCode visit(FactEvent.MemberJoined e) {
            return RECOGNITION;
        }

        @Override
        public CameoCode visit(FactEvent.MembershipSuspended e) {
            return REDUCE_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.MembershipReinstated e) {
            return RECOGNITION;
        }

        @Override
        public CameoCode visit(FactEvent.MembershipWithdrawalAnnounced e) {
            return REDUCE_RELATIONS;
        }

        @Override
        public CameoCode visit(FactEvent.MembershipWithdrawn e) {
            return BREAK_RELATIONS;
        }
    };
}
