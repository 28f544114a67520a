package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipEvent.FactCorrected;
import org.entente.core.relationship.RelationshipEvent.FactsRetracted;

/**
 * A fact of a bilateral relationship, as stored: one event per kind, named in the past tense.
 *
 * <p>Each event has a twin {@link FactCommand} with the same components in the same order
 * ({@code FactTwinsTest} checks every pair by reflection, so the two families cannot drift apart).
 * Every place that handles facts implements {@link Visitor}: a new kind that a projection forgets does
 * not compile.
 */
public sealed interface FactEvent extends RelationshipEvent {

    /** {@return the fact's id, date, actor, target and sources} */
    FactHeader fact();

    /** {@return the kind, which gives the lifecycle rank} */
    FactKind kind();

    /**
     * The fact's id, short for {@code fact().id()}.
     *
     * @return the id
     */
    default org.entente.core.FactId id() {
        return fact().id();
    }

    /**
     * When the fact happened, short for {@code fact().happened()}.
     *
     * @return the date with its precision
     */
    default org.entente.core.HappenedOn happened() {
        return fact().happened();
    }

    /**
     * Calls the visitor's method for this event's type.
     *
     * @param <R> the type of the visitor's result
     * @param visitor the handler, with one method per kind of fact
     * @return what the visitor's method for this event returned
     */
    <R> R accept(Visitor<R> visitor);

    @Override
    default org.entente.core.Dyad dyad() {
        return fact().dyad();
    }

    @Override
    default <R> R match(java.util.function.Function<? super FactEvent, R> onFact,
                        java.util.function.Function<? super FactsRetracted, R> onRetracted,
                        java.util.function.Function<? super FactCorrected, R> onCorrected) {
        return onFact.apply(this);
    }

    /** One method per kind of fact. */
    interface Visitor<R> {
        /**
         * Handles the establishment of diplomatic relations.
         *
         * @param event the establishment; its header says who, with whom and when
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(RelationsEstablished event);

        /**
         * Handles relations restored in full after they were severed or downgraded.
         *
         * @param event the restoration
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(RelationsRestored event);

        /**
         * Handles a downgrade of relations (for example to chargé d'affaires level).
         *
         * @param event the downgrade
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(RelationsDowngraded event);

        /**
         * Handles the severance of relations, after which every envoy of either side leaves post.
         *
         * @param event the severance
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(RelationsSevered event);

        /**
         * Handles the accreditation of a head of mission (an ambassador or a chargé d'affaires).
         *
         * @param event the accreditation, with the mission level and the envoy's name if known
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AmbassadorAccredited event);

        /**
         * Handles the appointment of a defence attaché.
         *
         * @param event the appointment, with the attaché's name and rank if known and the service
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AttacheAppointed event);

        /**
         * Handles an envoy recalled by the country that sent them.
         *
         * @param event the recall, with the envoy's role and the fact that appointed them, when it was recorded
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(EnvoyRecalled event);

        /**
         * Handles an envoy expelled by the host.
         *
         * @param event the expulsion, with the envoy's role and the fact that appointed them, when it was recorded
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(EnvoyExpelled event);

        /**
         * Handles the signing of an agreement, which is in force from the day it happened.
         *
         * @param event the signing, with what the agreement is about and its title if known; later facts name the
         *        agreement by this fact's id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AgreementSigned event);

        /**
         * Handles the suspension of an agreement in force.
         *
         * @param event the suspension, naming the signing's fact id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AgreementSuspended event);

        /**
         * Handles the denunciation of an agreement, which ends it.
         *
         * @param event the denunciation, naming the signing's fact id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AgreementDenounced event);

        /**
         * Handles an agreement that was suspended or denounced coming back into force.
         *
         * @param event the restoration, naming the signing's fact id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(AgreementRestored event);

        /**
         * Handles forces stationed by the actor in the target.
         *
         * @param event the stationing, with where, how many, the bases and whether invited; later facts name the
         *        forces by this fact's id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(ForcesStationed event);

        /**
         * Handles the host's demand that the target's forces leave.
         *
         * @param event the demand, naming the stationings concerned (empty for all of them)
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(WithdrawalDemanded event);

        /**
         * Handles a withdrawal scheduled by the country whose forces leave.
         *
         * @param event the schedule, with its deadline if set and the stationings concerned (empty for all of them)
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(WithdrawalScheduled event);

        /**
         * Handles a base handed over to the host by the forces that leave.
         *
         * @param event the hand-over, naming the stationing that used the base and the base
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(BaseHandedOver event);

        /**
         * Handles a completed withdrawal: the forces have left.
         *
         * @param event the completion, naming the stationings that end (empty for all of them)
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(WithdrawalCompleted event);

        /**
         * Handles a government's formal pledge of cooperation.
         *
         * @param event the pledge, with the fields it covers
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(CooperationPledged event);

        /**
         * Handles talks, a visit or consultations (an interaction: it does not change structure).
         *
         * @param event the talks, with what was discussed if known
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(TalksHeld event);

        /**
         * Handles sanctions imposed by the actor on the target.
         *
         * @param event the imposition, with what the sanctions are; later facts name them by this fact's id
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(SanctionsImposed event);

        /**
         * Handles the lifting of sanctions the actor imposed.
         *
         * @param event the lifting, naming the fact that imposed them
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(SanctionsLifted event);

        /**
         * Handles a coded interaction as event data records it.
         *
         * @param event the interaction, with its CAMEO code, Goldstein value and description
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(InteractionRecorded event);

        /**
         * Handles a country joining an organisation.
         *
         * @param event the joining; the country is the actor, the organisation the target
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(MemberJoined event);

        /**
         * Handles an organisation suspending a member.
         *
         * @param event the suspension, with what it covers if said
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(MembershipSuspended event);

        /**
         * Handles an organisation reinstating a suspended member.
         *
         * @param event the reinstatement
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(MembershipReinstated event);

        /**
         * Handles a member announcing its withdrawal from an organisation.
         *
         * @param event the announcement, with the day the withdrawal takes effect
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(MembershipWithdrawalAnnounced event);

        /**
         * Handles a member's withdrawal from an organisation taking effect.
         *
         * @param event the withdrawal
         * @return this visitor's result for the fact, which {@link FactEvent#accept(Visitor)} returns
         */
        R visit(MembershipWithdrawn event);
    }

    /**
     * Diplomatic relations are established (they are presumed to exist unless severed).
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record RelationsEstablished(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public RelationsEstablished {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.ESTABLISH_RELATIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Relations that were severed or downgraded are restored in full.
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record RelationsRestored(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public RelationsRestored {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.RESTORE_RELATIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Relations are downgraded (for example to chargé d'affaires level).
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record RelationsDowngraded(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public RelationsDowngraded {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.DOWNGRADE_RELATIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Diplomatic relations are severed; every envoy of either side leaves post.
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record RelationsSevered(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public RelationsSevered {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.SEVER_RELATIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor accredits a head of mission to the target (an ambassador, or a chargé d'affaires); it replaces the actor's previous head of mission there.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param level an ambassador or a chargé d'affaires
     * @param name the envoy's name, if known
     */
    record AmbassadorAccredited(FactHeader fact, MissionLevel level, Optional<String> name) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param level an ambassador or a chargé d'affaires
         * @param name the envoy's name, if known
         */
        public AmbassadorAccredited {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(name, "name").ifPresent(x -> Texts.text(fact, "name", x));
        }

        @Override
        public FactKind kind() {
            return FactKind.ACCREDIT_AMBASSADOR;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor appoints a defence attaché to its embassy in the target; it replaces the actor's previous attaché there.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param name the attaché's name
     * @param rank military rank, for example Colonel
     * @param service defence, army, naval or air; {@link AttacheService#OTHER} for a value of a store
     *        written when the service was free text
     * @param otherService that stored text when the service is {@code OTHER}, otherwise empty
     */
    record AttacheAppointed(FactHeader fact, Optional<String> name, Optional<String> rank, AttacheService service,
                            Optional<String> otherService) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param name the attaché's name
         * @param rank military rank, for example Colonel
         * @param service defence, army, naval or air; {@link AttacheService#OTHER} for a value of a store
         *        written when the service was free text
         * @param otherService that stored text when the service is {@code OTHER}, otherwise empty
         */
        public AttacheAppointed {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(name, "name").ifPresent(x -> Texts.text(fact, "name", x));
            Objects.requireNonNull(rank, "rank").ifPresent(x -> Texts.text(fact, "rank", x));
            Texts.service(fact, service, otherService, x -> Texts.text(fact, "otherService", x));
        }

        /**
         * An attaché of one of the four services.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param name the attaché's name, if known
         * @param rank military rank, if known
         * @param service defence, army, naval or air
         */
        public AttacheAppointed(FactHeader fact, Optional<String> name, Optional<String> rank, AttacheService service) {
            this(fact, name, rank, service, Optional.empty());
        }

        /**
         * The service as text, as it is stored and printed: {@code "naval"}, or the other service's own text.
         *
         * @return the service's text
         */
        public String serviceText() {
            return otherService.orElse(service.text());
        }

        @Override
        public FactKind kind() {
            return FactKind.APPOINT_ATTACHE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor recalls its own envoy from the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param appointment the fact that appointed the envoy, when it was recorded
     * @param role the envoy's role
     */
    record EnvoyRecalled(FactHeader fact, Optional<FactId> appointment, EnvoyRole role) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param appointment the fact that appointed the envoy, when it was recorded
         * @param role the envoy's role
         */
        public EnvoyRecalled {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public FactKind kind() {
            return FactKind.RECALL_ENVOY;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor (the host) expels the target's envoy.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param appointment the fact that appointed the envoy, when it was recorded
     * @param role the envoy's role
     */
    record EnvoyExpelled(FactHeader fact, Optional<FactId> appointment, EnvoyRole role) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param appointment the fact that appointed the envoy, when it was recorded
         * @param role the envoy's role
         */
        public EnvoyExpelled {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public FactKind kind() {
            return FactKind.EXPEL_ENVOY;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The two countries sign an agreement; it is in force from the day it happened. Later facts name it by this fact's id.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreementKind what the agreement is about
     * @param title its title, if known
     */
    record AgreementSigned(FactHeader fact, AgreementKind agreementKind, Optional<String> title) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreementKind what the agreement is about
         * @param title its title, if known
         */
        public AgreementSigned {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(agreementKind, "agreementKind");
            Objects.requireNonNull(title, "title").ifPresent(x -> Texts.text(fact, "title", x));
        }

        @Override
        public FactKind kind() {
            return FactKind.SIGN_AGREEMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor suspends an agreement in force.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record AgreementSuspended(FactHeader fact, FactId agreement) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public AgreementSuspended {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactKind kind() {
            return FactKind.SUSPEND_AGREEMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor denounces an agreement in force or suspended; it ends.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record AgreementDenounced(FactHeader fact, FactId agreement) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public AgreementDenounced {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactKind kind() {
            return FactKind.DENOUNCE_AGREEMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An agreement that was suspended or denounced is in force again.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record AgreementRestored(FactHeader fact, FactId agreement) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public AgreementRestored {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactKind kind() {
            return FactKind.RESTORE_AGREEMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor stations forces in the target. Later facts name them by this fact's id.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param location where, for example Niamey
     * @param size about how many personnel
     * @param bases the bases they use
     * @param invited whether at the host's invitation
     */
    record ForcesStationed(FactHeader fact, Optional<String> location, Optional<Integer> size, List<String> bases, boolean invited) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param location where, for example Niamey
         * @param size about how many personnel
         * @param bases the bases they use
         * @param invited whether at the host's invitation
         */
        public ForcesStationed {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(location, "location").ifPresent(x -> Texts.text(fact, "location", x));
            Objects.requireNonNull(size, "size");
            bases = Texts.list(fact, "bases", bases);
            bases.forEach(x -> Texts.text(fact, "bases", x));
            size.ifPresent(s -> {
                if (s < 1) {
                    throw new IllegalArgumentException("fact " + fact.id() + ": size " + s + " must be at least 1");
                }
            });
        }

        @Override
        public FactKind kind() {
            return FactKind.STATION_FORCES;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor (the host) demands that the target's forces leave.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationings concerned; empty for all of the target's forces in the actor
     */
    record WithdrawalDemanded(FactHeader fact, List<FactId> forces) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationings concerned; empty for all of the target's forces in the actor
         */
        public WithdrawalDemanded {
            Objects.requireNonNull(fact, "fact");
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactKind kind() {
            return FactKind.DEMAND_WITHDRAWAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor (whose forces leave) schedules their withdrawal from the target; a later scheduling updates the deadline.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param deadline the day by which it ends, if set
     * @param forces the stationings concerned; empty for all of the actor's forces in the target
     */
    record WithdrawalScheduled(FactHeader fact, Optional<LocalDate> deadline, List<FactId> forces) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param deadline the day by which it ends, if set
         * @param forces the stationings concerned; empty for all of the actor's forces in the target
         */
        public WithdrawalScheduled {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(deadline, "deadline");
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactKind kind() {
            return FactKind.SCHEDULE_WITHDRAWAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor (whose forces leave) hands a base over to the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationing that used the base
     * @param base the base handed over
     */
    record BaseHandedOver(FactHeader fact, FactId forces, String base) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationing that used the base
         * @param base the base handed over
         */
        public BaseHandedOver {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(forces, "forces");
            Texts.text(fact, "base", base);
        }

        @Override
        public FactKind kind() {
            return FactKind.HAND_OVER_BASE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor's forces have left the target; the withdrawal must have been scheduled.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationings that end; empty for all of the actor's forces in the target
     */
    record WithdrawalCompleted(FactHeader fact, List<FactId> forces) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationings that end; empty for all of the actor's forces in the target
         */
        public WithdrawalCompleted {
            Objects.requireNonNull(fact, "fact");
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactKind kind() {
            return FactKind.COMPLETE_WITHDRAWAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A government's formal pledge of cooperation with the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param domains the fields covered, at least one
     */
    record CooperationPledged(FactHeader fact, List<CooperationDomain> domains) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param domains the fields covered, at least one
         */
        public CooperationPledged {
            Objects.requireNonNull(fact, "fact");
            domains = Texts.list(fact, "domains", domains);
            domains = domains.stream().distinct().sorted().toList();
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("fact " + fact.id() + ": a pledge names at least one domain");
            }
        }

        @Override
        public FactKind kind() {
            return FactKind.PLEDGE_COOPERATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Talks, a visit or consultations between the two (an interaction: it does not change structure).
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param subject what was discussed
     */
    record TalksHeld(FactHeader fact, Optional<String> subject) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param subject what was discussed
         */
        public TalksHeld {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(subject, "subject").ifPresent(x -> Texts.text(fact, "subject", x));
        }

        @Override
        public FactKind kind() {
            return FactKind.HOLD_TALKS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor imposes sanctions on the target. Later facts name them by this fact's id.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param description what the sanctions are
     */
    record SanctionsImposed(FactHeader fact, String description) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param description what the sanctions are
         */
        public SanctionsImposed {
            Objects.requireNonNull(fact, "fact");
            Texts.text(fact, "description", description);
        }

        @Override
        public FactKind kind() {
            return FactKind.IMPOSE_SANCTIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor lifts sanctions it imposed on the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param sanctions the fact that imposed them
     */
    record SanctionsLifted(FactHeader fact, FactId sanctions) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param sanctions the fact that imposed them
         */
        public SanctionsLifted {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(sanctions, "sanctions");
        }

        @Override
        public FactKind kind() {
            return FactKind.LIFT_SANCTIONS;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A coded interaction (statement, criticism, threat, visit...) as event data records it.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param code the CAMEO event code
     * @param goldstein the Goldstein value of the code
     * @param description a short description
     */
    record InteractionRecorded(FactHeader fact, CameoCode code, double goldstein, String description) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param code the CAMEO event code
         * @param goldstein the Goldstein value of the code
         * @param description a short description
         */
        public InteractionRecorded {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(code, "code");
            Texts.text(fact, "description", description);
        }

        @Override
        public FactKind kind() {
            return FactKind.RECORD_INTERACTION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor, a country, joins the target, an organisation; it is a member from this day.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     */
    record MemberJoined(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         */
        public MemberJoined {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.JOIN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor, an organisation, suspends the target, a member country; it stays a member.
     *
     * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
     * @param scope what the suspension covers, if said, for example {@code "decision-making bodies"}
     */
    record MembershipSuspended(FactHeader fact, Optional<String> scope) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
         * @param scope what the suspension covers, if said, for example {@code "decision-making bodies"}
         */
        public MembershipSuspended {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(scope, "scope").ifPresent(x -> Texts.text(fact, "scope", x));
        }

        @Override
        public FactKind kind() {
            return FactKind.SUSPEND_MEMBERSHIP;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor, an organisation, reinstates the target, a suspended member.
     *
     * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
     */
    record MembershipReinstated(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
         */
        public MembershipReinstated {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.REINSTATE_MEMBERSHIP;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor, a member country, announces its withdrawal from the target, an organisation, to take
     * effect on a later day (or the same day); it is a member until then.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     * @param effective the day the withdrawal takes effect, on or after the announcement
     */
    record MembershipWithdrawalAnnounced(FactHeader fact, LocalDate effective) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         * @param effective the day the withdrawal takes effect, on or after the announcement
         */
        public MembershipWithdrawalAnnounced {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(effective, "effective");
        }

        @Override
        public FactKind kind() {
            return FactKind.ANNOUNCE_WITHDRAWAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The actor, a member country, withdraws from the target, an organisation: the withdrawal takes
     * effect this day, and it is no longer a member.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     */
    record MembershipWithdrawn(FactHeader fact) implements FactEvent {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         */
        public MembershipWithdrawn {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public FactKind kind() {
            return FactKind.WITHDRAW;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
