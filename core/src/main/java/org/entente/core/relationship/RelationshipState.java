package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.Organisation;

/**
 * The structural state of a dyad after a prefix of its ordered facts: relations, envoys in post,
 * agreements, forces, sanctions, the membership of a country in an organisation, and what docs/DOMAIN.md's
 * status definitions need to know about steps.
 *
 * <p>Immutable. Obtained from {@link Decider#stateOf(Dyad, Iterable)} or from a projection; it is the
 * one place where the rules of diplomacy are applied, for commands, projections, replays to a date
 * and simulations alike.
 *
 * @param dyad                     the two actors the state is of
 * @param relations                the state of diplomatic relations
 * @param envoys                   envoys in post, either direction, in order of appointment
 * @param agreements               every agreement ever signed, with its status
 * @param forces                   every stationing ever recorded, present or not
 * @param sanctions                every sanctions regime ever imposed, in force or lifted
 * @param membership               the country's latest membership of the organisation, in a country–organisation
 *                                 dyad where one was recorded; empty otherwise
 * @param steps                    the dates of cooperative and winding-down steps (for statuses)
 * @param lastContact              the last talks or interaction, if any
 * @param lastFact                 the last fact applied, if any
 * @param factCount                how many facts were applied
 */
public record RelationshipState(
        Dyad dyad,
        Relations relations,
        List<Envoy> envoys,
        List<Agreement> agreements,
        List<Forces> forces,
        List<Sanctions> sanctions,
        Optional<Membership> membership,
        Steps steps,
        Optional<FactRef> lastContact,
        Optional<FactRef> lastFact,
        int factCount) {

    /**
     * Creates the record, checking its components.
     *
     * @param dyad the two actors the state is of
     * @param relations the state of diplomatic relations
     * @param envoys envoys in post, either direction, in order of appointment
     * @param agreements every agreement ever signed, with its status
     * @param forces every stationing ever recorded, present or not
     * @param sanctions every sanctions regime ever imposed, in force or lifted
     * @param membership the country's latest membership of the organisation, if any
     * @param steps the dates of cooperative and winding-down steps (for statuses)
     * @param lastContact the last talks or interaction, if any
     * @param lastFact the last fact applied, if any
     * @param factCount how many facts were applied
     */
    public RelationshipState {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(relations, "relations");
        envoys = List.copyOf(envoys);
        agreements = List.copyOf(agreements);
        forces = List.copyOf(forces);
        sanctions = List.copyOf(sanctions);
        Objects.requireNonNull(membership, "membership");
        membership.ifPresent(m -> {
            if (!Dyad.of(m.member(), m.organisation()).equals(dyad)) {
                throw new IllegalArgumentException("the membership of " + m.member() + " in " + m.organisation()
                        + " is not of the dyad " + dyad);
            }
        });
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(lastContact, "lastContact");
        Objects.requireNonNull(lastFact, "lastFact");
    }

    /**
     * A state with no membership: the components a state had before memberships were recorded, so that
     * code written then still compiles.
     *
     * @param dyad the two actors the state is of
     * @param relations the state of diplomatic relations
     * @param envoys envoys in post, either direction, in order of appointment
     * @param agreements every agreement ever signed, with its status
     * @param forces every stationing ever recorded, present or not
     * @param sanctions every sanctions regime ever imposed, in force or lifted
     * @param steps the dates of cooperative and winding-down steps (for statuses)
     * @param lastContact the last talks or interaction, if any
     * @param lastFact the last fact applied, if any
     * @param factCount how many facts were applied
     */
    public RelationshipState(Dyad dyad, Relations relations, List<Envoy> envoys, List<Agreement> agreements,
                             List<Forces> forces, List<Sanctions> sanctions, Steps steps,
                             Optional<FactRef> lastContact, Optional<FactRef> lastFact, int factCount) {
        this(dyad, relations, envoys, agreements, forces, sanctions, Optional.empty(), steps, lastContact, lastFact, factCount);
    }

    /**
     * {@return the state of a dyad before any fact}
     *
     * @param dyad the two actors
     */
    public static RelationshipState empty(Dyad dyad) {
        return new Fold(dyad).snapshot();
    }

    /** {@return whether no fact was applied} */
    public boolean isEmpty() {
        return factCount == 0;
    }

    /**
     * Military agreements in force (defence cooperation, status of forces, military assistance).
     *
     * @return the military agreements in force; empty when there is none
     */
    public List<Agreement> militaryAgreementsInForce() {
        return agreements.stream().filter(a -> a.status() == AgreementStatus.IN_FORCE && a.kind().isMilitary()).toList();
    }

    /**
     * Agreements in force, of any kind.
     *
     * @return the agreements in force; empty when there is none
     */
    public List<Agreement> agreementsInForce() {
        return agreements.stream().filter(a -> a.status() == AgreementStatus.IN_FORCE).toList();
    }

    /**
     * Foreign forces present, either direction.
     *
     * @return the stationings present, in either direction; empty when there is none
     */
    public List<Forces> forcesPresent() {
        return forces.stream().filter(Forces::present).toList();
    }

    /**
     * Sanctions in force, either direction.
     *
     * @return the sanctions in force
     */
    public List<Sanctions> sanctionsInForce() {
        return sanctions.stream().filter(s -> s.lifted().isEmpty()).toList();
    }

    /**
     * {@return whether the dyad has military ties: a military agreement in force or foreign forces present, in
     * either direction} Embassy guards are not forces and are never recorded as such.
     */
    public boolean hasMilitaryTies() {
        return !militaryAgreementsInForce().isEmpty() || !forcesPresent().isEmpty();
    }

    /**
     * {@return the envoy of this role that the sender has in post in the other country, if any}
     *
     * @param sender the country that sends the envoy
     * @param role the envoy's role, such as {@code AMBASSADOR} or {@code DEFENCE_ATTACHE}
     */
    public Optional<Envoy> envoy(Actor sender, EnvoyRole role) {
        return envoys.stream().filter(e -> e.sender().equals(sender) && e.role() == role).findFirst();
    }

    /**
     * {@return the country's membership status in the organisation on a date: {@link MembershipStatus#NONE}
     * when no membership is recorded (and in every dyad that is not a country and an organisation)}
     *
     * @param date the day asked about; see {@link Membership#status(LocalDate)}
     */
    public MembershipStatus membershipStatus(LocalDate date) {
        Objects.requireNonNull(date, "date is null; give a LocalDate such as LocalDate.of(2024, 8, 1)");
        return membership.map(m -> m.status(date)).orElse(MembershipStatus.NONE);
    }

    /** The state of diplomatic relations: they are presumed to exist unless severed. */
    public enum RelationsStatus {
        /** Nothing recorded: relations are presumed to exist. */
        PRESUMED,
        /** Relations were established or restored and stand at full level. */
        ESTABLISHED,
        /** Relations stand but were downgraded. */
        DOWNGRADED,
        /** Relations are severed. */
        SEVERED
    }

    /** The lifecycle of an agreement. */
    public enum AgreementStatus {
        /** Signed or restored, and in force. */
        IN_FORCE,
        /** Suspended by a party; it may be restored. */
        SUSPENDED,
        /** Denounced by a party: ended. */
        DENOUNCED
    }

    /**
     * Diplomatic relations.
     *
     * @param status the state
     * @param since  the day of the fact that set it, if any
     */
    public record Relations(RelationsStatus status, Optional<LocalDate> since) {
    }

    /** A short reference to a fact: its id, kind and day. */
    public record FactRef(FactId id, FactKind kind, LocalDate day) {
    }

    /**
     * An envoy in post.
     *
     * @param appointment the fact that accredited or appointed the envoy
     * @param sender      the country the envoy represents
     * @param host        where the envoy serves
     * @param role        the envoy's role, such as {@code AMBASSADOR}
     * @param name        the envoy's name, if known
     * @param rank        the military rank of an attaché, if known
     * @param since       the day of the appointment
     */
    public record Envoy(FactId appointment, Actor sender, Actor host, EnvoyRole role, Optional<String> name,
                        Optional<String> rank, LocalDate since) {
    }

    /**
     * An agreement between the two.
     *
     * @param signing     the fact that signed it, which names it
     * @param kind        what it is about
     * @param title       its title, if known
     * @param signed      the day it was signed
     * @param status      in force, suspended or denounced
     * @param statusSince the day the status was set
     */
    public record Agreement(FactId signing, AgreementKind kind, Optional<String> title, LocalDate signed,
                            AgreementStatus status, LocalDate statusSince) {
    }

    /**
     * Forces of one country stationed in the other.
     *
     * @param stationing      the fact that stationed them, which names them
     * @param owner           whose forces
     * @param host            where
     * @param location        where in the host, if known
     * @param size            about how many personnel, if known
     * @param bases           the bases they use
     * @param invited         whether at the host's invitation
     * @param since           the day they were stationed
     * @param withdrawal      the withdrawal scheduled, if any
     * @param basesHandedOver bases already handed over to the host
     * @param withdrawn       the day the withdrawal completed; empty while present
     */
    public record Forces(FactId stationing, Actor owner, Actor host, Optional<String> location,
                         Optional<Integer> size, List<String> bases, boolean invited, LocalDate since,
                         Optional<Withdrawal> withdrawal, List<String> basesHandedOver, Optional<LocalDate> withdrawn) {
        /**
         * Creates the record, checking its components.
         *
         * @param stationing the fact that stationed them, which names them
         * @param owner whose forces
         * @param host where
         * @param location where in the host, if known
         * @param size about how many personnel, if known
         * @param bases the bases they use
         * @param invited whether at the host's invitation
         * @param since the day they were stationed
         * @param withdrawal the withdrawal scheduled, if any
         * @param basesHandedOver bases already handed over to the host
         * @param withdrawn the day the withdrawal completed; empty while present
         */
        public Forces {
            bases = List.copyOf(bases);
            basesHandedOver = List.copyOf(basesHandedOver);
        }

        /** {@return whether they are still present} */
        public boolean present() {
            return withdrawn.isEmpty();
        }

        /**
         * The deadline of their scheduled withdrawal, short for {@code withdrawal().flatMap(Withdrawal::deadline)}.
         *
         * @return the last deadline set; empty when no withdrawal is scheduled or it has no deadline
         */
        public Optional<LocalDate> deadline() {
            return withdrawal.flatMap(Withdrawal::deadline);
        }
    }

    /**
     * A scheduled withdrawal.
     *
     * @param scheduledOn the day it was first scheduled
     * @param deadline    the last deadline set, if any
     */
    public record Withdrawal(LocalDate scheduledOn, Optional<LocalDate> deadline) {
    }

    /**
     * Sanctions imposed by one on the other.
     *
     * @param imposition  the fact that imposed them
     * @param imposer     who imposed them
     * @param target      on whom
     * @param description what they are
     * @param since       the day they were imposed
     * @param lifted      the day they were lifted, if they were
     */
    public record Sanctions(FactId imposition, Actor imposer, Actor target, String description, LocalDate since,
                            Optional<LocalDate> lifted) {
    }

    /** Where a country stands in an organisation on a date ({@link Membership#status(LocalDate)}). */
    public enum MembershipStatus {
        /** A member, not suspended, with no withdrawal announced. */
        MEMBER,
        /** A member whose membership is suspended (it has not announced a withdrawal). */
        SUSPENDED,
        /** A member that announced its withdrawal, which takes effect after the date asked about. */
        WITHDRAWING,
        /** A former member: it withdrew, or the withdrawal it announced took effect on or before the date. */
        FORMER,
        /** Not a member, nor a former one: nothing recorded, or the date is before it joined. */
        NONE
    }

    /**
     * A country's membership of an organisation: when it joined, and whether it is suspended, has
     * announced its withdrawal or has withdrawn. A withdrawal ends a suspension and an announcement, so a
     * former member has neither; joining again begins a new membership, which replaces this one.
     *
     * @param member              the member country
     * @param organisation        the organisation
     * @param joining             the fact by which it joined
     * @param joined              the day it joined
     * @param suspension          its suspension, while suspended
     * @param announcedWithdrawal the withdrawal it announced, until the withdrawal is recorded
     * @param withdrawal          the fact by which its withdrawal took effect, once recorded
     */
    public record Membership(Country member, Organisation organisation, FactId joining, LocalDate joined,
                             Optional<Suspension> suspension, Optional<AnnouncedWithdrawal> announcedWithdrawal,
                             Optional<FactRef> withdrawal) {
        /**
         * Creates the record, checking its components.
         *
         * @param member the member country
         * @param organisation the organisation
         * @param joining the fact by which it joined
         * @param joined the day it joined
         * @param suspension its suspension, while suspended
         * @param announcedWithdrawal the withdrawal it announced, until the withdrawal is recorded
         * @param withdrawal the fact by which its withdrawal took effect, once recorded
         */
        public Membership {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(joining, "joining");
            Objects.requireNonNull(joined, "joined");
            Objects.requireNonNull(suspension, "suspension");
            Objects.requireNonNull(announcedWithdrawal, "announcedWithdrawal");
            Objects.requireNonNull(withdrawal, "withdrawal");
        }

        /**
         * The day its suspension began, short for {@code suspension().map(Suspension::since)}.
         *
         * @return the day it was suspended; empty while not suspended
         */
        public Optional<LocalDate> suspendedSince() {
            return suspension.map(Suspension::since);
        }

        /**
         * The day its withdrawal took effect, short for {@code withdrawal().map(FactRef::day)}.
         *
         * @return the day of the recorded withdrawal; empty while it has not withdrawn
         */
        public Optional<LocalDate> withdrawn() {
            return withdrawal.map(FactRef::day);
        }

        /**
         * {@return where the member stands on a date} The first that applies:
         * {@link MembershipStatus#NONE} before it joined; {@link MembershipStatus#FORMER} once it withdrew,
         * or when the withdrawal it announced takes effect on or before {@code date};
         * {@link MembershipStatus#WITHDRAWING} when it announced a withdrawal that takes effect after
         * {@code date}; {@link MembershipStatus#SUSPENDED} while suspended; else
         * {@link MembershipStatus#MEMBER}.
         *
         * <p>The membership is the state's after its facts, so ask it about a day on or after its last
         * fact (the state on {@code date}, such as an as-of read gives): it knows the day an announced
         * withdrawal takes effect, not what a later state forgot (a suspension since lifted).
         *
         * @param date the day asked about
         */
        public MembershipStatus status(LocalDate date) {
            Objects.requireNonNull(date, "date is null; give a LocalDate such as LocalDate.of(2024, 8, 1)");
            if (date.isBefore(joined)) {
                return MembershipStatus.NONE;
            }
            if (withdrawal.isPresent()) {
                return MembershipStatus.FORMER;
            }
            if (announcedWithdrawal.isPresent()) {
                return date.isBefore(announcedWithdrawal.get().effective()) ? MembershipStatus.WITHDRAWING : MembershipStatus.FORMER;
            }
            return suspension.isPresent() ? MembershipStatus.SUSPENDED : MembershipStatus.MEMBER;
        }
    }

    /**
     * A member's suspension by the organisation.
     *
     * @param suspension the fact that suspended it
     * @param since      the day it was suspended
     * @param scope      what the suspension covers, if said
     */
    public record Suspension(FactId suspension, LocalDate since, Optional<String> scope) {
        /**
         * Creates the record, checking its components.
         *
         * @param suspension the fact that suspended it
         * @param since the day it was suspended
         * @param scope what the suspension covers, if said
         */
        public Suspension {
            Objects.requireNonNull(suspension, "suspension");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /**
     * A withdrawal a member announced.
     *
     * @param announcement the fact that announced it
     * @param announced    the day it was announced
     * @param effective    the day it takes effect, on or after {@code announced}
     */
    public record AnnouncedWithdrawal(FactId announcement, LocalDate announced, LocalDate effective) {
        /**
         * Creates the record, checking its components.
         *
         * @param announcement the fact that announced it
         * @param announced the day it was announced
         * @param effective the day it takes effect, on or after {@code announced}
         */
        public AnnouncedWithdrawal {
            Objects.requireNonNull(announcement, "announcement");
            Objects.requireNonNull(announced, "announced");
            Objects.requireNonNull(effective, "effective");
        }
    }

    /**
     * What the status definitions need about steps, kept as the facts are applied in order.
     *
     * @param lastCooperativeStep           the day of the last cooperative step, if any
     * @param lastWindingDownStep           the day of the last winding-down step, if any
     * @param cooperativeAfterWindingDown   whether the last cooperative step comes after the last winding-down step (or there is none)
     * @param windingDownUnresolved         whether a winding-down step happened that no completed withdrawal or restored agreement has since resolved
     * @param hadMilitaryTies               whether the dyad ever had military ties
     * @param cooperativeSinceTiesEnded     whether a cooperative step happened since the last military tie ended
     * @param lastSecurityPledge            the day of the last military or security pledge, if any
     */
    public record Steps(Optional<LocalDate> lastCooperativeStep, Optional<LocalDate> lastWindingDownStep,
                        boolean cooperativeAfterWindingDown, boolean windingDownUnresolved, boolean hadMilitaryTies,
                        boolean cooperativeSinceTiesEnded, Optional<LocalDate> lastSecurityPledge) {
    }
}
