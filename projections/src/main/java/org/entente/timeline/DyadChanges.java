package org.entente.timeline;

import java.time.LocalDate;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.internal.Require;
import org.entente.partnership.Partnership;
import org.entente.partnership.Status;

/**
 * What changed in a dyad's partnership between two dates. Ties, envoys, agreements and sanctions are
 * named by the fact that opened them.
 *
 * @param dyad             the two actors compared
 * @param from             the first date
 * @param to               the second date
 * @param statusBefore     the status on the first date
 * @param statusAfter      the status on the second date
 * @param agreementsGained agreements in force on the second date and not on the first
 * @param agreementsLost   agreements in force on the first date and not on the second
 * @param forcesArrived    stationings present on the second date and not on the first
 * @param forcesLeft       stationings present on the first date and not on the second
 * @param envoysArrived    envoys in post on the second date and not on the first
 * @param envoysLeft       envoys in post on the first date and not on the second
 * @param sanctionsImposed sanctions in force on the second date and not on the first
 * @param sanctionsLifted  sanctions in force on the first date and not on the second
 */
public record DyadChanges(Dyad dyad, LocalDate from, LocalDate to, Status statusBefore, Status statusAfter,
                          List<FactId> agreementsGained, List<FactId> agreementsLost, List<FactId> forcesArrived,
                          List<FactId> forcesLeft, List<FactId> envoysArrived, List<FactId> envoysLeft,
                          List<FactId> sanctionsImposed, List<FactId> sanctionsLifted) {

    /**
     * Creates the record, checking its components.
     *
     * @param dyad the dyad
     * @param from the first date
     * @param to the second date
     * @param statusBefore the status on the first date
     * @param statusAfter the status on the second date
     * @param agreementsGained agreements in force on the second date and not on the first
     * @param agreementsLost agreements in force on the first date and not on the second
     * @param forcesArrived stationings present on the second date and not on the first
     * @param forcesLeft stationings present on the first date and not on the second
     * @param envoysArrived envoys in post on the second date and not on the first
     * @param envoysLeft envoys in post on the first date and not on the second
     * @param sanctionsImposed sanctions in force on the second date and not on the first
     * @param sanctionsLifted sanctions in force on the first date and not on the second
     */
    public DyadChanges {
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(statusBefore, "statusBefore", "a Status such as Status.NONE");
        Require.nonNull(statusAfter, "statusAfter", "a Status such as Status.NONE");
        agreementsGained = List.copyOf(Require.nonNull(agreementsGained, "agreementsGained", "a list, empty for none"));
        agreementsLost = List.copyOf(Require.nonNull(agreementsLost, "agreementsLost", "a list, empty for none"));
        forcesArrived = List.copyOf(Require.nonNull(forcesArrived, "forcesArrived", "a list, empty for none"));
        forcesLeft = List.copyOf(Require.nonNull(forcesLeft, "forcesLeft", "a list, empty for none"));
        envoysArrived = List.copyOf(Require.nonNull(envoysArrived, "envoysArrived", "a list, empty for none"));
        envoysLeft = List.copyOf(Require.nonNull(envoysLeft, "envoysLeft", "a list, empty for none"));
        sanctionsImposed = List.copyOf(Require.nonNull(sanctionsImposed, "sanctionsImposed", "a list, empty for none"));
        sanctionsLifted = List.copyOf(Require.nonNull(sanctionsLifted, "sanctionsLifted", "a list, empty for none"));
    }

    /** {@return whether anything differs} */
    public boolean isEmpty() {
        return statusBefore == statusAfter && agreementsGained.isEmpty() && agreementsLost.isEmpty()
                && forcesArrived.isEmpty() && forcesLeft.isEmpty() && envoysArrived.isEmpty() && envoysLeft.isEmpty()
                && sanctionsImposed.isEmpty() && sanctionsLifted.isEmpty();
    }

    /**
     * The changes as the command line's {@code diff} prints each dyad: the status, then a line per
     * kind of tie gained ({@code +}) or lost ({@code -}), naming the facts. Stored text is escaped for a
     * terminal ({@link org.entente.core.text.TerminalText}).
     *
     * <pre>
     * NER-USA: status WINDING_DOWN -&gt; ENDED
     *   - forces present: usa-forces-niamey, usa-forces-agadez
     * </pre>
     *
     * @return the text, each line ending with a line feed
     */
    public String toText() {
        return org.entente.internal.TextRendering.dyadChanges(this);
    }

    /**
     * One short line: {@code NER-USA from 2024-04-01 to 2024-10-01: status WINDING_DOWN -> ENDED; forces left: usa-forces-niamey}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(dyad.id()).append(" from ").append(from).append(" to ").append(to).append(": status ")
                .append(statusBefore == statusAfter ? statusAfter.name() : statusBefore + " -> " + statusAfter);
        part(s, "agreements gained", agreementsGained);
        part(s, "agreements lost", agreementsLost);
        part(s, "forces arrived", forcesArrived);
        part(s, "forces left", forcesLeft);
        part(s, "envoys arrived", envoysArrived);
        part(s, "envoys left", envoysLeft);
        part(s, "sanctions imposed", sanctionsImposed);
        part(s, "sanctions lifted", sanctionsLifted);
        return s.toString();
    }

    private static void part(StringBuilder s, String what, List<FactId> ids) {
        if (!ids.isEmpty()) {
            s.append("; ").append(what).append(": ").append(org.entente.internal.TextRendering.ids(ids));
        }
    }

    /**
     * {@return the changes between two partnerships of one dyad}
     *
     * @param before the dyad's partnership on the earlier date
     * @param after the same dyad's partnership on the later date
     */
    public static DyadChanges between(Partnership before, Partnership after) {
        Require.nonNull(before, "before", "the partnership on the first date, such as entente.partnership(dyad, When.asOf(from))");
        Require.nonNull(after, "after", "the partnership on the second date, such as entente.partnership(dyad, When.asOf(to))");
        return new DyadChanges(after.dyad(), before.date(), after.date(), before.status(), after.status(),
                minus(ids(after.agreements(), a -> a.signing()), ids(before.agreements(), a -> a.signing())),
                minus(ids(before.agreements(), a -> a.signing()), ids(after.agreements(), a -> a.signing())),
                minus(ids(after.forces(), f -> f.stationing()), ids(before.forces(), f -> f.stationing())),
                minus(ids(before.forces(), f -> f.stationing()), ids(after.forces(), f -> f.stationing())),
                minus(ids(after.envoys(), e -> e.appointment()), ids(before.envoys(), e -> e.appointment())),
                minus(ids(before.envoys(), e -> e.appointment()), ids(after.envoys(), e -> e.appointment())),
                minus(ids(after.sanctions(), s -> s.imposition()), ids(before.sanctions(), s -> s.imposition())),
                minus(ids(before.sanctions(), s -> s.imposition()), ids(after.sanctions(), s -> s.imposition())));
    }

    private static <T> List<FactId> ids(List<T> items, java.util.function.Function<T, FactId> id) {
        return items.stream().map(id).toList();
    }

    private static List<FactId> minus(List<FactId> a, List<FactId> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }
}
