package org.entente.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.entente.core.internal.Require;

/**
 * How far apart the dates of a {@link Series} are. The n-th date is always counted from the first, never
 * from the date before it, so a step never drifts: by {@link #MONTH} from 2024-01-31 the dates are
 * 2024-01-31, 2024-02-29, 2024-03-31, 2024-04-30... (the day of the month is kept, and clamped to the
 * month's last day when the month is shorter); by {@link #YEAR} from 2024-02-29 they are 2024-02-29,
 * 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29.
 */
public enum Step {
    /** Every day. */
    DAY(ChronoUnit.DAYS),
    /** Every seven days, on the first date's day of the week. */
    WEEK(ChronoUnit.WEEKS),
    /** Every month, on the first date's day of the month (clamped to the month's last day). */
    MONTH(ChronoUnit.MONTHS),
    /** Every year, on the first date's day and month (29 February clamped to the 28th in other years). */
    YEAR(ChronoUnit.YEARS);

    private final ChronoUnit unit;

    Step(ChronoUnit unit) {
        this.unit = unit;
    }

    /**
     * {@return the n-th date after {@code first}: {@code first} itself for 0}
     *
     * @param first the first date of the series
     * @param n how many steps after it, 0 or more
     */
    public LocalDate nth(LocalDate first, long n) {
        Require.nonNull(first, "first", "a LocalDate such as LocalDate.of(2024, 1, 1)");
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, got " + n);
        }
        return first.plus(n, unit);
    }

    /**
     * {@return how many dates lie from {@code from} through {@code to} with this step: from, from + 1
     * step... up to and including {@code to}; 0 when {@code from} is after {@code to}}
     *
     * @param from the first date
     * @param to the last date a step may reach
     */
    public long count(LocalDate from, LocalDate to) {
        Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 1, 1)");
        Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 12, 31)");
        if (from.isAfter(to)) {
            return 0;
        }
        // ChronoUnit.between counts whole units of the unclamped day; a clamped date may fit one more.
        long n = unit.between(from, to);
        while (!nth(from, n + 1).isAfter(to)) {
            n++;
        }
        return n + 1;
    }
}
