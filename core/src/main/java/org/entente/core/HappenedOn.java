package org.entente.core;

import java.time.LocalDate;
import org.entente.core.internal.CalendarDays;
import org.entente.core.internal.Require;

/**
 * When a fact happened (valid time): the best estimate of the day, and how precisely it is known.
 *
 * <p>"Mid-April 2024" is {@code HappenedOn.of(LocalDate.of(2024, 4, 15), Precision.MONTH)}; facts are
 * ordered by the day whatever the precision. Days before {@link #EARLIEST} or after {@link #LATEST}
 * are refused as implausible (they are almost always typing mistakes).
 */
public record HappenedOn(LocalDate day, Precision precision) implements Comparable<HappenedOn> {

    /** The earliest day accepted. */
    public static final LocalDate EARLIEST = CalendarDays.EARLIEST;
    /** The latest day accepted. */
    public static final LocalDate LATEST = CalendarDays.LATEST;

    /**
     * Validates the range; see the type's documentation.
     *
     * @param day the day it happened, or the best estimate of it; 1600-01-01 to 2199-12-31
     * @param precision how precisely the day is known: {@code DAY}, {@code MONTH} or {@code YEAR}
     */
    public HappenedOn {
        Require.nonNull(day, "day", "a LocalDate such as LocalDate.of(2024, 4, 26)");
        Require.nonNull(precision, "precision", "Precision.DAY, MONTH or YEAR");
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new IllegalArgumentException("day " + day + " is outside the accepted range " + EARLIEST + ".." + LATEST);
        }
    }

    /**
     * {@return a day known precisely}
     *
     * @param day the day it happened, 1600-01-01 to 2199-12-31
     */
    public static HappenedOn day(LocalDate day) {
        return new HappenedOn(day, Precision.DAY);
    }

    /**
     * {@return a day known precisely}
     *
     * @param year the year, 1600 to 2199
     * @param month the month, 1 (January) to 12
     * @param dayOfMonth the day of the month, 1 to 28, 29, 30 or 31 as the month has
     */
    public static HappenedOn day(int year, int month, int dayOfMonth) {
        return day(CalendarDays.day("", "HappenedOn.day(" + year + ", " + month + ", " + dayOfMonth + ")", year, month, dayOfMonth));
    }

    /**
     * {@return the best estimate of a day with its precision}
     *
     * @param day the best estimate of the day, 1600-01-01 to 2199-12-31
     * @param precision how precisely the day is known: {@code DAY}, {@code MONTH} or {@code YEAR}
     */
    public static HappenedOn of(LocalDate day, Precision precision) {
        return new HappenedOn(day, precision);
    }

    /**
     * Only the month is known: the first of that month.
     *
     * @param year the year, 1600 to 2199
     * @param month the month, 1 (January) to 12
     * @return the first of the month, at {@code MONTH} precision
     */
    public static HappenedOn month(int year, int month) {
        return new HappenedOn(CalendarDays.day("", "HappenedOn.month(" + year + ", " + month + ")", year, month, 1), Precision.MONTH);
    }

    /**
     * Only the year is known: 1 January of that year.
     *
     * @param year the year, 1600 to 2199
     * @return 1 January of the year, at {@code YEAR} precision
     */
    public static HappenedOn year(int year) {
        return new HappenedOn(CalendarDays.day("", "HappenedOn.year(" + year + ")", year, 1, 1), Precision.YEAR);
    }

    @Override
    public int compareTo(HappenedOn o) {
        return day.compareTo(o.day);
    }

    /** {@code 2024-04-26}, {@code 2024-04 (month)} or {@code 2012 (year)}. */
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> day.toString();
            case MONTH -> day + " (month)";
            case YEAR -> day + " (year)";
        };
    }
}
