package org.entente.core.relationship;

import java.time.LocalDate;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.internal.CalendarDays;

/**
 * The fluent API's dates, checked as they are given: an impossible day or a day outside
 * {@link HappenedOn#EARLIEST}..{@link HappenedOn#LATEST} is an {@link IllegalArgumentException} naming the fact,
 * the call as written and what is accepted, instead of {@code java.time}'s message that names neither.
 */
final class Dates {

    private Dates() {
    }

    /**
     * The day, when it exists and is in the accepted range.
     *
     * @param fact the fact the date is given for
     * @param call the call as messages show it: {@code on(2024, 2, 30)}
     */
    static LocalDate day(FactId fact, String call, int year, int month, int dayOfMonth) {
        return CalendarDays.day("fact " + fact + ": ", call, year, month, dayOfMonth);
    }

    /** A month's first day, when the month exists and is in the accepted range. */
    static LocalDate month(FactId fact, String call, int year, int month) {
        return day(fact, call, year, month, 1);
    }

    /** The day, when it is in the accepted range (the one {@link HappenedOn} accepts). */
    static LocalDate inRange(FactId fact, String what, LocalDate day) {
        return CalendarDays.inRange("fact " + fact + ": ", what, day);
    }
}
