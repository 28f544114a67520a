package org.entente;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.entente.core.HappenedOn;
import org.entente.core.internal.Require;

/**
 * The time of a query, on three axes that combine:
 * <ul>
 *   <li>{@link #asOf(LocalDate) asOf(date)}: facts that happened on or before the date (valid time);</li>
 *   <li>{@link #knownAt(Instant) knownAt(instant)}: facts recorded at or before the instant, with the
 *       corrections and retractions recorded by then (recording time). Answers for an instant are
 *       reproducible once the instant is older than the store's transaction cap (10 s by default):
 *       no transaction still open can then commit a fact recorded before it;</li>
 *   <li>{@link #publishedBy(LocalDate) publishedBy(date)}: only facts with a source published on or
 *       before the date; a background source counts as always published, a source of another kind
 *       without a publication date never does.</li>
 * </ul>
 *
 * <pre>{@code
 * When.asOf(LocalDate.of(2024, 4, 30))                                  // what happened by then, as known now
 * When.asOf(LocalDate.of(2024, 4, 30)).publishedBy(LocalDate.of(2024, 4, 25))  // what the press had said by 25 April
 * }</pre>
 *
 * @param date        facts on or before this day
 * @param knownAt     facts recorded at or before this instant; empty for "as known now"
 * @param publishedBy facts with a source published by this day; empty for no filter
 */
public record When(LocalDate date, Optional<Instant> knownAt, Optional<LocalDate> publishedBy) {

    /**
     * Creates the record, checking its components.
     *
     * @param date facts on or before this day
     * @param knownAt facts recorded at or before this instant; empty for "as known now"
     * @param publishedBy facts with a source published by this day; empty for no filter
     */
    public When {
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(knownAt, "knownAt", "Optional.empty() for \"as known now\"");
        Require.nonNull(publishedBy, "publishedBy", "Optional.empty() for no filter");
        inRange("date", date);
        publishedBy.ifPresent(day -> inRange("publishedBy", day));
    }

    /**
     * Facts that happened on or before the date, as known now.
     *
     * @param date the last day whose facts count; not null
     * @return a query on that date, as known now, with no publication filter
     */
    public static When asOf(LocalDate date) {
        return new When(date, Optional.empty(), Optional.empty());
    }

    /**
     * {@return the same query, as known at an instant}
     *
     * @param instant the recording instant: corrections and retractions recorded later are ignored; not null
     */
    public When knownAt(Instant instant) {
        return new When(date, Optional.of(Require.nonNull(instant, "instant", "an Instant such as Instant.parse(\"2024-05-01T00:00:00Z\")")), publishedBy);
    }

    /**
     * {@return the same query, keeping only facts with a source published by the day}
     *
     * @param day the last publication day a fact's source may have; not null
     */
    public When publishedBy(LocalDate day) {
        return new When(date, knownAt, Optional.of(Require.nonNull(day, "day", "a LocalDate such as LocalDate.of(2024, 4, 30)")));
    }

    /**
     * {@return the same query on another date}
     *
     * @param other the day to ask about instead, keeping the knowledge and publication filters
     */
    public When on(LocalDate other) {
        return new When(Require.nonNull(other, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)"), knownAt, publishedBy);
    }

    /** The dates a query may name are the ones a fact may have: outside them, no fact can be, and java.time fails on the extremes. */
    private static void inRange(String what, LocalDate day) {
        if (day.isBefore(HappenedOn.EARLIEST) || day.isAfter(HappenedOn.LATEST)) {
            throw new IllegalArgumentException(what + " " + day + " is outside the accepted range " + HappenedOn.EARLIEST
                    + " to " + HappenedOn.LATEST + " (the dates a fact may have)");
        }
    }

    /**
     * One short line: {@code as of 2024-04-30, as known at 2024-05-01T00:00:00Z, from sources published by 2024-04-25}
     * (the last two only when set).
     */
    @Override
    public String toString() {
        return "as of " + date + knownAt.map(i -> ", as known at " + i).orElse("")
                + publishedBy.map(d -> ", from sources published by " + d).orElse("");
    }

    /**
     * {@return whether this asks for the facts as known now without a publication filter (the fastest query)}
     */
    public boolean isCurrent() {
        return knownAt.isEmpty() && publishedBy.isEmpty();
    }
}
