package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent.AgreementDenounced;
import org.entente.core.relationship.FactEvent.AgreementRestored;
import org.entente.core.relationship.FactEvent.AgreementSigned;
import org.entente.core.relationship.FactEvent.AgreementSuspended;
import org.entente.core.relationship.FactEvent.AmbassadorAccredited;
import org.entente.core.relationship.FactEvent.AttacheAppointed;
import org.entente.core.relationship.FactEvent.BaseHandedOver;
import org.entente.core.relationship.FactEvent.CooperationPledged;
import org.entente.core.relationship.FactEvent.EnvoyExpelled;
import org.entente.core.relationship.FactEvent.EnvoyRecalled;
import org.entente.core.relationship.FactEvent.ForcesStationed;
import org.entente.core.relationship.FactEvent.InteractionRecorded;
import org.entente.core.relationship.FactEvent.MemberJoined;
import org.entente.core.relationship.FactEvent.MembershipReinstated;
import org.entente.core.relationship.FactEvent.MembershipSuspended;
import org.entente.core.relationship.FactEvent.MembershipWithdrawalAnnounced;
import org.entente.core.relationship.FactEvent.MembershipWithdrawn;
import org.entente.core.relationship.FactEvent.RelationsDowngraded;
import org.entente.core.relationship.FactEvent.RelationsEstablished;
import org.entente.core.relationship.FactEvent.RelationsRestored;
import org.entente.core.relationship.FactEvent.RelationsSevered;
import org.entente.core.relationship.FactEvent.SanctionsImposed;
import org.entente.core.relationship.FactEvent.SanctionsLifted;
import org.entente.core.relationship.FactEvent.TalksHeld;
import org.entente.core.relationship.FactEvent.WithdrawalCompleted;
import org.entente.core.relationship.FactEvent.WithdrawalDemanded;
import org.entente.core.relationship.FactEvent.WithdrawalScheduled;
import org.entente.core.relationship.RelationshipState.Agreement;
import org.entente.core.relationship.RelationshipState.AgreementStatus;
import org.entente.core.relationship.RelationshipState.Envoy;
import org.entente.core.relationship.RelationshipState.FactRef;
import org.entente.core.relationship.RelationshipState.Forces;
import org.entente.core.relationship.RelationshipState.Membership;
import org.entente.core.relationship.RelationshipState.Relations;
import org.entente.core.relationship.RelationshipState.RelationsStatus;
import org.entente.core.relationship.RelationshipState.Sanctions;
import org.entente.core.relationship.RelationshipState.Steps;
import org.entente.core.relationship.RelationshipState.Withdrawal;
import org.entente.core.text.TerminalText;

/**
 * The rules of diplomacy, as a mutable left fold over a dyad's facts in order: {@link #apply} checks a
 * fact against the state just before it and then changes the state, or throws {@link Violation}
 * leaving the state unchanged. Package-private: the public faces are {@link Decider} and
 * {@link RelationshipState}.
 *
 * <p>A fold continued from a state ({@link #from}) shares that state's immutable lists of envoys,
 * agreements, forces and sanctions until a fact changes one of them (see {@link Part}), and
 * {@link #snapshot()} hands unchanged lists on as they are. A checkpoint holds everything the dyad
 * ever signed, stationed or imposed, so copying it for every query made as-of queries cost more the
 * older the dyad; most facts (talks, interactions, pledges) change none of these lists.
 *
 * <p>Membership facts (a country and an organisation) follow {@link MembershipRules}. They are neither
 * cooperative nor winding-down steps: the status definitions' steps are about military ties, and a
 * country joining or leaving an organisation changes none.
 */
final class Fold implements FactEvent.Visitor<Void> {

    /** A broken rule, without a stack trace: folds throw it often while checking batches. */
    static final class Violation extends RuntimeException {
        private final Rule rule;

        Violation(Rule rule, String reason) {
            super(reason, null, false, false);
            this.rule = rule;
        }

        Rule rule() {
            return rule;
        }
    }

    private final Dyad dyad;
    private RelationsStatus relations = RelationsStatus.PRESUMED;
    private LocalDate relationsSince;
    private final Part<Envoy> envoys;
    private final Part<Agreement> agreements;
    private final Part<Forces> forces;
    private final Part<Sanctions> sanctions;
    /** The country's latest membership of the organisation; null when none is recorded. */
    private Membership membership;
    /**
     * Counts behind {@link #hasMilitaryTies()}, or -1 while not counted: a fold continued from a state
     * counts them only when a fact needs them, so that facts which change neither agreements nor
     * forces do not pay a pass over the checkpoint's agreements and forces.
     */
    private int militaryAgreementsInForce;
    private int forcesPresent;
    private long position;
    private long cooperativeAt = -1;
    private long windingDownAt = -1;
    private long resolvedAt = -1;
    private LocalDate lastCooperative;
    private LocalDate lastWindingDown;
    private LocalDate lastSecurityPledge;
    private boolean hadMilitaryTies;
    private boolean cooperativeSinceTiesEnded;
    private FactRef lastContact;
    private FactRef lastFact;
    private int factCount;

    /** Where the fact being applied happened; set by {@link #apply}. */
    private FactHeader current;
    /** Whether the fact being applied changed agreements or forces yet, and if so whether there were ties before it. */
    private boolean tiesCaptured;
    private boolean tiesBefore;

    Fold(Dyad dyad) {
        this(dyad, List.of(), List.of(), List.of(), List.of());
    }

    private Fold(Dyad dyad, List<Envoy> envoys, List<Agreement> agreements, List<Forces> forces,
                 List<Sanctions> sanctions) {
        this.dyad = dyad;
        this.envoys = new Part<>(Envoy::appointment, envoys);
        this.agreements = new Part<>(Agreement::signing, agreements);
        this.forces = new Part<>(Forces::stationing, forces);
        this.sanctions = new Part<>(Sanctions::imposition, sanctions);
    }

    /**
     * A fold that continues from a state (for example a projection's checkpoint). It costs the same
     * whatever the size of the state: the state's lists are shared, not copied, until a fact changes
     * them (they are immutable, so the state is never changed through the fold).
     */
    static Fold from(RelationshipState state) {
        Fold fold = new Fold(state.dyad(), state.envoys(), state.agreements(), state.forces(), state.sanctions());
        fold.militaryAgreementsInForce = -1;
        fold.forcesPresent = -1;
        fold.relations = state.relations().status();
        fold.relationsSince = state.relations().since().orElse(null);
        fold.membership = state.membership().orElse(null);
        Steps steps = state.steps();
        fold.lastCooperative = steps.lastCooperativeStep().orElse(null);
        fold.lastWindingDown = steps.lastWindingDownStep().orElse(null);
        fold.lastSecurityPledge = steps.lastSecurityPledge().orElse(null);
        fold.hadMilitaryTies = steps.hadMilitaryTies();
        fold.cooperativeSinceTiesEnded = steps.cooperativeSinceTiesEnded();
        // Positions only matter relative to each other: rebuild an order that gives the same answers.
        fold.position = 10;
        fold.windingDownAt = fold.lastWindingDown == null ? -1 : 2;
        fold.cooperativeAt = fold.lastCooperative == null ? -1 : (steps.cooperativeAfterWindingDown() ? 3 : 1);
        fold.resolvedAt = steps.windingDownUnresolved() ? 1 : (fold.lastWindingDown == null ? -1 : 3);
        fold.lastContact = state.lastContact().orElse(null);
        fold.lastFact = state.lastFact().orElse(null);
        fold.factCount = state.factCount();
        return fold;
    }

    /** An independent fold in the same state; cheap, since both share the lists until either writes. */
    Fold copy() {
        return from(snapshot());
    }

    /**
     * Checks the fact against the state and applies it.
     *
     * @throws Violation when a rule forbids the fact; the state is then unchanged
     */
    void apply(FactEvent event) {
        FactHeader fact = event.fact();
        if (!fact.dyad().equals(dyad)) {
            throw new Violation(Rule.FACT_OF_ANOTHER_DYAD, "the fact is about " + fact.dyad() + ", not " + dyad);
        }
        current = fact;
        tiesCaptured = false;
        event.accept(this);
        position++;
        factCount++;
        lastFact = new FactRef(fact.id(), event.kind(), fact.happened().day());
        // Only putAgreement and putForces change ties; they note the ties before the fact's first change.
        if (tiesCaptured) {
            boolean tiesAfter = hasMilitaryTies();
            if (tiesAfter) {
                hadMilitaryTies = true;
            }
            if (tiesBefore && !tiesAfter) {
                cooperativeSinceTiesEnded = false;
            }
        } else if (!hadMilitaryTies && hasMilitaryTies()) {
            // Ties unchanged by the fact: only a state built by hand can have ties it never had.
            hadMilitaryTies = true;
        }
    }

    /**
     * The state so far. Lists that no fact changed since the fold began or since the last snapshot are
     * handed on as they are (immutable, so the fold and the states may share them).
     */
    RelationshipState snapshot() {
        return new RelationshipState(dyad, new Relations(relations, Optional.ofNullable(relationsSince)),
                envoys.list(), agreements.list(), forces.list(), sanctions.list(), Optional.ofNullable(membership),
                new Steps(Optional.ofNullable(lastCooperative), Optional.ofNullable(lastWindingDown),
                        cooperativeAt > windingDownAt, windingDownAt > resolvedAt, hadMilitaryTies,
                        cooperativeSinceTiesEnded, Optional.ofNullable(lastSecurityPledge)),
                Optional.ofNullable(lastContact), Optional.ofNullable(lastFact), factCount);
    }

    // ----------------------------------------------------------------------------------- relations

    @Override
    public Void visit(RelationsEstablished e) {
        if (relations == RelationsStatus.SEVERED) {
            throw new Violation(Rule.RELATIONS_SEVERED, "relations are severed since " + relationsSince + "; record restore-relations instead");
        }
        if (relations == RelationsStatus.ESTABLISHED) {
            throw new Violation(Rule.RELATIONS_ALREADY_ESTABLISHED, "relations are already established since " + relationsSince);
        }
        setRelations(RelationsStatus.ESTABLISHED);
        return null;
    }

    @Override
    public Void visit(RelationsRestored e) {
        if (relations != RelationsStatus.SEVERED && relations != RelationsStatus.DOWNGRADED) {
            throw new Violation(Rule.RELATIONS_NOT_SEVERED_OR_DOWNGRADED, "only severed or downgraded relations can be restored; relations are " + describeRelations());
        }
        setRelations(RelationsStatus.ESTABLISHED);
        return null;
    }

    @Override
    public Void visit(RelationsDowngraded e) {
        requireNotSevered("relations cannot be downgraded");
        setRelations(RelationsStatus.DOWNGRADED);
        return null;
    }

    @Override
    public Void visit(RelationsSevered e) {
        requireNotSevered("relations cannot be severed again");
        setRelations(RelationsStatus.SEVERED);
        envoys.clear();
        return null;
    }

    // ------------------------------------------------------------------------------------ envoys

    @Override
    public Void visit(AmbassadorAccredited e) {
        requireNotSevered("no envoy can be accredited");
        // A new head of mission replaces the previous one, whatever its level.
        envoys.removeIf(x -> x.sender().equals(current.actor()) && x.role() != EnvoyRole.DEFENCE_ATTACHE);
        envoys.put(current.id(), new Envoy(current.id(), current.actor(), current.target(), e.level().role(), e.name(),
                Optional.empty(), day()));
        if (e.level() == MissionLevel.AMBASSADOR) {
            cooperative();
        }
        return null;
    }

    @Override
    public Void visit(AttacheAppointed e) {
        requireNotSevered("no envoy can be appointed");
        envoys.removeIf(x -> x.sender().equals(current.actor()) && x.role() == EnvoyRole.DEFENCE_ATTACHE);
        envoys.put(current.id(), new Envoy(current.id(), current.actor(), current.target(), EnvoyRole.DEFENCE_ATTACHE,
                e.name(), e.rank(), day()));
        cooperative();
        return null;
    }

    @Override
    public Void visit(EnvoyRecalled e) {
        endEnvoy(e.appointment(), e.role(), current.actor(), "recalled by");
        return null;
    }

    @Override
    public Void visit(EnvoyExpelled e) {
        endEnvoy(e.appointment(), e.role(), current.target(), "expelled by the host, not sent by");
        return null;
    }

    /** Ends an envoy's posting; an envoy never recorded may be recalled or expelled by role. */
    private void endEnvoy(Optional<FactId> appointment, EnvoyRole role, Actor sender, String whoMayEnd) {
        if (appointment.isPresent()) {
            Envoy envoy = envoys.get(appointment.get());
            if (envoy == null) {
                throw new Violation(Rule.ENVOY_NOT_IN_POST, "no envoy appointed by " + appointment.get() + " is in post on " + day()
                        + " (in post: " + describeEnvoys() + ")");
            }
            if (!envoy.sender().equals(sender)) {
                throw new Violation(Rule.ENVOY_NOT_IN_POST, "the envoy appointed by " + appointment.get() + " represents " + envoy.sender()
                        + "; it can only be " + whoMayEnd + " " + envoy.sender());
            }
            if (envoy.role() != role) {
                throw new Violation(Rule.ENVOY_NOT_IN_POST, "the envoy appointed by " + appointment.get() + " is " + envoy.role() + ", not " + role);
            }
            envoys.remove(appointment.get());
        } else {
            envoys.removeIf(x -> x.sender().equals(sender) && x.role() == role);
        }
    }

    // -------------------------------------------------------------------------------- agreements

    @Override
    public Void visit(AgreementSigned e) {
        requireNotSevered("no agreement can be signed");
        putAgreement(new Agreement(current.id(), e.agreementKind(), e.title(), day(), AgreementStatus.IN_FORCE, day()));
        if (e.agreementKind().isMilitary()) {
            cooperative();
        }
        return null;
    }

    @Override
    public Void visit(AgreementSuspended e) {
        Agreement a = agreement(e.agreement(), "suspended");
        if (a.status() != AgreementStatus.IN_FORCE) {
            throw new Violation(Rule.AGREEMENT_NOT_IN_FORCE, "only an agreement in force can be suspended; " + e.agreement() + " is "
                    + a.status() + " since " + a.statusSince());
        }
        changeAgreement(a, AgreementStatus.SUSPENDED);
        return null;
    }

    @Override
    public Void visit(AgreementDenounced e) {
        Agreement a = agreement(e.agreement(), "denounced");
        if (a.status() == AgreementStatus.DENOUNCED) {
            throw new Violation(Rule.AGREEMENT_ENDED, "only an agreement in force or suspended can be denounced; " + e.agreement()
                    + " was denounced on " + a.statusSince());
        }
        changeAgreement(a, AgreementStatus.DENOUNCED);
        return null;
    }

    @Override
    public Void visit(AgreementRestored e) {
        Agreement a = agreement(e.agreement(), "restored");
        if (a.status() == AgreementStatus.IN_FORCE) {
            throw new Violation(Rule.AGREEMENT_NOT_SUSPENDED_OR_DENOUNCED, "only a suspended or denounced agreement can be restored; " + e.agreement()
                    + " is in force since " + a.statusSince());
        }
        changeAgreement(a, AgreementStatus.IN_FORCE);
        if (a.kind().isMilitary()) {
            resolvedAt = position;
        }
        return null;
    }

    private Agreement agreement(FactId id, String verb) {
        Agreement a = agreements.get(id);
        if (a == null) {
            throw new Violation(Rule.AGREEMENT_NOT_SIGNED, "no agreement signed by " + id + " on or before " + day() + "; an agreement is "
                    + verb + " by naming its signing (signed: " + (agreements.isEmpty() ? "none"
                    : agreements.values().stream().map(x -> x.signing().value()).collect(Collectors.joining(", "))) + ")");
        }
        return a;
    }

    private void changeAgreement(Agreement a, AgreementStatus status) {
        putAgreement(new Agreement(a.signing(), a.kind(), a.title(), a.signed(), status, day()));
        if (status != AgreementStatus.IN_FORCE && a.kind().isMilitary()) {
            windingDown();
        }
    }

    // ------------------------------------------------------------------------------------ forces

    @Override
    public Void visit(ForcesStationed e) {
        if (e.invited()) {
            requireNotSevered("forces cannot be stationed at the host's invitation");
        }
        putForces(new Forces(current.id(), current.actor(), current.target(), e.location(), e.size(),
                e.bases(), e.invited(), day(), Optional.empty(), List.of(), Optional.empty()));
        if (e.invited()) {
            cooperative();
        }
        return null;
    }

    @Override
    public Void visit(WithdrawalDemanded e) {
        // The actor is the host; the forces are the target's.
        forcesConcerned(e.forces(), current.target(), current.actor(), "a withdrawal can be demanded");
        windingDown();
        return null;
    }

    @Override
    public Void visit(WithdrawalScheduled e) {
        e.deadline().ifPresent(d -> {
            if (d.isBefore(day())) {
                throw new Violation(Rule.DEADLINE_BEFORE_SCHEDULING, "the deadline " + d + " precedes the scheduling on " + day());
            }
        });
        for (Forces f : forcesConcerned(e.forces(), current.actor(), current.target(), "a withdrawal can be scheduled")) {
            Withdrawal w = f.withdrawal()
                    .map(old -> new Withdrawal(old.scheduledOn(), e.deadline().isPresent() ? e.deadline() : old.deadline()))
                    .orElse(new Withdrawal(day(), e.deadline()));
            putForces(withWithdrawal(f, Optional.of(w), f.basesHandedOver(), f.withdrawn()));
        }
        windingDown();
        return null;
    }

    @Override
    public Void visit(BaseHandedOver e) {
        Forces f = forcesConcerned(List.of(e.forces()), current.actor(), current.target(), "a base can be handed over").get(0);
        if (!f.bases().isEmpty() && !f.bases().contains(e.base())) {
            throw new Violation(Rule.BASE_NOT_OF_FORCES, "the forces of " + f.stationing() + " use "
                    + f.bases().stream().map(TerminalText::escape).toList() + ", not '" + TerminalText.escape(e.base()) + "'");
        }
        if (f.basesHandedOver().contains(e.base())) {
            throw new Violation(Rule.BASE_ALREADY_HANDED_OVER, "'" + TerminalText.escape(e.base()) + "' was already handed over");
        }
        List<String> handed = new ArrayList<>(f.basesHandedOver());
        handed.add(e.base());
        putForces(withWithdrawal(f, f.withdrawal(), handed, f.withdrawn()));
        return null;
    }

    @Override
    public Void visit(WithdrawalCompleted e) {
        List<Forces> concerned = forcesConcerned(e.forces(), current.actor(), current.target(), "a withdrawal can be completed");
        for (Forces f : concerned) {
            if (f.withdrawal().isEmpty()) {
                throw new Violation(Rule.WITHDRAWAL_NOT_SCHEDULED, "no withdrawal is scheduled on or before " + day() + " for " + f.stationing()
                        + " (last scheduled: " + lastScheduled() + ")");
            }
        }
        for (Forces f : concerned) {
            putForces(withWithdrawal(f, f.withdrawal(), f.basesHandedOver(), Optional.of(day())));
        }
        resolvedAt = position;
        return null;
    }

    /** The latest scheduling by day (forces are kept in stationing order, which says nothing about when they were scheduled). */
    private String lastScheduled() {
        Forces last = null;
        for (Forces f : forces.values()) {
            if (f.withdrawal().isPresent()
                    && (last == null || !f.withdrawal().get().scheduledOn().isBefore(last.withdrawal().get().scheduledOn()))) {
                last = f;
            }
        }
        return last == null ? "none" : last.withdrawal().get().scheduledOn() + " for " + last.stationing();
    }

    private static Forces withWithdrawal(Forces f, Optional<Withdrawal> w, List<String> handed, Optional<LocalDate> withdrawn) {
        return new Forces(f.stationing(), f.owner(), f.host(), f.location(), f.size(), f.bases(), f.invited(), f.since(),
                w, handed, withdrawn);
    }

    /** The named stationings (or all of the owner's in the host when none is named), each present. */
    private List<Forces> forcesConcerned(List<FactId> ids, Actor owner, Actor host, String what) {
        List<Forces> present = new ArrayList<>();
        if (ids.isEmpty()) {
            for (Forces f : forces.values()) {
                if (f.present() && f.owner().equals(owner)) {
                    present.add(f);
                }
            }
            if (present.isEmpty()) {
                throw new Violation(Rule.FORCES_NOT_PRESENT, what + " only for forces present, and no forces of " + owner + " are in " + host
                        + " on " + day() + " (forces recorded: " + describeForces() + ")");
            }
            return present;
        }
        for (FactId id : ids) {
            Forces f = forces.get(id);
            if (f == null) {
                throw new Violation(Rule.FORCES_NOT_STATIONED, "no forces were stationed by " + id + " on or before " + day()
                        + "; forces are named by their stationing (recorded: " + describeForces() + ")");
            }
            if (!f.owner().equals(owner)) {
                throw new Violation(Rule.FORCES_OF_ANOTHER_OWNER, "the forces of " + id + " are " + f.owner() + "'s, not " + owner + "'s");
            }
            if (!f.present()) {
                throw new Violation(Rule.FORCES_NOT_PRESENT, what + " only for forces present; the forces of " + id + " left on " + f.withdrawn().get());
            }
            present.add(f);
        }
        return present;
    }

    // ------------------------------------------------------------------------ cooperation, contact

    @Override
    public Void visit(CooperationPledged e) {
        if (e.domains().stream().anyMatch(CooperationDomain::isSecurity)) {
            lastSecurityPledge = day();
            cooperative();
        }
        return null;
    }

    @Override
    public Void visit(TalksHeld e) {
        lastContact = new FactRef(current.id(), FactKind.HOLD_TALKS, day());
        return null;
    }

    @Override
    public Void visit(InteractionRecorded e) {
        lastContact = new FactRef(current.id(), FactKind.RECORD_INTERACTION, day());
        return null;
    }

    @Override
    public Void visit(SanctionsImposed e) {
        sanctions.put(current.id(), new Sanctions(current.id(), current.actor(), current.target(), e.description(), day(),
                Optional.empty()));
        return null;
    }

    @Override
    public Void visit(SanctionsLifted e) {
        Sanctions s = sanctions.get(e.sanctions());
        if (s == null) {
            throw new Violation(Rule.SANCTIONS_NOT_IMPOSED, "no sanctions were imposed by " + e.sanctions() + " on or before " + day());
        }
        if (!s.imposer().equals(current.actor())) {
            throw new Violation(Rule.SANCTIONS_OF_ANOTHER_IMPOSER, "the sanctions of " + e.sanctions() + " were imposed by " + s.imposer()
                    + "; only " + s.imposer() + " can lift them");
        }
        if (s.lifted().isPresent()) {
            throw new Violation(Rule.SANCTIONS_ALREADY_LIFTED, "the sanctions of " + e.sanctions() + " were already lifted on " + s.lifted().get());
        }
        sanctions.put(s.imposition(), new Sanctions(s.imposition(), s.imposer(), s.target(), s.description(), s.since(),
                Optional.of(day())));
        return null;
    }

    // -------------------------------------------------------------------------------- membership

    @Override
    public Void visit(MemberJoined e) {
        membership = MembershipRules.join(membership, current);
        return null;
    }

    @Override
    public Void visit(MembershipSuspended e) {
        membership = MembershipRules.suspend(membership, current, e.scope());
        return null;
    }

    @Override
    public Void visit(MembershipReinstated e) {
        membership = MembershipRules.reinstate(membership, current);
        return null;
    }

    @Override
    public Void visit(MembershipWithdrawalAnnounced e) {
        membership = MembershipRules.announceWithdrawal(membership, current, e.effective());
        return null;
    }

    @Override
    public Void visit(MembershipWithdrawn e) {
        membership = MembershipRules.withdraw(membership, current);
        return null;
    }

    // ----------------------------------------------------------------------------------- helpers

    private LocalDate day() {
        return current.happened().day();
    }

    private void cooperative() {
        cooperativeAt = position;
        lastCooperative = day();
        cooperativeSinceTiesEnded = true;
    }

    private void windingDown() {
        windingDownAt = position;
        lastWindingDown = day();
    }

    private void setRelations(RelationsStatus status) {
        relations = status;
        relationsSince = day();
    }

    private void requireNotSevered(String consequence) {
        if (relations == RelationsStatus.SEVERED) {
            throw new Violation(Rule.RELATIONS_SEVERED, "relations are severed since " + relationsSince + ", so " + consequence);
        }
    }

    private String describeRelations() {
        return relations.name().toLowerCase(java.util.Locale.ROOT) + (relationsSince == null ? "" : " since " + relationsSince);
    }

    private String describeEnvoys() {
        return envoys.isEmpty() ? "none" : envoys.values().stream()
                .map(e -> e.appointment() + " (" + e.sender() + " " + e.role() + ")").collect(Collectors.joining(", "));
    }

    private String describeForces() {
        return forces.isEmpty() ? "none" : forces.values().stream()
                .map(f -> f.stationing() + " (" + f.owner() + (f.present() ? ", present" : ", left " + f.withdrawn().get()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * O(1) once counted: the counts are kept as agreements and forces change. A fold continued from a
     * state counts them (one pass, no copy) the first time it needs them.
     */
    private boolean hasMilitaryTies() {
        if (militaryAgreementsInForce < 0) {
            militaryAgreementsInForce = count(agreements.values(), Fold::militaryInForce);
        }
        if (forcesPresent < 0) {
            forcesPresent = count(forces.values(), Fold::present);
        }
        return militaryAgreementsInForce > 0 || forcesPresent > 0;
    }

    /** Before the fact being applied first changes agreements or forces: note whether there were ties. */
    private void tiesMayChange() {
        if (!tiesCaptured) {
            tiesBefore = hasMilitaryTies();
            tiesCaptured = true;
        }
    }

    private void putAgreement(Agreement a) {
        tiesMayChange();
        Agreement old = agreements.put(a.signing(), a);
        militaryAgreementsInForce += militaryInForce(a) - militaryInForce(old);
    }

    private void putForces(Forces f) {
        tiesMayChange();
        Forces old = forces.put(f.stationing(), f);
        forcesPresent += present(f) - present(old);
    }

    private static <V> int count(Collection<V> values, java.util.function.ToIntFunction<V> one) {
        int n = 0;
        for (V v : values) {
            n += one.applyAsInt(v);
        }
        return n;
    }

    private static int militaryInForce(Agreement a) {
        return a != null && a.status() == AgreementStatus.IN_FORCE && a.kind().isMilitary() ? 1 : 0;
    }

    private static int present(Forces f) {
        return f != null && f.present() ? 1 : 0;
    }

    /**
     * One list of the state (envoys, agreements, forces or sanctions), keyed by the fact that began
     * each entry and kept in the order those facts were applied.
     *
     * <p>Copy on write. It starts from an immutable list (a checkpoint's, or an empty one) and builds
     * its own map only when a fact first looks an entry up or changes one: facts that never touch the
     * list cost nothing, whatever its length. The immutable list is kept while it matches the entries,
     * so that {@link #list()} can hand it on without copying; a change drops it, and the next
     * {@link #list()} makes a new one.
     */
    private static final class Part<V> {
        private final Function<V, FactId> key;
        /** The entries, immutable and possibly shared with states; null once the map has changed since. */
        private List<V> list;
        /** The entries by key, owned by this fold; null until first needed. */
        private LinkedHashMap<FactId, V> map;

        /** @param entries an immutable list, which is shared, never changed */
        Part(Function<V, FactId> key, List<V> entries) {
            this.key = key;
            this.list = entries;
        }

        /** The entries, in order, to read only. */
        Collection<V> values() {
            return list != null ? list : map.values();
        }

        boolean isEmpty() {
            return values().isEmpty();
        }

        V get(FactId id) {
            return index().get(id);
        }

        V put(FactId id, V value) {
            return changing().put(id, value);
        }

        void remove(FactId id) {
            changing().remove(id);
        }

        void removeIf(Predicate<? super V> filter) {
            changing().values().removeIf(filter);
        }

        void clear() {
            list = List.of();
            map = null;
        }

        /** The entries as an immutable list: the one shared or last made if nothing changed since. */
        List<V> list() {
            if (list == null) {
                list = List.copyOf(map.values());
            }
            return list;
        }

        private LinkedHashMap<FactId, V> index() {
            if (map == null) {
                // The shared list is copied here, once, into a map of this fold's own.
                map = new LinkedHashMap<>(Math.max(16, (int) (list.size() / 0.75f) + 1));
                for (V v : list) {
                    map.put(key.apply(v), v);
                }
            }
            return map;
        }

        private LinkedHashMap<FactId, V> changing() {
            LinkedHashMap<FactId, V> m = index();
            list = null;
            return m;
        }
    }
}
