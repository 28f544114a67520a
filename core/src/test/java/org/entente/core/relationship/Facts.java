package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Organisation;
import org.entente.core.Source;

/**
 * The fixture of the relationship aggregate: countries, dyads, made-up facts (hypothetical sources)
 * said with the fluent API ({@link #fact}), and helpers that record commands the way the aggregate does.
 */
final class Facts {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country FRA = Country.of("FRA");
    static final Country TUR = Country.of("TUR");
    static final Country CHN = Country.of("CHN");
    static final Country RUS = Country.of("RUS");
    static final Country MLI = Country.of("MLI");
    static final Organisation ECOWAS = Organisation.of("ECOWAS");
    static final Organisation EU = Organisation.of("EU");
    static final Organisation AU = Organisation.of("AU");

    static final Dyad NER_USA = Dyad.of(NER, USA);
    static final Dyad FRA_NER = Dyad.of(NER, FRA);
    static final Dyad NER_TUR = Dyad.of(NER, TUR);
    static final Dyad NER_ECOWAS = Dyad.of(NER, ECOWAS);

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
    static FactHeader header(String id, String day, Actor actor, Actor target) {
        return FactHeader.of(id, on(day), actor, target, Source.hypothetical());
    }

    /** A made-up fact said with the fluent API: a hypothetical source, on a day given as ISO text. */
    static Fact fact(String id, String day, Actor actor, Actor target) {
        return Fact.id(id).on(date(day)).by(actor).towards(target).hypothetical();
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
