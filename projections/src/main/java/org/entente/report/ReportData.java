package org.entente.report;

import org.entente.internal.Runs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.HappenedOn;
import org.entente.core.relationship.RelationshipState.MembershipStatus;
import org.entente.partnership.Definitions;
import org.entente.partnership.Partnership;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;

/**
 * What a report shows, read once from an {@link Entente}: for each partner the runs of days with the
 * same status, security weight, trend, membership and board cells ({@link Runs}), and the facts of the
 * range. Immutable; the page and the embedded data are both written from it.
 */
final class ReportData {

    /** How many years before its last day a range starts when no first day is given (or the subject's first fact, if later). */
    static final int DEFAULT_YEARS = 5;

    /**
     * What the board shows of a partnership besides its status and figures: text, the same every day
     * between two facts.
     *
     * @param agreements agreements in force
     * @param forces     forces present
     * @param envoys     envoys in post
     * @param lastFact   the last fact, its day, id and kind
     */
    record Cells(String agreements, String forces, String envoys, String lastFact) {
        static Cells of(Partnership p) {
            return new Cells(ReportText.agreements(p), ReportText.forces(p), ReportText.envoys(p), ReportText.lastFact(p));
        }
    }

    /** What stays the same along a span. */
    private record Key(Status status, int weight, Trend trend, MembershipStatus membership, Cells cells) {
        static Key of(Partnership p) {
            return new Key(p.status(), p.securityWeight(), p.trend(), p.membershipStatus(), Cells.of(p));
        }
    }

    /**
     * Days of one partner with the same status, security weight, trend, membership and board cells.
     *
     * @param from        the first day
     * @param to          the last day (inclusive)
     * @param status      the status
     * @param weight      the security weight, 0 to 4
     * @param trend       the temperature's trend
     * @param membership  the membership status (NONE but for a country and an organisation)
     * @param temperature the temperature on the first day (rounded as {@link Partnership#temperature()})
     * @param cells       the index of the board's cells in {@link ReportData#cells}
     */
    record Span(LocalDate from, LocalDate to, Status status, int weight, Trend trend, MembershipStatus membership,
                double temperature, int cells) {
        /** The temperature on a day of the span: no fact happens inside, so the first day's decays. */
        double temperatureOn(LocalDate day) {
            return temperature * Definitions.decay(ChronoUnit.DAYS.between(from, day));
        }
    }

    /**
     * A run of days with the same status: what a lane draws.
     *
     * @param from   the first day
     * @param to     the last day (inclusive)
     * @param status the status
     */
    record Segment(LocalDate from, LocalDate to, Status status) {
    }

    /**
     * One partner across the range.
     *
     * @param partner the partner
     * @param dyad    the subject's dyad with it
     * @param spans   its spans, in order, covering the range
     */
    record Lane(Actor partner, Dyad dyad, List<Span> spans) {
        Span at(LocalDate day) {
            int lo = 0;
            int hi = spans.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (spans.get(mid).from().isAfter(day)) {
                    hi = mid - 1;
                } else {
                    lo = mid;
                }
            }
            return spans.get(lo);
        }

        /** The spans merged by status. */
        List<Segment> segments() {
            List<Segment> out = new ArrayList<>();
            for (Span s : spans) {
                Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.status() == s.status()) {
                    out.set(out.size() - 1, new Segment(last.from(), s.to(), s.status()));
                } else {
                    out.add(new Segment(s.from(), s.to(), s.status()));
                }
            }
            return out;
        }

        boolean everSecurityPartner() {
            return spans.stream().anyMatch(s -> s.weight() > 0);
        }
    }

    final Actor centre;
    final Optional<Dyad> dyad;
    final LocalDate from;
    final LocalDate to;
    final LocalDate asOf;
    final LocalDate written;
    final boolean fromDefaulted;
    final Optional<Instant> knownAt;
    final Optional<LocalDate> publishedBy;
    final String origin;
    final Optional<HappenedOn> firstFact;
    final List<Lane> lanes;
    final List<Cells> cells;
    /** The facts of the range, in happened order, retracted ones flagged. */
    final List<TimelineEntry> entries;

    private ReportData(Settings s, LocalDate from, LocalDate to, LocalDate asOf, Optional<HappenedOn> firstFact,
                       List<Lane> lanes, List<Cells> cells, List<TimelineEntry> entries) {
        this.centre = s.centre;
        this.dyad = s.dyad;
        this.from = from;
        this.to = to;
        this.asOf = asOf;
        this.written = s.today;
        this.fromDefaulted = s.from.isEmpty();
        this.knownAt = s.knownAt;
        this.publishedBy = s.publishedBy;
        this.origin = s.origin;
        this.firstFact = firstFact;
        this.lanes = List.copyOf(lanes);
        this.cells = List.copyOf(cells);
        this.entries = List.copyOf(entries);
    }

    /**
     * What the builder was given.
     *
     * @param centre      the country (or organisation) the report is about; a dyad's first actor
     * @param dyad        the dyad, for a dyad's report
     * @param from        the first day, if given
     * @param to          the last day, if given
     * @param asOf        the board's day, if given
     * @param knownAt     the recording-time limit, if any
     * @param publishedBy the publication limit, if any
     * @param origin      where the history came from, in words
     * @param today       the day the report is written, from the builder's clock
     */
    record Settings(Actor centre, Optional<Dyad> dyad, Optional<LocalDate> from, Optional<LocalDate> to,
                    Optional<LocalDate> asOf, Optional<Instant> knownAt, Optional<LocalDate> publishedBy, String origin,
                    LocalDate today) {
    }

    /** Reads everything the report shows; every read has the settings' recording-time and publication limits. */
    static ReportData read(Entente entente, Settings s) {
        TimelineFilter all = s.knownAt.map(TimelineFilter.all()::knownAt).orElse(TimelineFilter.all());
        Predicate<TimelineEntry> published = s.publishedBy
                .<Predicate<TimelineEntry>>map(day -> e -> e.sources().stream().anyMatch(src -> src.publishedBy(day)))
                .orElse(e -> true);
        List<TimelineEntry> every = (s.dyad.isPresent() ? entente.timeline(s.dyad.get(), all) : entente.timeline(s.centre, all))
                .stream().filter(published).toList();
        Optional<HappenedOn> firstFact = every.stream().filter(e -> !e.retracted()).map(TimelineEntry::happened)
                .min(Comparator.naturalOrder());

        LocalDate to = s.to.orElse(s.asOf.orElse(s.today));
        LocalDate asOf = s.asOf.orElse(to);
        LocalDate from = s.from.orElseGet(() -> defaultFrom(to, firstFact.map(HappenedOn::day)));
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report's first day " + from + " is after its last day " + to
                    + "; give a first day on or before the last");
        }
        if (asOf.isBefore(from) || asOf.isAfter(to)) {
            throw new IllegalArgumentException("the board's day " + asOf + " is outside the report's range " + from + " to " + to
                    + "; give a day within it, or leave it out for the last day");
        }
        When base = When.asOf(to);
        if (s.knownAt.isPresent()) {
            base = base.knownAt(s.knownAt.get());
        }
        if (s.publishedBy.isPresent()) {
            base = base.publishedBy(s.publishedBy.get());
        }

        Map<Actor, Dyad> partners = new LinkedHashMap<>();
        if (s.dyad.isPresent()) {
            partners.put(s.dyad.get().other(s.centre), s.dyad.get());
        } else {
            entente.portfolio(s.centre, base).partners().forEach(p -> partners.put(p.partnerOf(s.centre), p.dyad()));
            every.stream().filter(e -> !e.day().isAfter(to)).map(e -> e.fact().dyad())
                    .sorted(Comparator.comparing(d -> d.other(s.centre)))
                    .forEach(d -> partners.putIfAbsent(d.other(s.centre), d));
        }

        Map<Cells, Integer> cellIndex = new HashMap<>();
        List<Cells> cells = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        final When query = base;
        for (Map.Entry<Actor, Dyad> partner : partners.entrySet()) {
            Dyad dyad = partner.getValue();
            TreeSet<LocalDate> breaks = new TreeSet<>();
            for (TimelineEntry e : every) {
                if (e.fact().dyad().equals(dyad)) {
                    breaks.add(e.day());
                    breaks.add(e.day().plusDays(Definitions.TREND_DAYS));
                }
            }
            List<Span> spans = new ArrayList<>();
            for (Runs.Run<Partnership> run : Runs.of(from, to, breaks, day -> entente.partnership(dyad, query.on(day)), Key::of)) {
                Partnership p = run.first();
                Cells c = Cells.of(p);
                Integer index = cellIndex.get(c);
                if (index == null) {
                    index = cells.size();
                    cellIndex.put(c, index);
                    cells.add(c);
                }
                spans.add(new Span(run.from(), run.to(), p.status(), p.securityWeight(), p.trend(), p.membershipStatus(),
                        p.temperature(), index));
            }
            lanes.add(new Lane(partner.getKey(), dyad, spans));
        }
        List<TimelineEntry> entries = every.stream().filter(e -> !e.day().isBefore(from) && !e.day().isAfter(to)).toList();
        return new ReportData(s, from, to, asOf, firstFact, lanes, cells, entries);
    }

    /** {@value #DEFAULT_YEARS} years before the last day, or the subject's first fact when it is later (and not after the last day). */
    static LocalDate defaultFrom(LocalDate to, Optional<LocalDate> firstFact) {
        LocalDate back = to.minusYears(DEFAULT_YEARS);
        if (back.isBefore(HappenedOn.EARLIEST)) {
            back = HappenedOn.EARLIEST;
        }
        LocalDate floor = back;
        return firstFact.filter(d -> d.isAfter(floor) && !d.isAfter(to)).orElse(back);
    }

    /** The number of days of the range. */
    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The days on which any partner's span starts, in order, the first day of the range included. */
    List<LocalDate> spanStarts() {
        Set<LocalDate> days = new TreeSet<>();
        days.add(from);
        lanes.forEach(l -> l.spans().forEach(s -> days.add(s.from())));
        return new ArrayList<>(days);
    }

    /** Whether this is a dyad's report. */
    boolean isDyad() {
        return dyad.isPresent();
    }
}
