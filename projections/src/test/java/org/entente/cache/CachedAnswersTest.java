package org.entente.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;
import static org.entente.testsupport.Moments.tick;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.entente.Entente;
import org.entente.NigerStoryAccess;
import org.entente.ProjectionCache;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.testsupport.Postgres;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the projection cache holds, every answer is the same: a generated history (several dyads,
 * retroactive facts, corrections, retractions, sources published on different days, recorded at
 * several instants) answered by one store opened with a cache that holds everything, one that holds
 * about one dyad, and none; on an H2 file (dyads loaded from the projection rows) and on PostgreSQL
 * (loaded from the events).
 */
class CachedAnswersTest {

    private static final List<Country> COUNTRIES = List.of(NER, USA, FRA, TUR, CHN, RUS);
    private static final int SEEDS = 3;

    @TempDir
    Path temp;

    @Test
    void answersOnAnH2FileAreTheSameWithEveryCache() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Path dir = temp.resolve("seed-" + seed);
            assertSameAnswersWithEveryCache(seed, cache -> Entente.builder().h2(dir).projectionCache(cache).build());
        }
    }

    @Test
    void answersOnPostgresAreTheSameWithEveryCache() {
        try (Postgres pg = Postgres.freshSchema("cache_answers")) {
            // A pool (Entente's own): a dyad not cached is read on every query, each on a connection.
            String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test")
                    + "?currentSchema=" + pg.schema();
            String user = System.getProperty("entente.postgres.user", "postgres");
            assertSameAnswersWithEveryCache(7, cache -> Entente.builder().postgres(url, user, "", 4).projectionCache(cache).build());
        }
    }

    private static void assertSameAnswersWithEveryCache(int seed, Function<ProjectionCache, Entente> open) {
        List<Instant> moments;
        try (Entente entente = open.apply(ProjectionCache.none())) {
            moments = recordGeneratedHistory(entente, new Random(seed));
            entente.awaitCaughtUp(Duration.ofSeconds(60));
        }
        List<String> everything;
        try (Entente entente = open.apply(ProjectionCache.facts(Long.MAX_VALUE))) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            everything = answers(entente, moments);
            assertThat(entente.cacheStatistics().evictions()).as("a cache holding everything evicts nothing").isZero();
        }
        long heaviest;
        try (Entente entente = open.apply(ProjectionCache.facts(Long.MAX_VALUE))) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            heaviest = 0;
            for (Dyad d : dyads()) {
                long before = entente.cacheStatistics().versions();
                entente.timeline(d, TimelineFilter.all());
                heaviest = Math.max(heaviest, entente.cacheStatistics().versions() - before);
            }
        }
        List<String> oneDyad;
        try (Entente entente = open.apply(ProjectionCache.facts(heaviest))) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            oneDyad = answers(entente, moments);
            assertThat(entente.cacheStatistics().versions()).isLessThanOrEqualTo(heaviest);
            assertThat(entente.cacheStatistics().evictions()).as("a cache of one dyad's weight evicts").isPositive();
        }
        List<String> none;
        try (Entente entente = open.apply(ProjectionCache.none())) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            none = answers(entente, moments);
            assertThat(entente.cacheStatistics().dyads()).isZero();
            assertThat(entente.cacheStatistics().hits()).isZero();
        }
        assertThat(everything).hasSizeGreaterThan(100);
        assertThat(oneDyad).as("seed " + seed + ", a cache of about one dyad").isEqualTo(everything);
        assertThat(none).as("seed " + seed + ", no cache").isEqualTo(everything);
    }

    private static List<Dyad> dyads() {
        List<Dyad> out = new ArrayList<>();
        for (int i = 0; i < COUNTRIES.size(); i++) {
            for (int j = i + 1; j < COUNTRIES.size(); j++) {
                out.add(Dyad.of(COUNTRIES.get(i), COUNTRIES.get(j)));
            }
        }
        return out;
    }

    /**
     * The Niger story, then three rounds of talks and pledges on random days of random dyads (many
     * before facts already recorded), corrections moving some to another day and retractions of
     * others; sources published on random days. Returns an instant after each round.
     */
    private static List<Instant> recordGeneratedHistory(Entente entente, Random random) {
        List<Instant> moments = new ArrayList<>();
        List<FactCommand> story = NigerStoryAccess.facts();
        entente.recordAll(story);
        moments.add(tick());
        List<FactCommand> generated = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 25; i++) {
                Country a = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                Country b = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                if (a.equals(b)) {
                    continue;
                }
                String id = "g" + round + "-" + i;
                LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1100));
                Source source = source().withPublished(day.plusDays(random.nextInt(60)));
                FactCommand c = random.nextBoolean()
                        ? Fact.id(id).on(day).by(a).towards(b).source(source).holdTalks().command()
                        : Fact.id(id).on(day).by(a).towards(b).source(source).pledgeCooperation(List.of(CooperationDomain.values()[
                                random.nextInt(CooperationDomain.values().length)])).command();
                entente.record(c);
                generated.add(c);
            }
            for (int i = 0; i < 6 && !generated.isEmpty(); i++) {
                FactCommand old = generated.remove(random.nextInt(generated.size()));
                if (random.nextBoolean()) {
                    entente.record(new RelationshipCommand.RetractFacts(List.of(old.fact().id()), "generated retraction"));
                } else {
                    LocalDate day = old.fact().happened().day().plusDays(1 + random.nextInt(30));
                    FactCommand revised = Fact.from(old).on(day.getYear(), day.getMonthValue(), day.getDayOfMonth()).command();
                    entente.record(new RelationshipCommand.CorrectFact(revised, "generated correction"));
                    generated.add(revised);
                }
            }
            moments.add(tick());
        }
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("chn-talks-2023")), "duplicate"));
        moments.add(tick());
        return moments;
    }

    /** Partnership, portfolio, timeline and changes as of several dates, known at several instants, published by several days. */
    private static List<String> answers(Entente e, List<Instant> moments) {
        List<String> out = new ArrayList<>();
        List<When> whens = new ArrayList<>();
        for (String d : List.of("2022-06-01", "2023-08-01", "2024-04-30", "2025-01-15")) {
            When when = When.asOf(LocalDate.parse(d));
            whens.add(when);
            whens.add(when.publishedBy(LocalDate.parse(d).minusDays(20)));
            for (Instant m : moments) {
                whens.add(when.knownAt(m));
            }
        }
        for (When when : whens) {
            for (Dyad d : dyads()) {
                out.add(when + " " + e.partnership(d, when).toJson());
                out.add(when + " " + e.changes(d, when, when.date().plusDays(200)));
            }
            for (Country c : COUNTRIES) {
                out.add(when + " " + e.portfolio(c, when).toJson());
            }
        }
        for (Country c : COUNTRIES) {
            out.add(Timeline.of(c, e.timeline(c, TimelineFilter.all())).toJson());
            out.add(String.valueOf(e.changes(c, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 1))));
            for (Instant m : moments) {
                out.add(Timeline.of(c, e.timeline(c, TimelineFilter.all().knownAt(m))).toJson());
            }
        }
        for (Dyad d : dyads()) {
            out.add(String.valueOf(e.timeline(d, TimelineFilter.all())));
        }
        return out;
    }
}
