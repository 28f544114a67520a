package org.entente.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.function.Function;

/**
 * The days on which a dyad's answer changes, found without asking about every day of a range.
 *
 * <p>Why it is exact: between two <em>breakpoints</em> (the days of the dyad's facts, and each such day
 * plus {@value org.entente.partnership.Definitions#TREND_DAYS}), the state of the dyad is the same every
 * day, and what a day changes in a partnership is one-way and happens at most once:
 * <ul>
 *   <li>the status: only "a cooperative step within the window" depends on the day, and once the
 *       last step has left the window it stays out until the next fact;</li>
 *   <li>the security weight: only "a pledge within the window", the same way;</li>
 *   <li>the trend: the temperature now and 90 days before both decay at the same rate (no fact day
 *       lies between them and their own last facts, or a breakpoint would), so their difference
 *       decays towards zero and crosses the 0.005 threshold at most once;</li>
 *   <li>the membership: an announced withdrawal takes effect on one day.</li>
 * </ul>
 * So when the answer's key is the same on an interval's first and last days it is the same on every
 * day between, and otherwise the interval is halved until each change is found on its exact day.
 * {@code NigerReportTest} checks this (for the report; subscriptions use it for the days time changes a status) against the partnership of every day of the Niger range.
 */
public final class Runs {

    private Runs() {
    }

    /**
     * A run of days with the same key.
     *
     * @param from  the first day
     * @param to    the last day (inclusive)
     * @param first the answer on the first day
     * @param <P> the answer's type
     */
    public record Run<P>(LocalDate from, LocalDate to, P first) {
    }

    /**
     * The maximal runs of days of {@code [from, to]} whose answers have equal keys, in order, covering the range.
     *
     * @param from   the first day
     * @param to     the last day, not before {@code from}
     * @param breaks the days on which the answer may change without the one-way rule above (any may lie outside the range)
     * @param at     the answer on a day
     * @param key    what of an answer the runs keep constant
     * @param <P> the answer's type
     * @param <K> the key's type, with {@code equals}
     * @return the runs, at least one
     */
    public static <P, K> List<Run<P>> of(LocalDate from, LocalDate to, NavigableSet<LocalDate> breaks,
                                  Function<LocalDate, P> at, Function<P, K> key) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the range's first day " + from + " is after its last day " + to);
        }
        Map<LocalDate, P> asked = new HashMap<>();
        Function<LocalDate, P> cached = day -> asked.computeIfAbsent(day, at);
        List<LocalDate> changeDays = new ArrayList<>();
        List<P> changes = new ArrayList<>();
        changeDays.add(from);
        changes.add(cached.apply(from));
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate next = breaks.higher(start);
            LocalDate end = next == null || next.isAfter(to) ? to : next.minusDays(1);
            P first = cached.apply(start);
            if (!start.equals(from)) {
                changeDays.add(start);
                changes.add(first);
            }
            split(start, first, end, cached.apply(end), cached, key, changeDays, changes);
            start = end.plusDays(1);
        }
        List<Run<P>> runs = new ArrayList<>();
        int i = 0;
        while (i < changeDays.size()) {
            int j = i + 1;
            K k = key.apply(changes.get(i));
            while (j < changeDays.size() && Objects.equals(key.apply(changes.get(j)), k)) {
                j++;
            }
            LocalDate last = j < changeDays.size() ? changeDays.get(j).minusDays(1) : to;
            runs.add(new Run<>(changeDays.get(i), last, changes.get(i)));
            i = j;
        }
        return List.copyOf(runs);
    }

    /** Adds the days in {@code (a, z]} on which the key changes, halving the interval while its ends differ. */
    private static <P, K> void split(LocalDate a, P pa, LocalDate z, P pz, Function<LocalDate, P> at, Function<P, K> key,
                                     List<LocalDate> days, List<P> answers) {
        if (Objects.equals(key.apply(pa), key.apply(pz))) {
            return;
        }
        long length = z.toEpochDay() - a.toEpochDay();
        if (length == 1) {
            days.add(z);
            answers.add(pz);
            return;
        }
        LocalDate m = a.plusDays(length / 2);
        P pm = at.apply(m);
        split(a, pa, m, pm, at, key, days, answers);
        split(m, pm, z, pz, at, key, days, answers);
    }
}
