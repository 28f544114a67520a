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
 * A dyad's facts in DOMAIN.md's order with checkpoints of state every {@value #EVERY} facts, so that
 * the state as of any date is a binary search plus a fold of fewer than {@value #EVERY} facts.
 * Immutable; built once per version of a dyad's history and shared by readers.
 */
public final class FactView {

    /** How many facts lie between checkpoints. */
    static final int EVERY = 32;

    private final Dyad dyad;
    private final List<FactEvent> ordered;
    private final LocalDate[] days;
    private final Checkpoint[] checkpoints;

    /** State and temperature after the first {@code index * EVERY} facts. */
    private record Checkpoint(RelationshipState state, double heat, LocalDate heatDay) {
    }

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
        int n = ordered.size() / EVERY + 1;
        this.checkpoints = new Checkpoint[n];
        RelationshipState state = RelationshipState.empty(dyad);
        double heat = 0;
        LocalDate heatDay = null;
        checkpoints[0] = new Checkpoint(state, 0, null);
        for (int c = 1; c < n; c++) {
            Heat h = new Heat(heat, heatDay);
            state = Decider.continueFrom(state, ordered.subList((c - 1) * EVERY, c * EVERY), h::add);
            heat = h.heat;
            heatDay = h.day;
            checkpoints[c] = new Checkpoint(state, heat, heatDay);
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

    /** The state and temperature on a date: a checkpoint, then a fold of the facts after it. */
    public Point at(LocalDate date) {
        int count = countOnOrBefore(date);
        Checkpoint cp = checkpoints[count / EVERY];
        List<FactEvent> rest = ordered.subList((count / EVERY) * EVERY, count);
        Heat h = new Heat(cp.heat(), cp.heatDay());
        RelationshipState state = rest.isEmpty() ? cp.state() : Decider.continueFrom(cp.state(), rest, h::add);
        return new Point(state, decayTo(h.heat, h.day, date));
    }

    /** The temperature folded over the facts the rules applied (a skipped fact weighs nothing). */
    private static final class Heat {
        private double heat;
        private LocalDate day;

        Heat(double heat, LocalDate day) {
            this.heat = heat;
            this.day = day;
        }

        void add(FactEvent e) {
            LocalDate d = e.fact().happened().day();
            heat = decayTo(heat, day, d) + Definitions.weight(e);
            day = d;
        }
    }

    /** The partnership on a date, with the temperature's trend over {@value Definitions#TREND_DAYS} days. */
    public Partnership partnership(LocalDate date, int windowDays) {
        Point now = at(date);
        Point before = at(date.minusDays(Definitions.TREND_DAYS));
        return Partnership.of(now.state(), date, windowDays, now.heat(), before.heat());
    }

    private static double decayTo(double heat, LocalDate from, LocalDate to) {
        if (from == null || heat == 0) {
            return heat;
        }
        return heat * Definitions.decay(java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }
}
