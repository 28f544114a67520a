package org.entente.core.internal;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Days given as numbers, checked with a message that names the call as written and what is accepted,
 * instead of {@code java.time}'s ("Invalid date 'FEBRUARY 30'"), which names neither. Facts happen
 * from 1600-01-01 to 2199-12-31. Shared by {@code HappenedOn} and the fluent fact API.
 */
public final class CalendarDays {

    /** The first day a fact may happen on. */
    public static final LocalDate EARLIEST = LocalDate.of(1600, 1, 1);
    /** The last day a fact may happen on. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private CalendarDays() {
    }

    /**
     * The day, when it exists and is in the accepted range.
     *
     * @param prefix what the message starts with, such as {@code "fact tur-attache: "} (may be empty)
     * @param call the call as written, such as {@code on(2024, 2, 30)}
     * @param year the year, 1600 to 2199
     * @param month the month, 1 to 12
     * @param dayOfMonth the day of the month, 1 to the month's length
     * @return the day
     * @throws IllegalArgumentException naming the call and what is accepted
     */
    public static LocalDate day(String prefix, String call, int year, int month, int dayOfMonth) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(prefix + call + " is not a date: the month is " + month + "; months are 1 to 12");
        }
        if (year < EARLIEST.getYear() || year > LATEST.getYear()) {
            throw outOfRange(prefix, call);
        }
        YearMonth ym = YearMonth.of(year, month);
        if (dayOfMonth < 1 || dayOfMonth > ym.lengthOfMonth()) {
            throw new IllegalArgumentException(prefix + call + " is not a date: "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has "
                    + ym.lengthOfMonth() + " days; give a day of 1 to " + ym.lengthOfMonth());
        }
        return ym.atDay(dayOfMonth);
    }

    /**
     * The day, when it is in the accepted range.
     *
     * @param prefix what the message starts with (may be empty)
     * @param what the value as messages show it, such as {@code deadline 9999-01-01}
     * @param day the day
     * @return the day
     * @throws IllegalArgumentException when it is outside 1600-01-01 to 2199-12-31
     */
    public static LocalDate inRange(String prefix, String what, LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw outOfRange(prefix, what);
        }
        return day;
    }

    private static IllegalArgumentException outOfRange(String prefix, String what) {
        return new IllegalArgumentException(prefix + what + " is outside the accepted range " + EARLIEST + " to " + LATEST
                + " (a year of 1600 to 2199)");
    }
}
