package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.FactId;

/**
 * A command that records one fact on a bilateral relationship, named in the imperative. Each becomes
 * the {@link FactEvent} of the same kind when the rules accept it ({@link #toEvent()}).
 *
 * <p>These records are the stored form; build them with {@link Fact}, which names every option:
 *
 * <pre>{@code
 * FactCommand attache = Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(article)
 *         .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE).command();
 * }</pre>
 */
public sealed interface FactCommand extends RelationshipCommand {

    /** {@return the fact's id, date, actor, target and sources} */
    FactHeader fact();

    /** {@return the event this command records when the rules accept it} */
    FactEvent toEvent();

    /** {@return the kind, which gives the lifecycle rank (the same as its event's)} */
    default FactKind kind() {
        return toEvent().kind();
    }

    /**
     * The fact's id, short for {@code fact().id()}.
     *
     * @return the id
     */
    default FactId id() {
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
     * The command that would record this event again (used to read facts back into commands, for
     * example from a stored history into a simulation).
     *
     * @param event a stored fact, for example one read from a history
     * @return the command of the event's twin kind, with the same components (an
     *         {@link FactEvent.InteractionRecorded}'s Goldstein value is not carried: the command
     *         takes it from the code again)
     * @throws org.entente.core.text.ControlCharacterException when the event's text holds characters
     *         that new facts may not (a store written before they were refused keeps such events; read
     *         them as events, {@link org.entente.core.text.TerminalText} escapes them for output)
     */
    static FactCommand of(FactEvent event) {
        return event.accept(new FactEvent.Visitor<FactCommand>() {
            @Override
            public FactCommand visit(FactEvent.RelationsEstablished x) {
                return new EstablishRelations(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.RelationsRestored x) {
                return new RestoreRelations(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.RelationsDowngraded x) {
                return new DowngradeRelations(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.RelationsSevered x) {
                return new SeverRelations(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.AmbassadorAccredited x) {
                return new AccreditAmbassador(x.fact(), x.level(), x.name());
            }

            @Override
            public FactCommand visit(FactEvent.AttacheAppointed x) {
                return new AppointAttache(x.fact(), x.name(), x.rank(), x.service(), x.otherService());
            }

            @Override
            public FactCommand visit(FactEvent.EnvoyRecalled x) {
                return new RecallEnvoy(x.fact(), x.appointment(), x.role());
            }

            @Override
            public FactCommand visit(FactEvent.EnvoyExpelled x) {
                return new ExpelEnvoy(x.fact(), x.appointment(), x.role());
            }

            @Override
            public FactCommand visit(FactEvent.AgreementSigned x) {
                return new SignAgreement(x.fact(), x.agreementKind(), x.title());
            }

            @Override
            public FactCommand visit(FactEvent.AgreementSuspended x) {
                return new SuspendAgreement(x.fact(), x.agreement());
            }

            @Override
            public FactCommand visit(FactEvent.AgreementDenounced x) {
                return new DenounceAgreement(x.fact(), x.agreement());
            }

            @Override
            public FactCommand visit(FactEvent.AgreementRestored x) {
                return new RestoreAgreement(x.fact(), x.agreement());
            }

            @Override
            public FactCommand visit(FactEvent.ForcesStationed x) {
                return new StationForces(x.fact(), x.location(), x.size(), x.bases(), x.invited());
            }

            @Override
            public FactCommand visit(FactEvent.WithdrawalDemanded x) {
                return new DemandWithdrawal(x.fact(), x.forces());
            }

            @Override
            public FactCommand visit(FactEvent.WithdrawalScheduled x) {
                return new ScheduleWithdrawal(x.fact(), x.deadline(), x.forces());
            }

            @Override
            public FactCommand visit(FactEvent.BaseHandedOver x) {
                return new HandOverBase(x.fact(), x.forces(), x.base());
            }

            @Override
            public FactCommand visit(FactEvent.WithdrawalCompleted x) {
                return new CompleteWithdrawal(x.fact(), x.forces());
            }

            @Override
            public FactCommand visit(FactEvent.CooperationPledged x) {
                return new PledgeCooperation(x.fact(), x.domains());
            }

            @Override
            public FactCommand visit(FactEvent.TalksHeld x) {
                return new HoldTalks(x.fact(), x.subject());
            }

            @Override
            public FactCommand visit(FactEvent.SanctionsImposed x) {
                return new ImposeSanctions(x.fact(), x.description());
            }

            @Override
            public FactCommand visit(FactEvent.SanctionsLifted x) {
                return new LiftSanctions(x.fact(), x.sanctions());
            }

            @Override
            public FactCommand visit(FactEvent.InteractionRecorded x) {
                return new RecordInteraction(x.fact(), x.code(), x.description());
            }

            @Override
            public FactCommand visit(FactEvent.MemberJoined x) {
                return new Join(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.MembershipSuspended x) {
                return new SuspendMembership(x.fact(), x.scope());
            }

            @Override
            public FactCommand visit(FactEvent.MembershipReinstated x) {
                return new ReinstateMembership(x.fact());
            }

            @Override
            public FactCommand visit(FactEvent.MembershipWithdrawalAnnounced x) {
                return new AnnounceWithdrawal(x.fact(), x.effective());
            }

            @Override
            public FactCommand visit(FactEvent.MembershipWithdrawn x) {
                return new Withdraw(x.fact());
            }
        });
    }

    /**
     * Diplomatic relations are established (they are presumed to exist unless severed).
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record EstablishRelations(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public EstablishRelations {
            Texts.header(fact);
        }

        @Override
        public FactEvent.RelationsEstablished toEvent() {
            return new FactEvent.RelationsEstablished(fact);
        }
    }

    /**
     * Relations that were severed or downgraded are restored in full.
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record RestoreRelations(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public RestoreRelations {
            Texts.header(fact);
        }

        @Override
        public FactEvent.RelationsRestored toEvent() {
            return new FactEvent.RelationsRestored(fact);
        }
    }

    /**
     * Relations are downgraded (for example to chargé d'affaires level).
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record DowngradeRelations(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public DowngradeRelations {
            Texts.header(fact);
        }

        @Override
        public FactEvent.RelationsDowngraded toEvent() {
            return new FactEvent.RelationsDowngraded(fact);
        }
    }

    /**
     * Diplomatic relations are severed; every envoy of either side leaves post.
     *
     * @param fact the fact's id, date, actor, target and sources
     */
    record SeverRelations(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         */
        public SeverRelations {
            Texts.header(fact);
        }

        @Override
        public FactEvent.RelationsSevered toEvent() {
            return new FactEvent.RelationsSevered(fact);
        }
    }

    /**
     * The actor accredits a head of mission to the target (an ambassador, or a chargé d'affaires); it replaces the actor's previous head of mission there.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param level an ambassador or a chargé d'affaires
     * @param name the envoy's name, if known
     */
    record AccreditAmbassador(FactHeader fact, MissionLevel level, Optional<String> name) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param level an ambassador or a chargé d'affaires
         * @param name the envoy's name, if known
         */
        public AccreditAmbassador {
            Texts.header(fact);
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(name, "name").ifPresent(x -> Texts.line(fact, "name", x));
        }

        @Override
        public FactEvent.AmbassadorAccredited toEvent() {
            return new FactEvent.AmbassadorAccredited(fact, level, name);
        }
    }

    /**
     * The actor appoints a defence attaché to its embassy in the target; it replaces the actor's previous attaché there.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param name the attaché's name
     * @param rank military rank, for example Colonel
     * @param service defence, army, naval or air; {@link AttacheService#OTHER} only with its text
     * @param otherService the service's text when it is {@code OTHER} (read back from a store written
     *        when the service was free text), otherwise empty
     */
    record AppointAttache(FactHeader fact, Optional<String> name, Optional<String> rank, AttacheService service,
                          Optional<String> otherService) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param name the attaché's name
         * @param rank military rank, for example Colonel
         * @param service defence, army, naval or air; {@link AttacheService#OTHER} only with its text
         * @param otherService the service's text when it is {@code OTHER} (read back from a store written
         *        when the service was free text), otherwise empty
         */
        public AppointAttache {
            Texts.header(fact);
            Objects.requireNonNull(name, "name").ifPresent(x -> Texts.line(fact, "name", x));
            Objects.requireNonNull(rank, "rank").ifPresent(x -> Texts.line(fact, "rank", x));
            Texts.service(fact, service, otherService, x -> Texts.line(fact, "otherService", x));
        }

        /**
         * An attaché of one of the four services.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param name the attaché's name, if known
         * @param rank military rank, if known
         * @param service defence, army, naval or air
         */
        public AppointAttache(FactHeader fact, Optional<String> name, Optional<String> rank, AttacheService service) {
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
        public FactEvent.AttacheAppointed toEvent() {
            return new FactEvent.AttacheAppointed(fact, name, rank, service, otherService);
        }
    }

    /**
     * The actor recalls its own envoy from the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param appointment the fact that appointed the envoy, when it was recorded
     * @param role the envoy's role
     */
    record RecallEnvoy(FactHeader fact, Optional<FactId> appointment, EnvoyRole role) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param appointment the fact that appointed the envoy, when it was recorded
         * @param role the envoy's role
         */
        public RecallEnvoy {
            Texts.header(fact);
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public FactEvent.EnvoyRecalled toEvent() {
            return new FactEvent.EnvoyRecalled(fact, appointment, role);
        }
    }

    /**
     * The actor (the host) expels the target's envoy.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param appointment the fact that appointed the envoy, when it was recorded
     * @param role the envoy's role
     */
    record ExpelEnvoy(FactHeader fact, Optional<FactId> appointment, EnvoyRole role) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param appointment the fact that appointed the envoy, when it was recorded
         * @param role the envoy's role
         */
        public ExpelEnvoy {
            Texts.header(fact);
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public FactEvent.EnvoyExpelled toEvent() {
            return new FactEvent.EnvoyExpelled(fact, appointment, role);
        }
    }

    /**
     * The two countries sign an agreement; it is in force from the day it happened. Later facts name it by this fact's id.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreementKind what the agreement is about
     * @param title its title, if known
     */
    record SignAgreement(FactHeader fact, AgreementKind agreementKind, Optional<String> title) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreementKind what the agreement is about
         * @param title its title, if known
         */
        public SignAgreement {
            Texts.header(fact);
            Objects.requireNonNull(agreementKind, "agreementKind");
            Objects.requireNonNull(title, "title").ifPresent(x -> Texts.line(fact, "title", x));
        }

        @Override
        public FactEvent.AgreementSigned toEvent() {
            return new FactEvent.AgreementSigned(fact, agreementKind, title);
        }
    }

    /**
     * The actor suspends an agreement in force.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record SuspendAgreement(FactHeader fact, FactId agreement) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public SuspendAgreement {
            Texts.header(fact);
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactEvent.AgreementSuspended toEvent() {
            return new FactEvent.AgreementSuspended(fact, agreement);
        }
    }

    /**
     * The actor denounces an agreement in force or suspended; it ends.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record DenounceAgreement(FactHeader fact, FactId agreement) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public DenounceAgreement {
            Texts.header(fact);
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactEvent.AgreementDenounced toEvent() {
            return new FactEvent.AgreementDenounced(fact, agreement);
        }
    }

    /**
     * An agreement that was suspended or denounced is in force again.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param agreement the signing's fact id
     */
    record RestoreAgreement(FactHeader fact, FactId agreement) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param agreement the signing's fact id
         */
        public RestoreAgreement {
            Texts.header(fact);
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public FactEvent.AgreementRestored toEvent() {
            return new FactEvent.AgreementRestored(fact, agreement);
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
    record StationForces(FactHeader fact, Optional<String> location, Optional<Integer> size, List<String> bases, boolean invited) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param location where, for example Niamey
         * @param size about how many personnel
         * @param bases the bases they use
         * @param invited whether at the host's invitation
         */
        public StationForces {
            Texts.header(fact);
            Objects.requireNonNull(location, "location").ifPresent(x -> Texts.line(fact, "location", x));
            Objects.requireNonNull(size, "size");
            bases = Texts.list(fact, "bases", bases);
            Texts.lineItems(fact, "bases", bases);
            size.ifPresent(s -> {
                if (s < 1) {
                    throw new IllegalArgumentException("fact " + fact.id() + ": size " + s + " must be at least 1");
                }
            });
        }

        @Override
        public FactEvent.ForcesStationed toEvent() {
            return new FactEvent.ForcesStationed(fact, location, size, bases, invited);
        }
    }

    /**
     * The actor (the host) demands that the target's forces leave.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationings concerned; empty for all of the target's forces in the actor
     */
    record DemandWithdrawal(FactHeader fact, List<FactId> forces) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationings concerned; empty for all of the target's forces in the actor
         */
        public DemandWithdrawal {
            Texts.header(fact);
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactEvent.WithdrawalDemanded toEvent() {
            return new FactEvent.WithdrawalDemanded(fact, forces);
        }
    }

    /**
     * The actor (whose forces leave) schedules their withdrawal from the target; a later scheduling updates the deadline.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param deadline the day by which it ends, if set
     * @param forces the stationings concerned; empty for all of the actor's forces in the target
     */
    record ScheduleWithdrawal(FactHeader fact, Optional<LocalDate> deadline, List<FactId> forces) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param deadline the day by which it ends, if set
         * @param forces the stationings concerned; empty for all of the actor's forces in the target
         */
        public ScheduleWithdrawal {
            Texts.header(fact);
            Objects.requireNonNull(deadline, "deadline");
            deadline.ifPresent(day -> Dates.inRange(fact.id(), "deadline " + day, day));
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactEvent.WithdrawalScheduled toEvent() {
            return new FactEvent.WithdrawalScheduled(fact, deadline, forces);
        }
    }

    /**
     * The actor (whose forces leave) hands a base over to the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationing that used the base
     * @param base the base handed over
     */
    record HandOverBase(FactHeader fact, FactId forces, String base) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationing that used the base
         * @param base the base handed over
         */
        public HandOverBase {
            Texts.header(fact);
            Objects.requireNonNull(forces, "forces");
            Texts.line(fact, "base", base);
        }

        @Override
        public FactEvent.BaseHandedOver toEvent() {
            return new FactEvent.BaseHandedOver(fact, forces, base);
        }
    }

    /**
     * The actor's forces have left the target; the withdrawal must have been scheduled.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param forces the stationings that end; empty for all of the actor's forces in the target
     */
    record CompleteWithdrawal(FactHeader fact, List<FactId> forces) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param forces the stationings that end; empty for all of the actor's forces in the target
         */
        public CompleteWithdrawal {
            Texts.header(fact);
            forces = Texts.list(fact, "forces", forces);
        }

        @Override
        public FactEvent.WithdrawalCompleted toEvent() {
            return new FactEvent.WithdrawalCompleted(fact, forces);
        }
    }

    /**
     * A government's formal pledge of cooperation with the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param domains the fields covered, at least one
     */
    record PledgeCooperation(FactHeader fact, List<CooperationDomain> domains) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param domains the fields covered, at least one
         */
        public PledgeCooperation {
            Texts.header(fact);
            domains = Texts.list(fact, "domains", domains);
            domains = domains.stream().distinct().sorted().toList();
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("fact " + fact.id() + ": a pledge names at least one domain");
            }
        }

        @Override
        public FactEvent.CooperationPledged toEvent() {
            return new FactEvent.CooperationPledged(fact, domains);
        }
    }

    /**
     * Talks, a visit or consultations between the two (an interaction: it does not change structure).
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param subject what was discussed
     */
    record HoldTalks(FactHeader fact, Optional<String> subject) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param subject what was discussed
         */
        public HoldTalks {
            Texts.header(fact);
            Objects.requireNonNull(subject, "subject").ifPresent(x -> Texts.line(fact, "subject", x));
        }

        @Override
        public FactEvent.TalksHeld toEvent() {
            return new FactEvent.TalksHeld(fact, subject);
        }
    }

    /**
     * The actor imposes sanctions on the target. Later facts name them by this fact's id.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param description what the sanctions are
     */
    record ImposeSanctions(FactHeader fact, String description) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param description what the sanctions are
         */
        public ImposeSanctions {
            Texts.header(fact);
            Texts.lines(fact, "description", description);
        }

        @Override
        public FactEvent.SanctionsImposed toEvent() {
            return new FactEvent.SanctionsImposed(fact, description);
        }
    }

    /**
     * The actor lifts sanctions it imposed on the target.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param sanctions the fact that imposed them
     */
    record LiftSanctions(FactHeader fact, FactId sanctions) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param sanctions the fact that imposed them
         */
        public LiftSanctions {
            Texts.header(fact);
            Objects.requireNonNull(sanctions, "sanctions");
        }

        @Override
        public FactEvent.SanctionsLifted toEvent() {
            return new FactEvent.SanctionsLifted(fact, sanctions);
        }
    }

    /**
     * A coded interaction (statement, criticism, threat, visit...) as event data records it.
     *
     * @param fact the fact's id, date, actor, target and sources
     * @param code the CAMEO event code
     * @param description a short description
     */
    record RecordInteraction(FactHeader fact, CameoCode code, String description) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor, target and sources
         * @param code the CAMEO event code
         * @param description a short description
         */
        public RecordInteraction {
            Texts.header(fact);
            Objects.requireNonNull(code, "code");
            Texts.lines(fact, "description", description);
        }

        @Override
        public FactEvent.InteractionRecorded toEvent() {
            return new FactEvent.InteractionRecorded(fact, code, code.goldstein(), description);
        }
    }

    /**
     * The actor, a country, joins the target, an organisation.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     */
    record Join(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         */
        public Join {
            Texts.header(fact);
        }

        @Override
        public FactEvent.MemberJoined toEvent() {
            return new FactEvent.MemberJoined(fact);
        }
    }

    /**
     * The actor, an organisation, suspends the target, a member country.
     *
     * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
     * @param scope what the suspension covers, if said, for example {@code "decision-making bodies"}
     */
    record SuspendMembership(FactHeader fact, Optional<String> scope) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
         * @param scope what the suspension covers, if said, for example {@code "decision-making bodies"}
         */
        public SuspendMembership {
            Texts.header(fact);
            Objects.requireNonNull(scope, "scope").ifPresent(x -> Texts.line(fact, "scope", x));
        }

        @Override
        public FactEvent.MembershipSuspended toEvent() {
            return new FactEvent.MembershipSuspended(fact, scope);
        }
    }

    /**
     * The actor, an organisation, reinstates the target, a suspended member.
     *
     * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
     */
    record ReinstateMembership(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the organisation), target (the country) and sources
         */
        public ReinstateMembership {
            Texts.header(fact);
        }

        @Override
        public FactEvent.MembershipReinstated toEvent() {
            return new FactEvent.MembershipReinstated(fact);
        }
    }

    /**
     * The actor, a member country, announces its withdrawal from the target, an organisation.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     * @param effective the day the withdrawal takes effect, on or after the announcement (the rules check it)
     */
    record AnnounceWithdrawal(FactHeader fact, LocalDate effective) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         * @param effective the day the withdrawal takes effect, on or after the announcement (the rules check it)
         */
        public AnnounceWithdrawal {
            Texts.header(fact);
            Objects.requireNonNull(effective, () -> "fact " + fact.id() + ": effective is null; give the day the withdrawal takes effect");
            Dates.inRange(fact.id(), "effective " + effective, effective);
        }

        @Override
        public FactEvent.MembershipWithdrawalAnnounced toEvent() {
            return new FactEvent.MembershipWithdrawalAnnounced(fact, effective);
        }
    }

    /**
     * The actor, a member country, withdraws from the target, an organisation; it takes effect this day.
     *
     * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
     */
    record Withdraw(FactHeader fact) implements FactCommand {
        /**
         * Checks the components.
         *
         * @param fact the fact's id, date, actor (the country), target (the organisation) and sources
         */
        public Withdraw {
            Texts.header(fact);
        }

        @Override
        public FactEvent.MembershipWithdrawn toEvent() {
            return new FactEvent.MembershipWithdrawn(fact);
        }
    }
}
