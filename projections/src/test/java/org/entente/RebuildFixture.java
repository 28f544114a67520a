package org.entente;

import static org.entente.testsupport.Facts.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.timeline.TimelineFilter;

/** A history with retractions and corrections, and everything the projections answer about it (for rebuild tests). */
public final class RebuildFixture {

    private RebuildFixture() {
    }

    /**
     * The Niger story, then retractions (one of two facts at once) and two corrections of one fact;
     * returns an instant between the retractions and the corrections, for knownAt answers.
     */
    public static Instant record(Entente entente) throws InterruptedException {
        entente.recordAll(NigerStory.facts());
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("chn-talks-2023")), "the meeting was in 2024"));
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("tur-visit"), FactId.of("tur-visit-pledge")),
                "the visit was postponed"));
        // Recording times are kept to the millisecond: "between" lies in a millisecond of its own.
        Instant between = afterTheClockMoves(Instant.now());
        afterTheClockMoves(between);
        entente.record(new RelationshipCommand.CorrectFact(station("rus-forces", "2024-04-10", RUS, NER, "Airport 101"),
                "the base is known"));
        entente.record(new RelationshipCommand.CorrectFact(station("rus-forces", "2024-04-12", RUS, NER, "Airport 101"),
                "they arrived two days later"));
        return between;
    }

    /** What the projections answer: timelines, and partnerships as of several days and known at several instants. */
    public static List<Object> answers(Entente entente, Instant between) {
        List<Object> all = new ArrayList<>();
        all.add(entente.timeline(NER, TimelineFilter.all()));
        for (Country partner : List.of(USA, FRA, TUR, CHN, RUS)) {
            Dyad dyad = Dyad.of(NER, partner);
            all.add(entente.timeline(dyad, TimelineFilter.all()));
            for (String day : List.of("2023-08-31", "2024-04-11", "2024-04-30", "2024-12-31")) {
                all.add(entente.partnership(dyad, When.asOf(LocalDate.parse(day))));
                all.add(entente.partnership(dyad, When.asOf(LocalDate.parse(day)).knownAt(between)));
            }
        }
        return all;
    }

    /** Waits, without sleeping a fixed time, until the clock is in a later millisecond than {@code from}. */
    private static Instant afterTheClockMoves(Instant from) {
        Instant now = Instant.now();
        while (!now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isAfter(from.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            now = Instant.now();
        }
        return now;
    }
}
