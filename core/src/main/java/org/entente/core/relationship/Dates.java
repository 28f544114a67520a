package org.entente.core.relationship;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;

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
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("fact " + fact + ": " + call + " is not a date: the month is " + month
                    + "; months are 1 to 12");
        }
        YearMonth ym = YearMonth.of(inRangeYear(fact, call, year), month);
        if (dayOfMonth < 1 || dayOfMonth > ym.lengthOfMonth()) {
            throw new IllegalArgumentException("fact " + fact + ": " + call + " is not a date: "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has "
                    + ym.lengthOfMonth() + " days; give a day of 1 to " + ym.lengthOfMonth());
        }
        return inRange(fact, call, ym.atDay(dayOfMonth));
    }

    /** A month's first day, when the month exists and is in the accepted range. */
    static LocalDate month(FactId fact, String call, int year, int month) {
        return day(fact, call, year, month, 1);
    }

    /** The day, when it is in the accepted range (the one {@link HappenedOn} accepts). */
    static LocalDate inRange(FactId fact, String what, LocalDate day) {
        if (day.isBefore(HappenedOn.EARLIEST) || day.isAfter(HappenedOn.LATEST)) {
            throw new IllegalArgumentException("fact " + fact + ": " + what + " is outside the accepted range "
                    + HappenedOn.EARLIEST + " to " + HappenedOn.LATEST + " (a year of 1600 to 2199)");
        }
        return day;
    }

    private static int inRangeYear(FactId fact, String call, int year) {
        if (year < HappenedOn.EARLIEST.getYear() || year > HappenedOn.LATEST.getYear()) {
            throw new IllegalArgumentException("fact " + fact + ": " + call + " is outside the accepted range "
                    + HappenedOn.EARLIEST + " to " + HappenedOn.LATEST + " (a year of 1600 to 2199)");
        }
        return year;
    }
}
