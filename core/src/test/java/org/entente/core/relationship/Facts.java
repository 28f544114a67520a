package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand.AccreditAmbassador;
import org.entente.core.relationship.FactCommand.AppointAttache;
import org.entente.core.relationship.FactCommand.CompleteWithdrawal;
import org.entente.core.relationship.FactCommand.DemandWithdrawal;
import org.entente.core.relationship.FactCommand.DenounceAgreement;
import org.entente.core.relationship.FactCommand.DowngradeRelations;
import org.entente.core.relationship.FactCommand.EstablishRelations;
import org.entente.core.relationship.FactCommand.ExpelEnvoy;
import org.entente.core.relationship.FactCommand.HandOverBase;
import org.entente.core.relationship.FactCommand.ImposeSanctions;
import org.entente.core.relationship.FactCommand.LiftSanctions;
import org.entente.core.relationship.FactCommand.PledgeCooperation;
import org.entente.core.relationship.FactCommand.RecallEnvoy;
import org.entente.core.relationship.FactCommand.RestoreAgreement;
import org.entente.core.relationship.FactCommand.RestoreRelations;
import org.entente.core.relationship.FactCommand.ScheduleWithdrawal;
import org.entente.core.relationship.FactCommand.SeverRelations;
import org.entente.core.relationship.FactCommand.SignAgreement;
import org.entente.core.relationship.FactCommand.StationForces;
import org.entente.core.relationship.FactCommand.SuspendAgreement;

/**
 * The fixture of the relationship aggregate: countries, dyads, short factories for commands of made-up
 * facts (hypothetical sources), and helpers that record commands the way the aggregate does.
 */
final class Facts {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country FRA = Country.of("FRA");
    static final Country TUR = Country.of("TUR");
    static final Country CHN = Country.of("CHN");
    static final Country RUS = Country.of("RUS");

    static final Dyad NER_USA = Dyad.of(NER, USA);
    static final Dyad FRA_NER = Dyad.of(NER, FRA);
    static final Dyad NER_TUR = Dyad.of(NER, TUR);

    private Facts() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static HappenedOn on(String iso) {
        return HappenedOn.day(date(iso));
    }

    static FactId id(String value) {
        return FactId.of(value);
    }

    static List<FactId> ids(String... values) {
        return Arrays.stream(values).map(FactId::of).toList();
    }

    /** A made-up fact's header: a hypothetical source. */
    static FactHeader header(String id, String day, Country actor, Country target) {
        return FactHeader.of(id, on(day), actor, target, Source.hypothetical());
    }

    // ----------------------------------------------------------------------------- commands

    static EstablishRelations establish(String id, String day, Country actor, Country target) {
        return new EstablishRelations(header(id, day, actor, target));
    }

    static RestoreRelations restoreRelations(String id, String day, Country actor, Country target) {
        return new RestoreRelations(header(id, day, actor, target));
    }

    static DowngradeRelations downgrade(String id, String day, Country actor, Country target) {
        return new DowngradeRelations(header(id, day, actor, target));
    }

    static SeverRelations sever(String id, String day, Country actor, Country target) {
        return new SeverRelations(header(id, day, actor, target));
    }

    static AccreditAmbassador accredit(String id, String day, Country sender, Country host, MissionLevel level) {
        return new AccreditAmbassador(header(id, day, sender, host), level, Optional.empty());
    }

    static AppointAttache appointAttache(String id, String day, Country sender, Country host) {
        return new AppointAttache(header(id, day, sender, host), Optional.empty(), Optional.of("Colonel"), AttacheService.DEFENCE);
    }

    static RecallEnvoy recall(String id, String day, Country sender, Country host, String appointment, EnvoyRole role) {
        return new RecallEnvoy(header(id, day, sender, host), Optional.ofNullable(appointment).map(FactId::of), role);
    }

    static ExpelEnvoy expel(String id, String day, Country host, Country sender, String appointment, EnvoyRole role) {
        return new ExpelEnvoy(header(id, day, host, sender), Optional.ofNullable(appointment).map(FactId::of), role);
    }

    static SignAgreement sign(String id, String day, Country actor, Country target, AgreementKind kind) {
        return new SignAgreement(header(id, day, actor, target), kind, Optional.empty());
    }

    static SuspendAgreement suspend(String id, String day, Country actor, Country target, String agreement) {
        return new SuspendAgreement(header(id, day, actor, target), id(agreement));
    }

    static DenounceAgreement denounce(String id, String day, Country actor, Country target, String agreement) {
        return new DenounceAgreement(header(id, day, actor, target), id(agreement));
    }

    static RestoreAgreement restoreAgreement(String id, String day, Country actor, Country target, String agreement) {
        return new RestoreAgreement(header(id, day, actor, target), id(agreement));
    }

    static StationForces station(String id, String day, Country owner, Country host, String... bases) {
        return new StationForces(header(id, day, owner, host), Optional.empty(), Optional.empty(), List.of(bases), true);
    }

    static DemandWithdrawal demand(String id, String day, Country host, Country owner, String... forces) {
        return new DemandWithdrawal(header(id, day, host, owner), ids(forces));
    }

    static ScheduleWithdrawal schedule(String id, String day, Country owner, Country host, String deadline, String... forces) {
        return new ScheduleWithdrawal(header(id, day, owner, host), Optional.ofNullable(deadline).map(Facts::date), ids(forces));
    }

    static HandOverBase handOver(String id, String day, Country owner, Country host, String forces, String base) {
        return new HandOverBase(header(id, day, owner, host), id(forces), base);
    }

    static CompleteWithdrawal complete(String id, String day, Country owner, Country host, String... forces) {
        return new CompleteWithdrawal(header(id, day, owner, host), ids(forces));
    }

    static PledgeCooperation pledge(String id, String day, Country actor, Country target, CooperationDomain... domains) {
        return new PledgeCooperation(header(id, day, actor, target), List.of(domains));
    }

    static FactCommand.HoldTalks talks(String id, String day, Country actor, Country target) {
        return new FactCommand.HoldTalks(header(id, day, actor, target), Optional.empty());
    }

    static ImposeSanctions impose(String id, String day, Country actor, Country target) {
        return new ImposeSanctions(header(id, day, actor, target), "arms embargo");
    }

    static LiftSanctions lift(String id, String day, Country actor, Country target, String sanctions) {
        return new LiftSanctions(header(id, day, actor, target), id(sanctions));
    }

    // ------------------------------------------------------------------------------ recording

    /** A history with the commands recorded in the order given, each decided and then evolved. */
    static DyadHistory recorded(Dyad dyad, RelationshipCommand... commands) {
        return recorded(dyad, List.of(commands));
    }

    static DyadHistory recorded(Dyad dyad, List<? extends RelationshipCommand> commands) {
        DyadHistory history = DyadHistory.empty(dyad);
        commands.forEach(c -> record(history, c));
        return history;
    }

    /** Decides the command against the history and evolves the history with the events. */
    static List<RelationshipEvent> record(DyadHistory history, RelationshipCommand command) {
        List<RelationshipEvent> events = Decider.decide(command, history);
        events.forEach(e -> Decider.evolve(history, e));
        return events;
    }

    /** The rejection of a command, which must be rejected. */
    static RuleViolationException rejection(DyadHistory history, RelationshipCommand command) {
        try {
            List<RelationshipEvent> events = Decider.decide(command, history);
            return fail("expected a rejection, got " + events);
        } catch (RuleViolationException e) {
            return e;
        }
    }

    /**
     * Asserts that the command is rejected for its own fact, with a message naming the dyad, the date,
     * the fact id and the reason, and returns the exception.
     */
    static RuleViolationException assertRejected(DyadHistory history, FactCommand command, String reason) {
        List<FactEvent> before = history.facts();
        RuleViolationException e = rejection(history, command);
        FactHeader fact = command.fact();
        assertThat(e.dyad()).isEqualTo(fact.dyad());
        assertThat(e.fact()).isEqualTo(fact.id());
        assertThat(e.day()).contains(fact.happened().day());
        assertThat(e.brokenFact()).isEmpty();
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).contains(fact.dyad().id(), fact.happened().day().toString(), fact.id().value(), reason);
        assertThat(history.facts()).isEqualTo(before);
        return e;
    }
}
