package org.entente.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;
import org.entente.internal.JsonRendering;
import org.entente.internal.TextRendering;

/**
 * What changed for a country or a dyad between two dates, to print: the {@link DyadChanges} that
 * {@code Entente.changes(...)} returns, with the subject and dates they were asked for. Dyads where
 * nothing changed are left out. Immutable.
 *
 * <pre>{@code
 * Changes diff = Changes.of(NER, april, october, entente.changes(NER, april, october));
 * System.out.print(diff.toText());   // Changes of NER from 2024-04-01 to 2024-10-01: 4 dyads, then each dyad
 * Changes one = Changes.of(entente.changes(Dyad.of(NER, USA), april, october));
 * }</pre>
 */
public final class Changes {

    /**
     * The {@code format} of {@link #toJson()}: {@value}. Fields may be added within a version, never
     * removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-changes/1";

    private final String subject;
    private final LocalDate from;
    private final LocalDate to;
    private final List<DyadChanges> dyads;

    private Changes(String subject, LocalDate from, LocalDate to, List<DyadChanges> dyads) {
        this.subject = subject;
        this.from = Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        this.to = Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to + "; expected from <= to");
        }
        Require.nonNull(dyads, "dyads", "a list of DyadChanges, empty for none");
        this.dyads = dyads.stream().map(d -> Require.nonNull(d, "a dyad's changes", "DyadChanges.between(before, after)")).filter(d -> !d.isEmpty()).toList();
    }

    /**
     * A country's changes.
     *
     * @param country the country asked for
     * @param from    the first date
     * @param to      the second date, not before {@code from}
     * @param dyads   the changes of its dyads (unchanged ones are left out)
     * @return the country's changes between the two dates, for rendering
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public static Changes of(Actor country, LocalDate from, LocalDate to, List<DyadChanges> dyads) {
        return new Changes(Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")").code(), from, to, dyads);
    }

    /**
     * One dyad's changes, with its own subject and dates.
     *
     * @param dyad the changes of the dyad (left out of {@link #dyads()} when nothing changed)
     * @return the dyad's changes between its two dates, for rendering
     */
    public static Changes of(DyadChanges dyad) {
        Require.nonNull(dyad, "dyad's changes", "DyadChanges.between(before, after)");
        return new Changes(dyad.dyad().id(), dyad.from(), dyad.to(), List.of(dyad));
    }

    /**
     * The subject: a country's code ({@code NER}) or a dyad's id ({@code NER-USA}).
     *
     * @return {@code NER} for a country's changes, {@code NER-USA} for a dyad's
     */
    public String subject() {
        return subject;
    }

    /**
     * The first date.
     *
     * @return the first date
     */
    public LocalDate from() {
        return from;
    }

    /**
     * The second date.
     *
     * @return the second date
     */
    public LocalDate to() {
        return to;
    }

    /**
     * The dyads that changed.
     *
     * @return their changes, unmodifiable; empty when nothing changed
     */
    public List<DyadChanges> dyads() {
        return dyads;
    }

    /**
     * The changes as the command line's {@code diff} prints them: a heading, then each dyad's block
     * ({@link DyadChanges#toText()}) after an empty line. Stored text is escaped for a terminal
     * ({@link TerminalText}).
     *
     * <pre>
     * Changes of NER from 2024-04-01 to 2024-10-01: 4 dyads
     *
     * NER-USA: status WINDING_DOWN -&gt; ENDED
     *   - forces present: usa-forces-niamey, usa-forces-agadez
     * </pre>
     *
     * @return the text, each line ending with a line feed
     */
    public String toText() {
        return TextRendering.changes(subject, from, to, dyads);
    }

    /**
     * The changes as JSON, for programs: {@code format} ({@value #JSON_FORMAT}), {@code subject},
     * {@code from}, {@code to} and {@code dyads}, each with {@code dyad}, {@code from}, {@code to},
     * {@code statusBefore}, {@code statusAfter} and eight lists of fact ids ({@code agreementsGained},
     * {@code agreementsLost}, {@code forcesArrived}, {@code forcesLeft}, {@code envoysArrived},
     * {@code envoysLeft}, {@code sanctionsImposed}, {@code sanctionsLifted}).
     *
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson() {
        return JsonRendering.write(JsonRendering.changes(JSON_FORMAT, subject, from, to, dyads));
    }

    /** One short line: {@code Changes of NER from 2024-04-01 to 2024-10-01: 4 dyads}. */
    @Override
    public String toString() {
        return "Changes of " + TerminalText.escape(subject) + " from " + from + " to " + to + ": "
                + (dyads.isEmpty() ? "none" : dyads.size() + (dyads.size() == 1 ? " dyad" : " dyads"));
    }

    /** Equal when the subject, the dates and the dyads' changes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Changes c && c.subject.equals(subject) && c.from.equals(from) && c.to.equals(to) && c.dyads.equals(dyads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, from, to, dyads);
    }
}
