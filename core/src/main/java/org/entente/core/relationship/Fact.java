package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;

/**
 * The fluent way to say a fact: its header (id, date, actor, target, sources), then its kind and the
 * kind's options by name. It produces exactly the {@link FactCommand} records, which stay the stored
 * form.
 *
 * <pre>{@code
 * FactCommand attache = Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(article)
 *         .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE)
 *         .command();
 * FactCommand forces = Fact.id("fra-sen-forces").inYear(1960).by(FRA).towards(SEN).background()
 *         .stationForces().location("Dakar").size(350).bases("Ouakam").invited()
 *         .command();
 * }</pre>
 *
 * <p>A {@code Fact} is immutable: each method returns a new one, so a partly said header can be shared
 * ({@code Fact niger = Fact.id("x").by(NER)}). Nothing but dates is checked until {@link FactBuilder#command()},
 * which names the fact and what is missing or wrong ("fact tur-attache: no date; say when with
 * on(2024, 4, 26), inMonth(2024, 4) or inYear(2024)"); a null argument, an impossible date and a date
 * outside 1600 to 2199 are refused at once, naming the fact.
 *
 * <p>Every kind of {@link FactKind} has its method here, named as the command (the compiler checks it:
 * {@link #from(FactEvent)} handles every kind through {@link FactEvent.Visitor}).
 */
public final class Fact {

    private final FactId id;
    private final HappenedOn happened;
    private final Actor actor;
    private final Actor target;
    private final List<Source> sources;

    private Fact(FactId id, HappenedOn happened, Actor actor, Actor target, List<Source> sources) {
        this.id = id;
        this.happened = happened;
        this.actor = actor;
        this.target = target;
        this.sources = List.copyOf(sources);
    }

    /**
     * Starts a fact with its stable id, unique in the store.
     *
     * @param id the fact's id, for example {@code "tur-attache"}
     * @return a fact with only its id
     * @throws IllegalArgumentException when the id is not a valid {@link FactId}
     */
    public static Fact id(String id) {
        Objects.requireNonNull(id, "fact id is null; give the fact a stable id such as \"usa-schedule\"");
        return id(FactId.of(id));
    }

    /**
     * Starts a fact with its stable id, unique in the store.
     *
     * @param id the fact's id
     * @return a fact with only its id
     */
    public static Fact id(FactId id) {
        Objects.requireNonNull(id, "fact id is null; give the fact a stable id such as FactId.of(\"usa-schedule\")");
        return new Fact(id, null, null, null, List.of());
    }

    /**
     * The fact of a header, to change some of it.
     *
     * @param header a fact's header
     * @return a fact holding the header's id, date, actor, target and sources
     */
    public static Fact of(FactHeader header) {
        Objects.requireNonNull(header, "header is null");
        return new Fact(header.id(), header.happened(), header.actor(), header.target(), header.sources());
    }

    /**
     * The builder of a recorded fact, holding all its values, to change some of them (see
     * {@code Entente.correct}).
     *
     * @param command a fact's command
     * @return a builder of the command's kind that builds an equal command until changed
     */
    public static FactBuilder<?, ?> from(FactCommand command) {
        Objects.requireNonNull(command, "command is null");
        return from(command.toEvent());
    }

    /**
     * The builder of a stored fact, holding all its values, to change some of them.
     *
     * @param event a stored fact
     * @return a builder of the event's kind that builds the command of this event until changed
     */
    public static FactBuilder<?, ?> from(FactEvent event) {
        Objects.requireNonNull(event, "event is null");
        return FactBuilder.from(of(event.fact()), event);
    }

    // ----------------------------------------------------------------------------- header

    /**
     * The fact's id.
     *
     * @return the id given to {@link #id(String)}
     */
    public FactId factId() {
        return id;
    }

    /**
     * It happened on this day (day precision).
     *
     * @param year the year, 1600 to 2199
     * @param month the month, 1 to 12
     * @param dayOfMonth the day of the month, 1 to 28, 29, 30 or 31 as the month has
     * @return this fact with its date
     */
    public Fact on(int year, int month, int dayOfMonth) {
        return on(HappenedOn.day(Dates.day(id, "on(" + year + ", " + month + ", " + dayOfMonth + ")", year, month, dayOfMonth)));
    }

    /**
     * It happened on this day (day precision).
     *
     * @param day the day it happened, 1600-01-01 to 2199-12-31
     * @return this fact with its date
     */
    public Fact on(LocalDate day) {
        Objects.requireNonNull(day, () -> "fact " + id + ": the day is null; give a LocalDate");
        return on(HappenedOn.day(Dates.inRange(id, "on(" + day + ")", day)));
    }

    /**
     * It happened on this date, with the date's precision (day, month or year).
     *
     * @param date when it happened
     * @return this fact with its date
     */
    public Fact on(HappenedOn date) {
        Objects.requireNonNull(date, () -> "fact " + id + ": the date is null; give a HappenedOn such as HappenedOn.day(2024, 4, 19)");
        return new Fact(id, date, actor, target, sources);
    }

    /**
     * It happened in this month, day unknown (month precision).
     *
     * @param year the year, 1600 to 2199
     * @param month the month, 1 to 12
     * @return this fact with its date
     */
    public Fact inMonth(int year, int month) {
        return on(HappenedOn.of(Dates.month(id, "inMonth(" + year + ", " + month + ")", year, month), Precision.MONTH));
    }

    /**
     * It happened in this year, month unknown (year precision).
     *
     * @param year the year, 1600 to 2199
     * @return this fact with its date
     */
    public Fact inYear(int year) {
        return on(HappenedOn.of(Dates.month(id, "inYear(" + year + ")", year, 1), Precision.YEAR));
    }

    /**
     * Who acted (the sender of an envoy, the owner of forces, the signatory that acts).
     *
     * @param actor the acting country
     * @return this fact with its actor
     */
    public Fact by(Actor actor) {
        Objects.requireNonNull(actor, () -> "fact " + id + ": the actor is null; give a Country such as Country.of(\"USA\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        return new Fact(id, happened, actor, target, sources);
    }

    /**
     * Towards whom; with the actor it makes the fact's dyad.
     *
     * @param target the other country
     * @return this fact with its target
     */
    public Fact towards(Actor target) {
        Objects.requireNonNull(target, () -> "fact " + id + ": the target is null; give a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        return new Fact(id, happened, actor, target, sources);
    }

    /**
     * Adds a source (every fact needs at least one, at most {@link FactHeader#MAX_SOURCES}).
     *
     * @param source where the fact came from
     * @return this fact with the source added
     */
    public Fact source(Source source) {
        Objects.requireNonNull(source, () -> "fact " + id + ": source #" + (sources.size() + 1)
                + " is null; give a Source such as Source.background()");
        List<Source> more = new ArrayList<>(sources);
        more.add(source);
        return new Fact(id, happened, actor, target, more);
    }

    /**
     * Adds several sources, in order.
     *
     * @param sources where the fact came from
     * @return this fact with the sources added
     */
    public Fact sources(Source... sources) {
        Objects.requireNonNull(sources, () -> "fact " + id + ": sources are null; give at least one Source");
        Fact fact = this;
        for (Source s : sources) {
            fact = fact.source(s);
        }
        return fact;
    }

    /**
     * Replaces the sources by these.
     *
     * @param sources where the fact came from, at least one
     * @return this fact with exactly these sources
     */
    public Fact sourcesReplacedBy(List<Source> sources) {
        Objects.requireNonNull(sources, () -> "fact " + id + ": sources are null; give at least one Source");
        return new Fact(id, happened, actor, target, List.of()).sources(sources.toArray(Source[]::new));
    }

    /**
     * Adds the source {@link Source#background()}: well-established background knowledge.
     *
     * @return this fact with a background source added
     */
    public Fact background() {
        return source(Source.background());
    }

    /**
     * Adds the source {@link Source#hypothetical()}: a made-up fact of a scenario.
     *
     * @return this fact with a hypothetical source added
     */
    public Fact hypothetical() {
        return source(Source.hypothetical());
    }

    /**
     * The header, checked: every missing value is named with the call that gives it.
     *
     * @return the fact's id, date, actor, target and sources, as a checked {@link FactHeader}
     * @throws IllegalStateException naming the fact and what is missing
     * @throws IllegalArgumentException when the values break a header's rule (the same actor and
     *         target, too many sources)
     */
    public FactHeader header() {
        List<String> missing = new ArrayList<>();
        if (happened == null) {
            missing.add("no date; say when with on(2024, 4, 26), inMonth(2024, 4) or inYear(2024)");
        }
        if (actor == null) {
            missing.add("no actor; say who acted with by(Country.of(\"USA\"))");
        }
        if (target == null) {
            missing.add("no target; say towards whom with towards(Country.of(\"NER\"))");
        }
        if (sources.isEmpty()) {
            missing.add("no source; add one with source(...), background() or hypothetical()");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("fact " + id + ": " + String.join("; ", missing));
        }
        return new FactHeader(id, happened, actor, target, sources);
    }

    // ----------------------------------------------------------------------------- kinds

    /**
     * Diplomatic relations are established.
     *
     * @return the builder of {@link FactCommand.EstablishRelations}
     */
    public FactBuilder.Plain<FactCommand.EstablishRelations> establishRelations() {
        return new FactBuilder.Plain<>(this, FactKind.ESTABLISH_RELATIONS, FactCommand.EstablishRelations::new);
    }

    /**
     * Relations that were severed or downgraded are restored in full.
     *
     * @return the builder of {@link FactCommand.RestoreRelations}
     */
    public FactBuilder.Plain<FactCommand.RestoreRelations> restoreRelations() {
        return new FactBuilder.Plain<>(this, FactKind.RESTORE_RELATIONS, FactCommand.RestoreRelations::new);
    }

    /**
     * Relations are downgraded.
     *
     * @return the builder of {@link FactCommand.DowngradeRelations}
     */
    public FactBuilder.Plain<FactCommand.DowngradeRelations> downgradeRelations() {
        return new FactBuilder.Plain<>(this, FactKind.DOWNGRADE_RELATIONS, FactCommand.DowngradeRelations::new);
    }

    /**
     * Diplomatic relations are severed.
     *
     * @return the builder of {@link FactCommand.SeverRelations}
     */
    public FactBuilder.Plain<FactCommand.SeverRelations> severRelations() {
        return new FactBuilder.Plain<>(this, FactKind.SEVER_RELATIONS, FactCommand.SeverRelations::new);
    }

    /**
     * The actor accredits a head of mission to the target: an ambassador unless
     * {@link FactBuilder.AccreditAmbassador#level} says otherwise.
     *
     * @return the builder of {@link FactCommand.AccreditAmbassador}
     */
    public FactBuilder.AccreditAmbassador accreditAmbassador() {
        return new FactBuilder.AccreditAmbassador(this);
    }

    /**
     * The actor accredits a named head of mission: an ambassador unless
     * {@link FactBuilder.AccreditAmbassador#level} says otherwise.
     *
     * @param name the envoy's name
     * @return the builder of {@link FactCommand.AccreditAmbassador}
     */
    public FactBuilder.AccreditAmbassador accreditAmbassador(String name) {
        return accreditAmbassador().name(name);
    }

    /**
     * The actor appoints a defence attaché (service {@link AttacheService#DEFENCE} unless
     * {@link FactBuilder.AppointAttache#service} says otherwise).
     *
     * @return the builder of {@link FactCommand.AppointAttache}
     */
    public FactBuilder.AppointAttache appointAttache() {
        return new FactBuilder.AppointAttache(this);
    }

    /**
     * The actor appoints a named defence attaché.
     *
     * @param name the attaché's name
     * @return the builder of {@link FactCommand.AppointAttache}
     */
    public FactBuilder.AppointAttache appointAttache(String name) {
        return appointAttache().name(name);
    }

    /**
     * The actor recalls its own envoy of this role.
     *
     * @param role the envoy's role
     * @return the builder of {@link FactCommand.RecallEnvoy}
     */
    public FactBuilder.EnvoyLeaves<FactCommand.RecallEnvoy> recallEnvoy(EnvoyRole role) {
        return new FactBuilder.EnvoyLeaves<>(this, FactKind.RECALL_ENVOY, role, FactCommand.RecallEnvoy::new);
    }

    /**
     * The actor (the host) expels the target's envoy of this role.
     *
     * @param role the envoy's role
     * @return the builder of {@link FactCommand.ExpelEnvoy}
     */
    public FactBuilder.EnvoyLeaves<FactCommand.ExpelEnvoy> expelEnvoy(EnvoyRole role) {
        return new FactBuilder.EnvoyLeaves<>(this, FactKind.EXPEL_ENVOY, role, FactCommand.ExpelEnvoy::new);
    }

    /**
     * The two countries sign an agreement of this kind.
     *
     * @param kind what the agreement is about
     * @return the builder of {@link FactCommand.SignAgreement}
     */
    public FactBuilder.SignAgreement signAgreement(AgreementKind kind) {
        return new FactBuilder.SignAgreement(this, kind);
    }

    /**
     * The actor suspends an agreement in force.
     *
     * @param agreement the signing's fact id
     * @return the builder of {@link FactCommand.SuspendAgreement}
     */
    public FactBuilder.Refers<FactCommand.SuspendAgreement> suspendAgreement(String agreement) {
        return new FactBuilder.Refers<>(this, FactKind.SUSPEND_AGREEMENT, "agreement", agreement, FactCommand.SuspendAgreement::new);
    }

    /**
     * The actor denounces an agreement in force or suspended.
     *
     * @param agreement the signing's fact id
     * @return the builder of {@link FactCommand.DenounceAgreement}
     */
    public FactBuilder.Refers<FactCommand.DenounceAgreement> denounceAgreement(String agreement) {
        return new FactBuilder.Refers<>(this, FactKind.DENOUNCE_AGREEMENT, "agreement", agreement, FactCommand.DenounceAgreement::new);
    }

    /**
     * An agreement that was suspended or denounced is in force again.
     *
     * @param agreement the signing's fact id
     * @return the builder of {@link FactCommand.RestoreAgreement}
     */
    public FactBuilder.Refers<FactCommand.RestoreAgreement> restoreAgreement(String agreement) {
        return new FactBuilder.Refers<>(this, FactKind.RESTORE_AGREEMENT, "agreement", agreement, FactCommand.RestoreAgreement::new);
    }

    /**
     * The actor stations forces in the target; say {@link FactBuilder.StationForces#invited()} or
     * {@link FactBuilder.StationForces#uninvited()} before building.
     *
     * @return the builder of {@link FactCommand.StationForces}
     */
    public FactBuilder.StationForces stationForces() {
        return new FactBuilder.StationForces(this);
    }

    /**
     * The actor (the host) demands that the target's forces leave: all of them unless
     * {@link FactBuilder.Withdrawal#forces} names some.
     *
     * @return the builder of {@link FactCommand.DemandWithdrawal}
     */
    public FactBuilder.Withdrawal<FactCommand.DemandWithdrawal> demandWithdrawal() {
        return new FactBuilder.Withdrawal<>(this, FactKind.DEMAND_WITHDRAWAL, FactCommand.DemandWithdrawal::new);
    }

    /**
     * The actor schedules the withdrawal of its forces from the target.
     *
     * @return the builder of {@link FactCommand.ScheduleWithdrawal}
     */
    public FactBuilder.ScheduleWithdrawal scheduleWithdrawal() {
        return new FactBuilder.ScheduleWithdrawal(this);
    }

    /**
     * The actor hands a base of these forces over to the target.
     *
     * @param forces the stationing that used the base
     * @param base the base handed over
     * @return the builder of {@link FactCommand.HandOverBase}
     */
    public FactBuilder.HandOverBase handOverBase(String forces, String base) {
        return new FactBuilder.HandOverBase(this, forces, base);
    }

    /**
     * The actor's forces have left the target: all of them unless {@link FactBuilder.Withdrawal#forces}
     * names some.
     *
     * @return the builder of {@link FactCommand.CompleteWithdrawal}
     */
    public FactBuilder.Withdrawal<FactCommand.CompleteWithdrawal> completeWithdrawal() {
        return new FactBuilder.Withdrawal<>(this, FactKind.COMPLETE_WITHDRAWAL, FactCommand.CompleteWithdrawal::new);
    }

    /**
     * A government's formal pledge of cooperation in these fields.
     *
     * @param first a field covered
     * @param more further fields covered
     * @return the builder of {@link FactCommand.PledgeCooperation}
     */
    public FactBuilder.PledgeCooperation pledgeCooperation(CooperationDomain first, CooperationDomain... more) {
        Objects.requireNonNull(more, () -> "fact " + id + ": domains are null");
        List<CooperationDomain> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(more));
        return new FactBuilder.PledgeCooperation(this).domains(all);
    }

    /**
     * A government's formal pledge of cooperation in these fields (at least one, checked when the
     * command is built).
     *
     * @param domains the fields covered
     * @return the builder of {@link FactCommand.PledgeCooperation}
     */
    public FactBuilder.PledgeCooperation pledgeCooperation(List<CooperationDomain> domains) {
        return new FactBuilder.PledgeCooperation(this).domains(domains);
    }

    /**
     * Talks, a visit or consultations between the two.
     *
     * @return the builder of {@link FactCommand.HoldTalks}
     */
    public FactBuilder.HoldTalks holdTalks() {
        return new FactBuilder.HoldTalks(this);
    }

    /**
     * The actor imposes sanctions on the target.
     *
     * @param description what the sanctions are
     * @return the builder of {@link FactCommand.ImposeSanctions}
     */
    public FactBuilder.Described<FactCommand.ImposeSanctions> imposeSanctions(String description) {
        return new FactBuilder.Described<>(this, FactKind.IMPOSE_SANCTIONS, description, FactCommand.ImposeSanctions::new);
    }

    /**
     * The actor lifts sanctions it imposed on the target.
     *
     * @param sanctions the fact that imposed them
     * @return the builder of {@link FactCommand.LiftSanctions}
     */
    public FactBuilder.Refers<FactCommand.LiftSanctions> liftSanctions(String sanctions) {
        return new FactBuilder.Refers<>(this, FactKind.LIFT_SANCTIONS, "sanctions", sanctions, FactCommand.LiftSanctions::new);
    }

    /**
     * A coded interaction as event data records it.
     *
     * @param code the CAMEO event code
     * @param description a short description
     * @return the builder of {@link FactCommand.RecordInteraction}
     */
    public FactBuilder.RecordInteraction recordInteraction(CameoCode code, String description) {
        return new FactBuilder.RecordInteraction(this, code, description);
    }

    /**
     * The actor, a country, joins the target, an organisation:
     * {@code Fact.id("ner-joins-ecowas").on(1975, 5, 28).by(NER).towards(ECOWAS).background().join()}.
     *
     * @return the builder of {@link FactCommand.Join}
     */
    public FactBuilder.Plain<FactCommand.Join> join() {
        return new FactBuilder.Plain<>(this, FactKind.JOIN, FactCommand.Join::new);
    }

    /**
     * The actor, an organisation, suspends the target, a member country; say what the suspension covers
     * with {@link FactBuilder.SuspendMembership#scope}, if it is known.
     *
     * @return the builder of {@link FactCommand.SuspendMembership}
     */
    public FactBuilder.SuspendMembership suspendMembership() {
        return new FactBuilder.SuspendMembership(this);
    }

    /**
     * The actor, an organisation, suspends the target, a member country, from some of its bodies or
     * activities.
     *
     * @param scope what the suspension covers, for example {@code "decision-making bodies"}
     * @return the builder of {@link FactCommand.SuspendMembership}
     */
    public FactBuilder.SuspendMembership suspendMembership(String scope) {
        return suspendMembership().scope(scope);
    }

    /**
     * The actor, an organisation, reinstates the target, a suspended member.
     *
     * @return the builder of {@link FactCommand.ReinstateMembership}
     */
    public FactBuilder.Plain<FactCommand.ReinstateMembership> reinstateMembership() {
        return new FactBuilder.Plain<>(this, FactKind.REINSTATE_MEMBERSHIP, FactCommand.ReinstateMembership::new);
    }

    /**
     * The actor, a member country, announces its withdrawal from the target, an organisation, effective
     * on a day on or after the announcement:
     * {@code Fact.id("ner-announces").on(2024, 1, 28).by(NER).towards(ECOWAS).source(s).announceWithdrawal(LocalDate.of(2025, 1, 29))}.
     *
     * @param effective the day the withdrawal takes effect
     * @return the builder of {@link FactCommand.AnnounceWithdrawal}
     */
    public FactBuilder.AnnounceWithdrawal announceWithdrawal(LocalDate effective) {
        return new FactBuilder.AnnounceWithdrawal(this, effective);
    }

    /**
     * The actor, a member country, withdraws from the target, an organisation; the withdrawal takes
     * effect on the fact's day.
     *
     * @return the builder of {@link FactCommand.Withdraw}
     */
    public FactBuilder.Plain<FactCommand.Withdraw> withdraw() {
        return new FactBuilder.Plain<>(this, FactKind.WITHDRAW, FactCommand.Withdraw::new);
    }

    @Override
    public String toString() {
        return "Fact[" + id + (happened == null ? "" : " " + happened) + (actor == null ? "" : " by " + actor)
                + (target == null ? "" : " towards " + target) + ", " + sources.size() + " source(s)]";
    }
}
