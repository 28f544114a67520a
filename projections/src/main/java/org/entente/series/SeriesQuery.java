package org.entente.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.internal.Require;

/**
 * What a {@link Series} is asked for: a country (or an organisation), optionally one partner, the dates
 * from {@code from} through {@code to} by a {@link Step}, and the knowledge and publication filters that
 * {@link When} applies to each date. Immutable; each {@code with} step returns a new query.
 *
 * <pre>{@code
 * SeriesQuery niger = SeriesQuery.of(Country.of("NER"), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Step.MONTH);
 * SeriesQuery usa = niger.partner(Country.of("USA")).knownAt(Instant.parse("2025-01-01T00:00:00Z"));
 * }</pre>
 *
 * @param country     the country whose partnerships are read, and whose security partners give the shares
 * @param partner     one partner only (a row on every date, status {@code NONE} included); empty for every
 *                    partner the country has on each date
 * @param from        the first date
 * @param to          the last date a step may reach (included when a step lands on it)
 * @param step        how far apart the dates are
 * @param knownAt     facts recorded at or before this instant; empty for "as known now"
 * @param publishedBy facts with a source published by this day; empty for no filter
 */
public record SeriesQuery(Actor country, Optional<Actor> partner, LocalDate from, LocalDate to, Step step,
                          Optional<Instant> knownAt, Optional<LocalDate> publishedBy) {

    /**
     * Creates the record, checking its components: {@code from} not after {@code to}, both in the range
     * of dates a fact may have, and a partner other than the country.
     *
     * @param country the country whose partnerships are read
     * @param partner one partner only, empty for every partner
     * @param from the first date
     * @param to the last date a step may reach
     * @param step how far apart the dates are
     * @param knownAt facts recorded at or before this instant; empty for "as known now"
     * @param publishedBy facts with a source published by this day; empty for no filter
     */
    public SeriesQuery {
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        Require.nonNull(partner, "partner", "Optional.empty() for every partner");
        Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 1, 1)");
        Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 12, 31)");
        Require.nonNull(step, "step", "a Step such as Step.MONTH");
        Require.nonNull(knownAt, "knownAt", "Optional.empty() for \"as known now\"");
        Require.nonNull(publishedBy, "publishedBy", "Optional.empty() for no filter");
        // When checks the dates' range, as every read does.
        new When(from, knownAt, publishedBy).on(to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a series needs from <= to, got from " + from + " after to " + to);
        }
        if (partner.isPresent() && partner.get().equals(country)) {
            throw new IllegalArgumentException("the partner " + country.code() + " is the country itself; name another actor, or none for every partner");
        }
    }

    /**
     * A country's series with every partner, as known now, with no publication filter.
     *
     * @param country the country (or organisation) whose partnerships are read
     * @param from the first date
     * @param to the last date a step may reach, not before {@code from}
     * @param step how far apart the dates are
     * @return the query
     * @throws IllegalArgumentException when {@code from} is after {@code to}, or a date is outside the dates a fact may have
     */
    public static SeriesQuery of(Actor country, LocalDate from, LocalDate to, Step step) {
        return new SeriesQuery(country, Optional.empty(), from, to, step, Optional.empty(), Optional.empty());
    }

    /**
     * {@return the same query for one partner: a row on every date, with status {@code NONE} while
     * nothing is recorded between them}
     *
     * @param other the partner, not the country itself
     */
    public SeriesQuery partner(Actor other) {
        return new SeriesQuery(country, Optional.of(Require.nonNull(other, "partner", "an Actor such as Country.of(\"USA\")")),
                from, to, step, knownAt, publishedBy);
    }

    /**
     * {@return the same query, as known at an instant (see {@link When#knownAt(Instant)})}
     *
     * @param instant the recording instant: facts, corrections and retractions recorded later are ignored
     */
    public SeriesQuery knownAt(Instant instant) {
        return new SeriesQuery(country, partner, from, to, step,
                Optional.of(Require.nonNull(instant, "instant", "an Instant such as Instant.parse(\"2025-01-01T00:00:00Z\")")), publishedBy);
    }

    /**
     * {@return the same query, keeping only facts with a source published by the day (see {@link When#publishedBy(LocalDate)})}
     *
     * @param day the last publication day a fact's source may have
     */
    public SeriesQuery publishedBy(LocalDate day) {
        return new SeriesQuery(country, partner, from, to, step, knownAt,
                Optional.of(Require.nonNull(day, "day", "a LocalDate such as LocalDate.of(2024, 4, 30)")));
    }

    /** {@return how many dates the series has: from, from + 1 step... up to and including {@code to}} */
    public long dateCount() {
        return step.count(from, to);
    }

    /**
     * {@return the dates, in order: {@code from}, then {@code from} plus n steps while not after {@code to}}
     * The list is computed as it is read, so a long one costs no memory.
     */
    public List<LocalDate> dates() {
        // At most 219,146 (daily over the 600 years a fact may lie in): an int.
        int size = Math.toIntExact(dateCount());
        return new AbstractList<>() {
            @Override
            public LocalDate get(int index) {
                if (index < 0 || index >= size) {
                    throw new IndexOutOfBoundsException("date #" + index + " of " + size);
                }
                return step.nth(from, index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * {@return the query of one date: what {@code Entente.portfolio(country, query.on(date))} answers is
     * that date's rows}
     *
     * @param date the date
     */
    public When on(LocalDate date) {
        return new When(Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)"), knownAt, publishedBy);
    }

    /**
     * One short line: {@code NER with USA from 2024-01-01 to 2024-12-31 by MONTH, as known at ...,
     * from sources published by ...} (the partner and the filters only when set).
     */
    @Override
    public String toString() {
        return country.code() + partner.map(p -> " with " + p.code()).orElse("") + " from " + from + " to " + to + " by " + step
                + knownAt.map(i -> ", as known at " + i).orElse("") + publishedBy.map(d -> ", from sources published by " + d).orElse("");
    }
}
