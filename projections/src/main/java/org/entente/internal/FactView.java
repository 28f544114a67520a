package org.entente.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipState;
import org.entente.partnership.Definitions;
import org.entente.partnership.Partnership;

/**
 * A dyad's facts in docs/DOMAIN.md's order with checkpoints of state every {@value #EVERY} facts, so that
 * the state as of any date is a binary search plus a fold of fewer than {@value #EVERY} facts.
 * Immutable; built once per version of a dyad's history and shared by readers.
 */
public final class FactView {

    /** How many facts lie between checkpoints. */
    static final int EVERY = 32;

    private final Dyad dyad;
    private final List<FactEvent> ordered;
    private final LocalDate[] days;
    private final RelationshipState[] checkpoints;
    /** The temperature right after each fact, as of the day of the last fact the rules applied. */
    private final double[] heat;
    /** The index of the last fact the rules applied up to each fact (-1: none yet). */
    private final int[] heatFrom;

    /**
     * The state and temperature on a date.
     *
     * @param state the state after every fact on or before the date
     * @param heat  the temperature on the date
     */
    public record Point(RelationshipState state, double heat) {
    }

    private FactView(Dyad dyad, List<FactEvent> ordered) {
        this.dyad = dyad;
        this.ordered = ordered;
        this.days = new LocalDate[ordered.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = ordered.get(i).fact().happened().day();
        }
        this.heat = new double[days.length];
        this.heatFrom = new int[days.length];
        int n = ordered.size() / EVERY + 1;
        this.checkpoints = new RelationshipState[n];
        RelationshipState state = RelationshipState.empty(dyad);
        checkpoints[0] = state;
        HeatTrack track = new HeatTrack();
        for (int c = 1; c < n; c++) {
            state = Decider.continueFrom(state, ordered.subList((c - 1) * EVERY, c * EVERY), track::applied);
            track.skipTo(c * EVERY);
            checkpoints[c] = state;
        }
        if (n * EVERY > ordered.size()) {
            // The facts after the last checkpoint: only which ones the rules apply is kept here.
            Decider.continueFrom(state, ordered.subList((n - 1) * EVERY, ordered.size()), track::applied);
            track.skipTo(ordered.size());
        }
    }

    /**
     * Fills {@link #heat} and {@link #heatFrom} fact by fact, told in order which facts the rules
     * applied; a fact the rules skip weighs nothing and keeps the temperature before it.
     */
    private final class HeatTrack {
        private int next;
        private double current;
        private int last = -1;

        void applied(FactEvent e) {
            while (ordered.get(next) != e) {
                skipOne();
            }
            current = decayTo(current, last < 0 ? null : days[last], days[next]) + Definitions.weight(e);
            last = next;
            heat[next] = current;
            heatFrom[next] = last;
            next++;
        }

        void skipTo(int end) {
            while (next < end) {
                skipOne();
            }
        }

        private void skipOne() {
            heat[next] = current;
            heatFrom[next] = last;
            next++;
        }
    }

    /** A view of facts in any order (they are sorted here). */
    public static FactView of(Dyad dyad, List<FactEvent> facts) {
        List<FactEvent> ordered = new ArrayList<>(facts);
        ordered.sort(DyadHistory.ORDER);
        return new FactView(dyad, List.copyOf(ordered));
    }

    /** The dyad. */
    public Dyad dyad() {
        return dyad;
    }

    /** Every fact, in order. */
    public List<FactEvent> facts() {
        return ordered;
    }

    /** How many facts happened on or before the date. */
    public int countOnOrBefore(LocalDate date) {
        int lo = 0;
        int hi = days.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid].isAfter(date)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The state and temperature on a date: the state from a checkpoint and a fold of the facts after
     * it; the temperature from the value kept after the last fact on or before the date.
     */
    public Point at(LocalDate date) {
        int count = countOnOrBefore(date);
        RelationshipState cp = checkpoints[count / EVERY];
        List<FactEvent> rest = ordered.subList((count / EVERY) * EVERY, count);
        RelationshipState state = rest.isEmpty() ? cp : Decider.continueFrom(cp, rest);
        return new Point(state, heatOn(count, date));
    }

    /** The temperature on a date after the first {@code count} facts: no fold, the value kept decayed. */
    private double heatOn(int count, LocalDate date) {
        if (count == 0 || heatFrom[count - 1] < 0) {
            return 0;
        }
        return decayTo(heat[count - 1], days[heatFrom[count - 1]], date);
    }

    /** The partnership on a date, with the temperature's trend over {@value Definitions#TREND_DAYS} days. */
    public Partnership partnership(LocalDate date, int windowDays) {
        Point now = at(date);
        LocalDate before = date.minusDays(Definitions.TREND_DAYS);
        // The trend needs only the temperature 90 days before: no second fold of the state.
        return Partnership.of(now.state(), date, windowDays, now.heat(), heatOn(countOnOrBefore(before), before));
    }

    private static double decayTo(double heat, LocalDate from, LocalDate to) {
        if (from == null || heat == 0) {
            return heat;
        }
        return heat * Definitions.decay(java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }
}
