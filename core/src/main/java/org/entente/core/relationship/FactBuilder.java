package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;

/**
 * The builder of one kind of fact, started by {@link Fact}: the kind's options by name, then
 * {@link #command()} for the {@link FactCommand} record. The header can still be changed here
 * ({@link #on(int, int, int)}, {@link #source(Source)}, {@link #header(UnaryOperator)}), which is what a
 * correction does with the builder of a recorded fact ({@link Fact#from(FactCommand)}).
 *
 * <p>A builder is mutable and not thread-safe; {@link #command()} may be called more than once and
 * builds from the values set so far. Values are checked when the command is built, with messages that
 * name the fact, the field and what is accepted; a null argument is refused at once.
 *
 * @param <C> the command built
 * @param <B> the builder's own type, returned by its methods
 */
public abstract sealed class FactBuilder<C extends FactCommand, B extends FactBuilder<C, B>> {

    private Fact header;
    private final FactKind kind;

    private FactBuilder(Fact header, FactKind kind) {
        this.header = header;
        this.kind = kind;
    }

    /**
     * The kind of fact this builder builds.
     *
     * @return its kind
     */
    public final FactKind kind() {
        return kind;
    }

    /**
     * The header as said so far (not yet checked).
     *
     * @return the fact's header stage
     */
    public final Fact fact() {
        return header;
    }

    /**
     * Changes the header: {@code b.header(h -> h.inMonth(2024, 5).background())}.
     *
     * @param change what to do to the header
     * @return this builder
     */
    public final B header(UnaryOperator<Fact> change) {
        Objects.requireNonNull(change, "change is null");
        header = Objects.requireNonNull(change.apply(header), "the header change returned null");
        return self();
    }

    /**
     * It happened on this day (see {@link Fact#on(int, int, int)}).
     *
     * @param year the year, 1600 to 2199
     * @param month the month, 1 to 12
     * @param dayOfMonth the day of the month, 1 to 28, 29, 30 or 31 as the month has
     * @return this builder
     */
    public final B on(int year, int month, int dayOfMonth) {
        return header(h -> h.on(year, month, dayOfMonth));
    }

    /**
     * It happened on this date, with its precision (see {@link Fact#on(HappenedOn)}).
     *
     * @param date when it happened
     * @return this builder
     */
    public final B on(HappenedOn date) {
        return header(h -> h.on(date));
    }

    /**
     * Who acted (see {@link Fact#by(Actor)}).
     *
     * @param actor the acting country
     * @return this builder
     */
    public final B by(Actor actor) {
        return header(h -> h.by(actor));
    }

    /**
     * Towards whom (see {@link Fact#towards(Actor)}).
     *
     * @param target the other country
     * @return this builder
     */
    public final B towards(Actor target) {
        return header(h -> h.towards(target));
    }

    /**
     * Adds a source (see {@link Fact#source(Source)}).
     *
     * @param source where the fact came from
     * @return this builder
     */
    public final B source(Source source) {
        return header(h -> h.source(source));
    }

    /**
     * The command, checked.
     *
     * @return the record this builder says
     * @throws IllegalStateException naming the fact and each missing value
     * @throws IllegalArgumentException naming the fact, the bad value and what is accepted
     */
    public final C command() {
        return build(header.header());
    }

    abstract C build(FactHeader fact);

    /**
     * This builder as the builder of a given kind, for a change that needs the kind's options.
     *
     * @param type the builder's class, for example {@code FactBuilder.AppointAttache.class}
     * @param <T> the builder's class
     * @return this builder
     * @throws IllegalArgumentException naming the fact, its kind and the class asked for, when they differ
     */
    public final <T extends FactBuilder<?, ?>> T as(Class<T> type) {
        Objects.requireNonNull(type, "type is null");
        if (!type.isInstance(this)) {
            throw new IllegalArgumentException("fact " + header.factId() + " is a fact of kind " + kind.slug()
                    + ", built by FactBuilder." + getClass().getSimpleName() + ", not by FactBuilder." + type.getSimpleName());
        }
        return type.cast(this);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private <T> T required(T value, String what) {
        return Objects.requireNonNull(value, () -> "fact " + header.factId() + " (" + kind.label() + "): " + what + " is null");
    }

    private List<FactId> ids(String field, String... ids) {
        required(ids, field);
        List<FactId> list = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            list.add(FactId.of(required(ids[i], field + "[" + i + "]")));
        }
        return list;
    }

    @Override
    public String toString() {
        return "FactBuilder." + getClass().getSimpleName() + "[" + kind.slug() + ", " + header + "]";
    }

    /** The builder of a stored event's command, holding its values (the compiler checks that every kind is here). */
    static FactBuilder<?, ?> from(Fact h, FactEvent event) {
        return event.accept(new FactEvent.Visitor<FactBuilder<?, ?>>() {
            @Override
            public FactBuilder<?, ?> visit(FactEvent.RelationsEstablished e) {
                return h.establishRelations();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.RelationsRestored e) {
                return h.restoreRelations();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.RelationsDowngraded e) {
                return h.downgradeRelations();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.RelationsSevered e) {
                return h.severRelations();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AmbassadorAccredited e) {
                AccreditAmbassador b = h.accreditAmbassador().level(e.level());
                e.name().ifPresent(b::name);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AttacheAppointed e) {
                AppointAttache b = h.appointAttache();
                e.name().ifPresent(b::name);
                e.rank().ifPresent(b::rank);
                return e.otherService().isPresent() ? b.otherService(e.otherService().get()) : b.service(e.service());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.EnvoyRecalled e) {
                EnvoyLeaves<FactCommand.RecallEnvoy> b = h.recallEnvoy(e.role());
                e.appointment().ifPresent(b::appointment);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.EnvoyExpelled e) {
                EnvoyLeaves<FactCommand.ExpelEnvoy> b = h.expelEnvoy(e.role());
                e.appointment().ifPresent(b::appointment);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AgreementSigned e) {
                SignAgreement b = h.signAgreement(e.agreementKind());
                e.title().ifPresent(b::title);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AgreementSuspended e) {
                return h.suspendAgreement(e.agreement().value());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AgreementDenounced e) {
                return h.denounceAgreement(e.agreement().value());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.AgreementRestored e) {
                return h.restoreAgreement(e.agreement().value());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.ForcesStationed e) {
                StationForces b = h.stationForces().bases(e.bases()).invited(e.invited());
                e.location().ifPresent(b::location);
                e.size().ifPresent(b::size);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.WithdrawalDemanded e) {
                return h.demandWithdrawal().forces(e.forces());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.WithdrawalScheduled e) {
                ScheduleWithdrawal b = h.scheduleWithdrawal().forces(e.forces());
                e.deadline().ifPresent(b::deadline);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.BaseHandedOver e) {
                return h.handOverBase(e.forces().value(), e.base());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.WithdrawalCompleted e) {
                return h.completeWithdrawal().forces(e.forces());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.CooperationPledged e) {
                return new PledgeCooperation(h).domains(e.domains());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.TalksHeld e) {
                HoldTalks b = h.holdTalks();
                e.subject().ifPresent(b::subject);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.SanctionsImposed e) {
                return h.imposeSanctions(e.description());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.SanctionsLifted e) {
                return h.liftSanctions(e.sanctions().value());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.InteractionRecorded e) {
                return h.recordInteraction(e.code(), e.description());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.MemberJoined e) {
                return h.join();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.MembershipSuspended e) {
                SuspendMembership b = h.suspendMembership();
                e.scope().ifPresent(b::scope);
                return b;
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.MembershipReinstated e) {
                return h.reinstateMembership();
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.MembershipWithdrawalAnnounced e) {
                return h.announceWithdrawal(e.effective());
            }

            @Override
            public FactBuilder<?, ?> visit(FactEvent.MembershipWithdrawn e) {
                return h.withdraw();
            }
        });
    }

    // ------------------------------------------------------------------------------- kinds

    /**
     * A kind with nothing but its header: establish, restore, downgrade or sever relations; join,
     * reinstate a membership, withdraw.
     *
     * @param <C> the command built
     */
    public static final class Plain<C extends FactCommand> extends FactBuilder<C, Plain<C>> {
        private final Function<FactHeader, C> make;

        Plain(Fact header, FactKind kind, Function<FactHeader, C> make) {
            super(header, kind);
            this.make = make;
        }

        @Override
        C build(FactHeader fact) {
            return make.apply(fact);
        }
    }

    /**
     * A kind that names one earlier fact: suspend, denounce or restore an agreement (the signing), lift
     * sanctions (their imposition).
     *
     * @param <C> the command built
     */
    public static final class Refers<C extends FactCommand> extends FactBuilder<C, Refers<C>> {
        private final String field;
        private final BiFunction<FactHeader, FactId, C> make;
        private FactId reference;

        Refers(Fact header, FactKind kind, String field, String reference, BiFunction<FactHeader, FactId, C> make) {
            super(header, kind);
            this.field = field;
            this.make = make;
            refersTo(reference);
        }

        /**
         * The earlier fact this one names (the agreement's signing, the sanctions' imposition).
         *
         * @param fact the earlier fact's id
         * @return this builder
         */
        public Refers<C> refersTo(String fact) {
            reference = FactId.of(super.required(fact, field));
            return this;
        }

        @Override
        C build(FactHeader fact) {
            return make.apply(fact, reference);
        }
    }

    /**
     * A kind with a required description: impose sanctions.
     *
     * @param <C> the command built
     */
    public static final class Described<C extends FactCommand> extends FactBuilder<C, Described<C>> {
        private final BiFunction<FactHeader, String, C> make;
        private String description;

        Described(Fact header, FactKind kind, String description, BiFunction<FactHeader, String, C> make) {
            super(header, kind);
            this.make = make;
            description(description);
        }

        /**
         * What it is, in words (line feeds accepted).
         *
         * @param description what it is: not blank, at most 2,000 characters, line feeds allowed
         * @return this builder
         */
        public Described<C> description(String description) {
            this.description = super.required(description, "description");
            return this;
        }

        @Override
        C build(FactHeader fact) {
            return make.apply(fact, description);
        }
    }

    /** Accredits a head of mission (default level {@link MissionLevel#AMBASSADOR}, no name). */
    public static final class AccreditAmbassador extends FactBuilder<FactCommand.AccreditAmbassador, AccreditAmbassador> {
        private MissionLevel level = MissionLevel.AMBASSADOR;
        private Optional<String> name = Optional.empty();

        AccreditAmbassador(Fact header) {
            super(header, FactKind.ACCREDIT_AMBASSADOR);
        }

        /**
         * The head of mission's level.
         *
         * @param level an ambassador (the default) or a chargé d'affaires
         * @return this builder
         */
        public AccreditAmbassador level(MissionLevel level) {
            this.level = super.required(level, "level");
            return this;
        }

        /**
         * The envoy's name.
         *
         * @param name the envoy's name as reported, one line, not blank, at most 2,000 characters
         * @return this builder
         */
        public AccreditAmbassador name(String name) {
            this.name = Optional.of(super.required(name, "name"));
            return this;
        }

        @Override
        FactCommand.AccreditAmbassador build(FactHeader fact) {
            return new FactCommand.AccreditAmbassador(fact, level, name);
        }
    }

    /** Appoints an attaché (default service {@link AttacheService#DEFENCE}, no name, no rank). */
    public static final class AppointAttache extends FactBuilder<FactCommand.AppointAttache, AppointAttache> {
        private Optional<String> name = Optional.empty();
        private Optional<String> rank = Optional.empty();
        private AttacheService service = AttacheService.DEFENCE;
        private Optional<String> otherService = Optional.empty();

        AppointAttache(Fact header) {
            super(header, FactKind.APPOINT_ATTACHE);
        }

        /**
         * The attaché's name.
         *
         * @param name the attaché's name as reported, one line, not blank, at most 2,000 characters
         * @return this builder
         */
        public AppointAttache name(String name) {
            this.name = Optional.of(super.required(name, "name"));
            return this;
        }

        /**
         * The attaché's military rank.
         *
         * @param rank for example {@code "Colonel"}
         * @return this builder
         */
        public AppointAttache rank(String rank) {
            this.rank = Optional.of(super.required(rank, "rank"));
            return this;
        }

        /**
         * The attaché's service.
         *
         * @param service defence (the default), army, naval or air; {@link AttacheService#OTHER} only
         *        through {@link #otherService(String)}
         * @return this builder
         */
        public AppointAttache service(AttacheService service) {
            this.service = super.required(service, "service");
            this.otherService = Optional.empty();
            return this;
        }

        /**
         * A service other than the four, as a store written when the service was free text holds it
         * ({@link AttacheService#OTHER} with this text).
         *
         * @param text the service's text, for example {@code "gendarmerie"}
         * @return this builder
         */
        public AppointAttache otherService(String text) {
            this.service = AttacheService.OTHER;
            this.otherService = Optional.of(super.required(text, "otherService"));
            return this;
        }

        @Override
        FactCommand.AppointAttache build(FactHeader fact) {
            return new FactCommand.AppointAttache(fact, name, rank, service, otherService);
        }
    }

    /**
     * An envoy leaves post: recalled by its sender or expelled by its host.
     *
     * @param <C> the command built
     */
    public static final class EnvoyLeaves<C extends FactCommand> extends FactBuilder<C, EnvoyLeaves<C>> {
        /** Makes the command from the header, the appointment and the role. */
        interface Make<C> {
            C apply(FactHeader fact, Optional<FactId> appointment, EnvoyRole role);
        }

        private final Make<C> make;
        private EnvoyRole role;
        private Optional<FactId> appointment = Optional.empty();

        EnvoyLeaves(Fact header, FactKind kind, EnvoyRole role, Make<C> make) {
            super(header, kind);
            this.make = make;
            role(role);
        }

        /**
         * The envoy's role.
         *
         * @param role the role of the envoy who leaves, such as {@code AMBASSADOR}
         * @return this builder
         */
        public EnvoyLeaves<C> role(EnvoyRole role) {
            this.role = super.required(role, "role");
            return this;
        }

        /**
         * The fact that appointed the envoy, when it was recorded.
         *
         * @param fact the accreditation's or appointment's fact id
         * @return this builder
         */
        public EnvoyLeaves<C> appointment(String fact) {
            return appointment(FactId.of(super.required(fact, "appointment")));
        }

        /**
         * The fact that appointed the envoy, when it was recorded.
         *
         * @param fact the accreditation's or appointment's fact id
         * @return this builder
         */
        public EnvoyLeaves<C> appointment(FactId fact) {
            this.appointment = Optional.of(super.required(fact, "appointment"));
            return this;
        }

        @Override
        C build(FactHeader fact) {
            return make.apply(fact, appointment, role);
        }
    }

    /** Signs an agreement (no title unless given). */
    public static final class SignAgreement extends FactBuilder<FactCommand.SignAgreement, SignAgreement> {
        private AgreementKind agreementKind;
        private Optional<String> title = Optional.empty();

        SignAgreement(Fact header, AgreementKind kind) {
            super(header, FactKind.SIGN_AGREEMENT);
            agreementKind(kind);
        }

        /**
         * What the agreement is about.
         *
         * @param kind the agreement's kind
         * @return this builder
         */
        public SignAgreement agreementKind(AgreementKind kind) {
            this.agreementKind = super.required(kind, "agreementKind");
            return this;
        }

        /**
         * The agreement's title.
         *
         * @param title the agreement's title as published, one line, not blank, at most 2,000 characters
         * @return this builder
         */
        public SignAgreement title(String title) {
            this.title = Optional.of(super.required(title, "title"));
            return this;
        }

        @Override
        FactCommand.SignAgreement build(FactHeader fact) {
            return new FactCommand.SignAgreement(fact, agreementKind, title);
        }
    }

    /** Stations forces: {@link #invited()} or {@link #uninvited()} is required; no location, size or base unless given. */
    public static final class StationForces extends FactBuilder<FactCommand.StationForces, StationForces> {
        private Optional<String> location = Optional.empty();
        private Optional<Integer> size = Optional.empty();
        private final List<String> bases = new ArrayList<>();
        private Boolean invited;

        StationForces(Fact header) {
            super(header, FactKind.STATION_FORCES);
        }

        /**
         * Where, for example {@code "Niamey"}.
         *
         * @param location the place
         * @return this builder
         */
        public StationForces location(String location) {
            this.location = Optional.of(super.required(location, "location"));
            return this;
        }

        /**
         * About how many personnel, at least 1.
         *
         * @param personnel the size
         * @return this builder
         */
        public StationForces size(int personnel) {
            this.size = Optional.of(personnel);
            return this;
        }

        /**
         * Adds bases the forces use.
         *
         * @param bases the bases' names
         * @return this builder
         */
        public StationForces bases(String... bases) {
            return bases(Arrays.asList(super.required(bases, "bases")));
        }

        /**
         * Adds bases the forces use.
         *
         * @param bases the bases' names
         * @return this builder
         */
        public StationForces bases(List<String> bases) {
            super.required(bases, "bases");
            for (int i = 0; i < bases.size(); i++) {
                this.bases.add(super.required(bases.get(i), "bases[" + (this.bases.size()) + "]"));
            }
            return this;
        }

        /**
         * At the host's invitation.
         *
         * @return this builder
         */
        public StationForces invited() {
            return invited(true);
        }

        /**
         * Not at the host's invitation.
         *
         * @return this builder
         */
        public StationForces uninvited() {
            return invited(false);
        }

        /**
         * Whether at the host's invitation.
         *
         * @param invited true if invited
         * @return this builder
         */
        public StationForces invited(boolean invited) {
            this.invited = invited;
            return this;
        }

        @Override
        FactCommand.StationForces build(FactHeader fact) {
            if (invited == null) {
                throw new IllegalStateException("fact " + fact.id() + " (station forces): say whether the host invited the forces"
                        + " with invited() or uninvited()");
            }
            return new FactCommand.StationForces(fact, location, size, bases, invited);
        }
    }

    /**
     * A withdrawal demanded or completed, of the forces named (all of them when none is).
     *
     * @param <C> the command built
     */
    public static final class Withdrawal<C extends FactCommand> extends FactBuilder<C, Withdrawal<C>> {
        private final BiFunction<FactHeader, List<FactId>, C> make;
        private final List<FactId> forces = new ArrayList<>();

        Withdrawal(Fact header, FactKind kind, BiFunction<FactHeader, List<FactId>, C> make) {
            super(header, kind);
            this.make = make;
        }

        /**
         * Adds stationings concerned, by the ids of the facts that stationed them.
         *
         * @param stationings fact ids
         * @return this builder
         */
        public Withdrawal<C> forces(String... stationings) {
            return forces(super.ids("forces", stationings));
        }

        /**
         * Adds stationings concerned, by the ids of the facts that stationed them.
         *
         * @param stationings fact ids
         * @return this builder
         */
        public Withdrawal<C> forces(List<FactId> stationings) {
            super.required(stationings, "forces").forEach(f -> forces.add(super.required(f, "forces[" + forces.size() + "]")));
            return this;
        }

        @Override
        C build(FactHeader fact) {
            return make.apply(fact, forces);
        }
    }

    /** Schedules a withdrawal (no deadline unless given; all of the actor's forces unless some are named). */
    public static final class ScheduleWithdrawal extends FactBuilder<FactCommand.ScheduleWithdrawal, ScheduleWithdrawal> {
        private Optional<LocalDate> deadline = Optional.empty();
        private final List<FactId> forces = new ArrayList<>();

        ScheduleWithdrawal(Fact header) {
            super(header, FactKind.SCHEDULE_WITHDRAWAL);
        }

        /**
         * The day by which the withdrawal ends.
         *
         * @param day the deadline
         * @return this builder
         */
        public ScheduleWithdrawal deadline(LocalDate day) {
            this.deadline = Optional.of(Dates.inRange(super.header.factId(), "deadline(" + day + ")", super.required(day, "deadline")));
            return this;
        }

        /**
         * The day by which the withdrawal ends.
         *
         * @param year the year, 1600 to 2199
         * @param month the month, 1 to 12
         * @param dayOfMonth the day of the month, 1 to 28, 29, 30 or 31 as the month has
         * @return this builder
         */
        public ScheduleWithdrawal deadline(int year, int month, int dayOfMonth) {
            return deadline(Dates.day(super.header.factId(), "deadline(" + year + ", " + month + ", " + dayOfMonth + ")",
                    year, month, dayOfMonth));
        }

        /**
         * Adds stationings concerned, by the ids of the facts that stationed them.
         *
         * @param stationings fact ids
         * @return this builder
         */
        public ScheduleWithdrawal forces(String... stationings) {
            return forces(super.ids("forces", stationings));
        }

        /**
         * Adds stationings concerned, by the ids of the facts that stationed them.
         *
         * @param stationings fact ids
         * @return this builder
         */
        public ScheduleWithdrawal forces(List<FactId> stationings) {
            super.required(stationings, "forces").forEach(f -> forces.add(super.required(f, "forces[" + forces.size() + "]")));
            return this;
        }

        @Override
        FactCommand.ScheduleWithdrawal build(FactHeader fact) {
            return new FactCommand.ScheduleWithdrawal(fact, deadline, forces);
        }
    }

    /** Hands a base over. */
    public static final class HandOverBase extends FactBuilder<FactCommand.HandOverBase, HandOverBase> {
        private FactId forces;
        private String base;

        HandOverBase(Fact header, String forces, String base) {
            super(header, FactKind.HAND_OVER_BASE);
            forces(forces);
            base(base);
        }

        /**
         * The stationing that used the base.
         *
         * @param stationing the stationing's fact id
         * @return this builder
         */
        public HandOverBase forces(String stationing) {
            this.forces = FactId.of(super.required(stationing, "forces"));
            return this;
        }

        /**
         * The base handed over.
         *
         * @param base the base's name
         * @return this builder
         */
        public HandOverBase base(String base) {
            this.base = super.required(base, "base");
            return this;
        }

        @Override
        FactCommand.HandOverBase build(FactHeader fact) {
            return new FactCommand.HandOverBase(fact, forces, base);
        }
    }

    /** Pledges cooperation in at least one field. */
    public static final class PledgeCooperation extends FactBuilder<FactCommand.PledgeCooperation, PledgeCooperation> {
        private final List<CooperationDomain> domains = new ArrayList<>();

        PledgeCooperation(Fact header) {
            super(header, FactKind.PLEDGE_COOPERATION);
        }

        /**
         * Adds fields covered.
         *
         * @param domains the fields
         * @return this builder
         */
        public PledgeCooperation domains(List<CooperationDomain> domains) {
            super.required(domains, "domains").forEach(d -> this.domains.add(super.required(d, "domains[" + this.domains.size() + "]")));
            return this;
        }

        @Override
        FactCommand.PledgeCooperation build(FactHeader fact) {
            return new FactCommand.PledgeCooperation(fact, domains);
        }
    }

    /** Talks (no subject unless given). */
    public static final class HoldTalks extends FactBuilder<FactCommand.HoldTalks, HoldTalks> {
        private Optional<String> subject = Optional.empty();

        HoldTalks(Fact header) {
            super(header, FactKind.HOLD_TALKS);
        }

        /**
         * What was discussed.
         *
         * @param subject what was discussed, one line, not blank, at most 2,000 characters
         * @return this builder
         */
        public HoldTalks subject(String subject) {
            this.subject = Optional.of(super.required(subject, "subject"));
            return this;
        }

        @Override
        FactCommand.HoldTalks build(FactHeader fact) {
            return new FactCommand.HoldTalks(fact, subject);
        }
    }

    /** A coded interaction. */
    public static final class RecordInteraction extends FactBuilder<FactCommand.RecordInteraction, RecordInteraction> {
        private CameoCode code;
        private String description;

        RecordInteraction(Fact header, CameoCode code, String description) {
            super(header, FactKind.RECORD_INTERACTION);
            code(code);
            description(description);
        }

        /**
         * The CAMEO event code.
         *
         * @param code the CAMEO event code of the interaction, such as {@code CameoCode.of("042")}
         * @return this builder
         */
        public RecordInteraction code(CameoCode code) {
            this.code = super.required(code, "code");
            return this;
        }

        /**
         * A short description.
         *
         * @param description what happened: not blank, at most 2,000 characters, line feeds allowed
         * @return this builder
         */
        public RecordInteraction description(String description) {
            this.description = super.required(description, "description");
            return this;
        }

        @Override
        FactCommand.RecordInteraction build(FactHeader fact) {
            return new FactCommand.RecordInteraction(fact, code, description);
        }
    }

    /** Suspends a membership (no scope unless given: the suspension's extent is not said). */
    public static final class SuspendMembership extends FactBuilder<FactCommand.SuspendMembership, SuspendMembership> {
        private Optional<String> scope = Optional.empty();

        SuspendMembership(Fact header) {
            super(header, FactKind.SUSPEND_MEMBERSHIP);
        }

        /**
         * What the suspension covers.
         *
         * @param scope for example {@code "decision-making bodies"}: one line, not blank, at most 2,000 characters
         * @return this builder
         */
        public SuspendMembership scope(String scope) {
            this.scope = Optional.of(super.required(scope, "scope"));
            return this;
        }

        @Override
        FactCommand.SuspendMembership build(FactHeader fact) {
            return new FactCommand.SuspendMembership(fact, scope);
        }
    }

    /** Announces a withdrawal from an organisation, effective on a given day. */
    public static final class AnnounceWithdrawal extends FactBuilder<FactCommand.AnnounceWithdrawal, AnnounceWithdrawal> {
        private LocalDate effective;

        AnnounceWithdrawal(Fact header, LocalDate effective) {
            super(header, FactKind.ANNOUNCE_WITHDRAWAL);
            effective(effective);
        }

        /**
         * The day the withdrawal takes effect, on or after the announcement (checked by the rules).
         *
         * @param day the effective day, 1600-01-01 to 2199-12-31
         * @return this builder
         */
        public AnnounceWithdrawal effective(LocalDate day) {
            this.effective = Dates.inRange(super.header.factId(), "effective(" + day + ")", super.required(day, "effective"));
            return this;
        }

        /**
         * The day the withdrawal takes effect, on or after the announcement (checked by the rules).
         *
         * @param year the year, 1600 to 2199
         * @param month the month, 1 to 12
         * @param dayOfMonth the day of the month, 1 to 28, 29, 30 or 31 as the month has
         * @return this builder
         */
        public AnnounceWithdrawal effective(int year, int month, int dayOfMonth) {
            return effective(Dates.day(super.header.factId(), "effective(" + year + ", " + month + ", " + dayOfMonth + ")",
                    year, month, dayOfMonth));
        }

        @Override
        FactCommand.AnnounceWithdrawal build(FactHeader fact) {
            return new FactCommand.AnnounceWithdrawal(fact, effective);
        }
    }
}
