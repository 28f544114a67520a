package org.entente.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Days to x coordinates across a chart's plot, the axis's ticks, and numbers as SVG writes them. */
final class Scale {

    /** The width of every wide chart's view box. */
    static final double WIDTH = 1000;
    /** Where the plot of a wide chart starts: the labels of the lanes stand left of it. */
    static final double PLOT_LEFT = 180;
    /** Where the plot of a wide chart ends. */
    static final double PLOT_RIGHT = 985;

    private final LocalDate from;
    private final long days;
    private final double left;
    private final double right;

    Scale(LocalDate from, LocalDate to, double left, double right) {
        this.from = from;
        this.days = ChronoUnit.DAYS.between(from, to) + 1;
        this.left = left;
        this.right = right;
    }

    /** The x of a day's left edge; a day is a band {@code (right - left) / days} wide. */
    double x(LocalDate day) {
        return left + (day.toEpochDay() - from.toEpochDay()) * (right - left) / days;
    }

    /** The x of a day's right edge. */
    double end(LocalDate day) {
        return x(day.plusDays(1));
    }

    /** The x of a day's middle. */
    double mid(LocalDate day) {
        return (x(day) + end(day)) / 2;
    }

    /**
     * A tick.
     *
     * @param day   the tick's day
     * @param label its label
     */
    record Tick(LocalDate day, String label) {
    }

    /** At most about twelve ticks: on weeks for two months or less, else on months or years of a round step. */
    static List<Tick> ticks(LocalDate from, LocalDate to) {
        List<Tick> ticks = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= 62) {
            long step = Math.max(1, (days + 11) / 12);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
                ticks.add(new Tick(d, d.toString().substring(5)));
            }
            return ticks;
        }
        long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
        int[] steps = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600};
        int step = steps[steps.length - 1];
        for (int s : steps) {
            if (months / s <= 12) {
                step = s;
                break;
            }
        }
        LocalDate d = from.withDayOfMonth(1);
        if (d.isBefore(from)) {
            d = d.plusMonths(1);
        }
        while (!d.isAfter(to)) {
            long index = d.getYear() * 12L + d.getMonthValue() - 1;
            if (index % step == 0) {
                ticks.add(new Tick(d, step >= 12 ? Integer.toString(d.getYear()) : d.toString().substring(0, 7)));
            }
            d = d.plusMonths(1);
        }
        return ticks;
    }

    /** A coordinate or size with one decimal at most: {@code 12}, {@code 12.5}. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** A figure with two decimals, as the board and the data attributes show it: {@code 0.72}. */
    static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
