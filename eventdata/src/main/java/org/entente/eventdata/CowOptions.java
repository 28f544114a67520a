package org.entente.eventdata;

import java.time.MonthDay;
import java.util.Objects;

/**
 * Which dyad-years a Correlates of War export writes: years {@code from..to} every {@code step}
 * years, each read on the same day of the year (envoys in post that day).
 *
 * <pre>{@code
 * CowOptions.years(1960, 2005).every(5)            // COW's own rhythm: 1960, 1965, ... 2005
 * CowOptions.years(2000, 2024).on(MonthDay.of(1, 1))
 * }</pre>
 *
 * @param from first year
 * @param to   last year (inclusive)
 * @param step years between rows, at least 1
 * @param day  the day of each year the representation is read on (default 31 December)
 */
public record CowOptions(int from, int to, int step, MonthDay day) {

    /** The longest span of years accepted. */
    public static final int MAX_YEARS = 600;

    /**
     * Validates; see the type's documentation.
     *
     * @param from first year
     * @param to last year (inclusive)
     * @param step years between rows, at least 1
     * @param day the day of each year the representation is read on (default 31 December)
     */
    public CowOptions {
        Objects.requireNonNull(day, "day");
        if (from > to) {
            throw new IllegalArgumentException("the first year " + from + " is after the last " + to);
        }
        if (from < 1600 || to > 2199) {
            throw new IllegalArgumentException("years must be within 1600..2199, got " + from + ".." + to);
        }
        if (to - from >= MAX_YEARS) {
            throw new IllegalArgumentException("at most " + MAX_YEARS + " years, got " + from + ".." + to);
        }
        if (step < 1) {
            throw new IllegalArgumentException("the step must be at least 1 year, got " + step);
        }
    }

    /**
     * {@return every year from {@code from} to {@code to}, read on 31 December}
     *
     * @param from the first year (inclusive)
     * @param to the last year (inclusive)
     */
    public static CowOptions years(int from, int to) {
        return new CowOptions(from, to, 1, MonthDay.of(12, 31));
    }

    /**
     * {@return the same years, every {@code years} years}
     *
     * @param years the step between rows' years, at least 1 (2 gives {@code from}, {@code from + 2}, ...)
     */
    public CowOptions every(int years) {
        return new CowOptions(from, to, years, day);
    }

    /**
     * {@return the same years, read on another day of the year}
     *
     * @param other the day of the year each row is read on, such as {@code --06-30}
     */
    public CowOptions on(MonthDay other) {
        return new CowOptions(from, to, step, other);
    }
}
