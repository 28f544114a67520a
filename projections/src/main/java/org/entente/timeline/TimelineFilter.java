package org.entente.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.entente.core.internal.Require;
import org.entente.core.relationship.FactKind;

/**
 * Which facts a timeline shows: happened between two days (inclusive), of some kinds, as known at an
 * instant, with or without retracted facts. {@code TimelineFilter.all()} shows everything as known now.
 *
 * @param from              the first day, if bounded
 * @param to                the last day, if bounded
 * @param kinds             the kinds shown (all when empty)
 * @param knownAt           as known at this instant (now when empty)
 * @param includeRetracted  whether retracted facts are shown (flagged)
 */
public record TimelineFilter(Optional<LocalDate> from, Optional<LocalDate> to, Set<FactKind> kinds, Optional<Instant> knownAt,
                             boolean includeRetracted) {

    /**
     * Creates the record, checking its components.
     *
     * @param from the first day, if bounded
     * @param to the last day, if bounded
     * @param kinds the kinds shown (all when empty)
     * @param knownAt as known at this instant (now when empty)
     * @param includeRetracted whether retracted facts are shown (flagged)
     */
    public TimelineFilter {
        Require.nonNull(from, "from", "Optional.empty() for no first day");
        Require.nonNull(to, "to", "Optional.empty() for no last day");
        Require.nonNull(kinds, "kinds", "an empty set for every kind");
        if (kinds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new NullPointerException("a kind of the timeline's kinds is null; give FactKind values such as FactKind.SIGN_AGREEMENT");
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        Require.nonNull(knownAt, "knownAt", "Optional.empty() for \"as known now\"");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("the timeline's first day " + from.get() + " is after its last day " + to.get());
        }
    }

    /** {@return every fact, retracted ones included, as known now} */
    public static TimelineFilter all() {
        return new TimelineFilter(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), true);
    }

    /**
     * Facts from this day on.
     *
     * @param day the first day whose facts are shown (inclusive), not after the last day; not null
     * @return a copy of this filter starting on that day
     */
    public TimelineFilter from(LocalDate day) {
        return new TimelineFilter(Optional.of(Require.nonNull(day, "first day", "a LocalDate such as LocalDate.of(2024, 4, 30)")), to, kinds, knownAt, includeRetracted);
    }

    /**
     * Facts up to this day.
     *
     * @param day the last day whose facts are shown (inclusive), not before the first day; not null
     * @return a copy of this filter ending on that day
     */
    public TimelineFilter to(LocalDate day) {
        return new TimelineFilter(from, Optional.of(Require.nonNull(day, "last day", "a LocalDate such as LocalDate.of(2024, 4, 30)")), kinds, knownAt, includeRetracted);
    }

    /**
     * Facts of these kinds only.
     *
     * @param only the kinds shown, replacing any given before; an empty set shows every kind
     * @return a copy of this filter showing only those kinds
     */
    public TimelineFilter kinds(Set<FactKind> only) {
        return new TimelineFilter(from, to, Require.nonNull(only, "kinds", "a set such as Set.of(FactKind.SIGN_AGREEMENT), or leave it out for every kind"),
                knownAt, includeRetracted);
    }

    /**
     * As known at an instant.
     *
     * @param instant facts, corrections and retractions recorded after it are left out; not null
     * @return a copy of this filter as known at that instant
     */
    public TimelineFilter knownAt(Instant instant) {
        return new TimelineFilter(from, to, kinds, Optional.of(Require.nonNull(instant, "instant",
                "an Instant such as Instant.parse(\"2024-05-01T00:00:00Z\"), or leave it out for \"as known now\"")), includeRetracted);
    }

    /**
     * Without retracted facts.
     *
     * @return a copy of this filter that leaves retracted facts out
     */
    public TimelineFilter withoutRetracted() {
        return new TimelineFilter(from, to, kinds, knownAt, false);
    }

    /**
     * One short line: {@code all facts}, or what is limited, such as
     * {@code facts from 2024-04-01 to 2024-04-30, of kinds [SCHEDULE_WITHDRAWAL], as known at 2024-05-01T00:00:00Z, without retracted ones}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("facts");
        from.ifPresent(d -> s.append(" from ").append(d));
        to.ifPresent(d -> s.append(" to ").append(d));
        if (!kinds.isEmpty()) {
            s.append(from.isPresent() || to.isPresent() ? ", " : " ").append("of kinds ").append(new java.util.TreeSet<>(kinds));
        }
        knownAt.ifPresent(i -> s.append(s.length() > "facts".length() ? ", " : " ").append("as known at ").append(i));
        if (!includeRetracted) {
            s.append(s.length() > "facts".length() ? ", " : " ").append("without retracted ones");
        }
        return s.length() == "facts".length() ? "all facts" : s.toString();
    }

    /**
     * {@return whether an entry passes the filter}
     *
     * @param e a timeline entry of any dyad
     */
    public boolean accepts(TimelineEntry e) {
        Require.nonNull(e, "entry", "a TimelineEntry of a timeline");
        LocalDate day = e.fact().fact().happened().day();
        return from.map(f -> !day.isBefore(f)).orElse(true)
                && to.map(t -> !day.isAfter(t)).orElse(true)
                && (kinds.isEmpty() || kinds.contains(e.fact().kind()))
                && (includeRetracted || !e.retracted());
    }
}
