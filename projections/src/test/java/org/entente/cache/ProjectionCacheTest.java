package org.entente.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.Entente;
import org.entente.ProjectionCache;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.entente.testsupport.Postgres;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection cache: its budget is honoured, a store opens without reading history, another
 * instance's writes reach cached and uncached dyads, and version-1 projection tables are migrated.
 */
class ProjectionCacheTest {

    private static final When NOW = When.asOf(LocalDate.of(2030, 1, 1));
    private static final List<Country> PARTNERS = List.of(USA, FRA, TUR, CHN, RUS, Country.of("DEU"), Country.of("ITA"),
            Country.of("MLI"), Country.of("BFA"), Country.of("TCD"));

    @TempDir
    Path temp;

    /** {@code perDyad} talks in each dyad of NER and a partner, a day apart. */
    private static List<FactCommand> talksWithEveryPartner(int perDyad) {
        List<FactCommand> out = new ArrayList<>();
        for (Country partner : PARTNERS) {
            for (int i = 0; i < perDyad; i++) {
                out.add(talks(partner.code().toLowerCase() + "-" + i, LocalDate.of(2020, 1, 1).plusDays(i).toString(), NER, partner));
            }
        }
        return out;
    }

    @Test
    void aNegativeBudgetIsRefusedNamingTheValueAndWhatIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProjectionCache.facts(-1))
                .withMessageContaining("-1").withMessageContaining("0 or more");
        assertThatIllegalArgumentException().isThrownBy(() -> ProjectionCache.bytes(-5))
                .withMessageContaining("-5").withMessageContaining("0 or more");
        assertThat(ProjectionCache.bytes(7_000).versions()).isEqualTo(7_000 / ProjectionCache.ESTIMATED_BYTES_PER_VERSION);
        assertThat(ProjectionCache.none().versions()).isZero();
        assertThat(ProjectionCache.defaults().versions()).isEqualTo(ProjectionCache.DEFAULT_VERSIONS);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBudgetAfterAQueryAndEvictsTheLeastRecentlyUsed() {
        try (Entente entente = Entente.builder().inMemory().projectionCache(ProjectionCache.facts(25)).build()) {
            entente.recordAll(talksWithEveryPartner(10));
            for (int round = 0; round < 3; round++) {
                for (Country partner : PARTNERS) {
                    assertThat(entente.partnership(Dyad.of(NER, partner), NOW).facts()).isEqualTo(10);
                    assertThat(entente.cacheStatistics().versions()).isLessThanOrEqualTo(25);
                    assertThat(entente.cacheStatistics().dyads()).isLessThanOrEqualTo(2);
                }
                assertThat(entente.portfolio(NER, NOW).partners()).hasSize(PARTNERS.size());
                assertThat(entente.cacheStatistics().versions()).isLessThanOrEqualTo(25);
            }
            Dyad last = Dyad.of(NER, Country.of("TCD"));
            entente.partnership(last, NOW);
            ProjectionCache.Statistics before = entente.cacheStatistics();
            // The dyad just asked is cached: asking again is a hit, not a read.
            entente.partnership(last, NOW);
            assertThat(entente.cacheStatistics().hits()).isEqualTo(before.hits() + 1);
            assertThat(entente.cacheStatistics().misses()).isEqualTo(before.misses());
            // One asked earlier was evicted: asking for it reads it again.
            entente.partnership(Dyad.of(NER, FRA), NOW);
            assertThat(entente.cacheStatistics().misses()).isEqualTo(before.misses() + 1);
            assertThat(entente.cacheStatistics().evictions()).isPositive();
        }
    }

    @Test
    void aDyadHeavierThanTheBudgetIsAnsweredButNotKept() {
        try (Entente entente = Entente.builder().inMemory().projectionCache(ProjectionCache.facts(5)).build()) {
            entente.recordAll(talksWithEveryPartner(10));
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(10);
            assertThat(entente.cacheStatistics().dyads()).isZero();
            assertThat(entente.cacheStatistics().versions()).isZero();
            assertThat(entente.cacheStatistics().evictions()).isEqualTo(1);
        }
    }

    @Test
    void withNoCacheEveryQueryReadsTheStoreAndReadYourWritesHolds() throws Exception {
        Path dir = temp.resolve("none");
        try (Entente entente = Entente.builder().h2(dir).projectionCache(ProjectionCache.none()).build()) {
            for (FactCommand c : talksWithEveryPartner(3)) {
                entente.record(c);
                // Each write is seen by the next read, though nothing is cached.
                assertThat(entente.timeline(c.fact().dyad(), TimelineFilter.all()))
                        .anySatisfy(e -> assertThat(e.fact().fact().id()).isEqualTo(c.fact().id()));
            }
            assertThat(entente.cacheStatistics().dyads()).isZero();
            assertThat(entente.cacheStatistics().hits()).isZero();
            assertThat(entente.portfolio(NER, NOW).partners()).hasSize(PARTNERS.size());
        }
    }

    @Test
    void aDyadLoadedWhileItIsWrittenMissesNoFact() throws Exception {
        // Budget for one of the two dyads: reading them in turn reloads each while the writer appends to one.
        try (Entente entente = Entente.builder().h2(temp.resolve("race")).projectionCache(ProjectionCache.facts(400)).build()) {
            List<FactCommand> other = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                other.add(talks("fra-" + i, LocalDate.of(2010, 1, 1).plusDays(i).toString(), NER, FRA));
            }
            entente.recordAll(other);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    entente.record(talks("usa-" + i, LocalDate.of(2020, 1, 1).plusDays(i).toString(), NER, USA));
                }
            });
            writer.start();
            int rounds = 0;
            while (writer.isAlive()) {
                entente.timeline(Dyad.of(NER, FRA), TimelineFilter.all());
                entente.timeline(Dyad.of(NER, USA), TimelineFilter.all());
                rounds++;
            }
            writer.join();
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            ProjectionCache.Statistics before = entente.cacheStatistics();
            // NER-USA is still the entry loaded while it was written, and must have every fact since applied.
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(200);
            assertThat(entente.cacheStatistics().misses()).as("answered from the entry loaded during the writes").isEqualTo(before.misses());
            assertThat(rounds).isPositive();
            assertThat(before.evictions()).isPositive();
        }
    }

    @Test
    void openingAnH2StoreWithManyFactsLoadsNoDyad() {
        Path dir = temp.resolve("open");
        try (Entente entente = Entente.h2(dir)) {
            entente.recordAll(talksWithEveryPartner(100));
            entente.awaitCaughtUp(Duration.ofSeconds(60));
        }
        try (Entente entente = Entente.h2(dir)) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(entente.cacheStatistics()).isEqualTo(new ProjectionCache.Statistics(0, 0, ProjectionCache.DEFAULT_VERSIONS, 0, 0, 0));
            assertThat(entente.partnership(Dyad.of(NER, USA), NOW).facts()).isEqualTo(100);
            assertThat(entente.cacheStatistics().dyads()).isEqualTo(1);
            assertThat(entente.cacheStatistics().versions()).isEqualTo(100);
        }
    }

    @Test
    void openingAPostgresStoreWithManyFactsReadsNoHistory() {
        try (Postgres pg = Postgres.freshSchema("cache_open")) {
            try (Entente entente = Entente.postgres(pg.dataSource())) {
                entente.recordAll(talksWithEveryPartner(100));
                entente.awaitCaughtUp(Duration.ofSeconds(60));
            }
            CountingDataSource counting = new CountingDataSource(pg.dataSource());
            try (Entente entente = Entente.postgres(counting.dataSource())) {
                entente.awaitCaughtUp(Duration.ofSeconds(60));
                // The checks on open read single rows by key (the head, the last event the token covers, its row, ...).
                long onOpen = counting.historyRows();
                assertThat(onOpen).as("rows of events or projections read on open, of 1,000").isLessThanOrEqualTo(20);
                assertThat(entente.partnership(Dyad.of(NER, USA), NOW).facts()).isEqualTo(100);
                // One dyad read from its events: its 100 events, not the store's 1,000.
                assertThat(counting.historyRows() - onOpen).isBetween(100L, 110L);
            }
        }
    }

    @Test
    void anotherInstancesWritesReachACachedAndAnUncachedDyad() {
        try (Postgres pg = Postgres.freshSchema("cache_shared")) {
            try (Entente reader = Entente.postgres(pg.dataSource()); Entente writer = Entente.postgres(pg.dataSource())) {
                writer.record(talks("usa-1", "2024-01-10", NER, USA));
                writer.record(talks("tur-1", "2024-01-10", NER, TUR));
                reader.awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(reader.partnership(Dyad.of(NER, USA), NOW).facts()).isEqualTo(1); // now cached
                assertThat(reader.cacheStatistics().dyads()).isEqualTo(1);

                writer.record(talks("usa-2", "2024-02-10", NER, USA));
                writer.record(talks("tur-2", "2024-02-10", NER, TUR));
                writer.record(talks("chn-1", "2024-02-10", NER, CHN));
                reader.awaitCaughtUp(Duration.ofSeconds(60));

                assertThat(reader.partnership(Dyad.of(NER, USA), NOW).facts()).isEqualTo(2);
                assertThat(reader.partnership(Dyad.of(NER, TUR), NOW).facts()).isEqualTo(2);
                assertThat(reader.portfolio(NER, NOW).partners()).extracting(p -> p.dyad().other(NER))
                        .containsExactlyInAnyOrder(USA, TUR, CHN);
                assertThat(reader.cacheStatistics().hits()).as("the cached dyad was answered from the cache").isPositive();
            }
        }
    }

    @Test
    void aStoreWithVersion1ProjectionTablesIsMigratedAndAnswersTheSame() throws Exception {
        Path dir = temp.resolve("v1");
        String before;
        try (Entente entente = Entente.h2(dir)) {
            entente.recordAll(org.entente.NigerStoryAccess.facts());
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            before = answers(entente);
        }
        // What version 1 left: no dyad table, a dyad column of 16, version 1.
        sql(dir, "DROP TABLE entente_projection_dyad", "UPDATE entente_projection_meta SET version = 1",
                "ALTER TABLE entente_projection_fact ALTER COLUMN dyad SET DATA TYPE VARCHAR(16)");
        long rowsBefore = count(dir, "SELECT COUNT(*) FROM entente_projection_fact");
        try (Entente entente = Entente.h2(dir)) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(entente.integrityOnOpen()).isEmpty();
            assertThat(answers(entente)).isEqualTo(before);
            assertThat(entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30))).partners()).isNotEmpty();
            assertThat(entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 4, 30))).status())
                    .isEqualTo(Status.WINDING_DOWN);
        }
        assertThat(count(dir, "SELECT version FROM entente_projection_meta")).isEqualTo(3);
        assertThat(count(dir, "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'ENTENTE_PROJECTION_FACT' AND COLUMN_NAME = 'DYAD'")).isEqualTo(64);
        assertThat(count(dir, "SELECT COUNT(*) FROM entente_projection_dyad"))
                .isEqualTo(2 * count(dir, "SELECT COUNT(DISTINCT dyad) FROM entente_projection_fact"));
        assertThat(count(dir, "SELECT COUNT(*) FROM entente_projection_fact")).isEqualTo(rowsBefore);
    }

    @Test
    void aDyadMissingFromTheDyadListIsFoundByTheCheckAndRepaired() throws Exception {
        Path dir = temp.resolve("list");
        try (Entente entente = Entente.h2(dir)) {
            entente.recordAll(org.entente.NigerStoryAccess.facts());
            entente.awaitCaughtUp(Duration.ofSeconds(60));
        }
        sql(dir, "DELETE FROM entente_projection_dyad WHERE dyad = 'NER-USA' AND country = 'NER'");
        assertThat(Entente.builder().h2(dir).check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(org.entente.core.store.IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP);
            assertThat(f.detail()).contains("entente_projection_dyad");
        });
        assertThat(Entente.builder().h2(dir).repair(false).consistent()).isTrue();
        try (Entente entente = Entente.h2(dir)) {
            assertThat(entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30))).partners())
                    .extracting(p -> p.dyad().other(NER)).contains(USA);
        }
    }

    @Test
    void simulationsAndAWalkOverEveryCountryGiveTheSameAnswersWithACacheOfOneVersion() {
        org.entente.simulation.Scenario usStayed = org.entente.simulation.Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(org.entente.core.FactId.of("usa-denounce"), org.entente.core.FactId.of("usa-schedule"),
                        org.entente.core.FactId.of("usa-deadline"));
        List<String> expected = new ArrayList<>();
        List<String> tiny = new ArrayList<>();
        for (ProjectionCache cache : List.of(ProjectionCache.defaults(), ProjectionCache.facts(1))) {
            List<String> out = cache.equals(ProjectionCache.defaults()) ? expected : tiny;
            try (Entente entente = Entente.builder().inMemory().projectionCache(cache).build()) {
                entente.recordAll(org.entente.NigerStoryAccess.facts());
                org.entente.simulation.Simulation simulation = entente.simulate(usStayed);
                for (String d : List.of("2024-04-30", "2024-10-01")) {
                    out.add(String.valueOf(simulation.compare(NER, LocalDate.parse(d))));
                    out.add(simulation.portfolio(NER, LocalDate.parse(d)).toJson());
                }
                // The walk an export makes: every country's timeline.
                for (Country c : Country.all()) {
                    out.add(String.valueOf(entente.timeline(c, TimelineFilter.all().withoutRetracted())));
                }
                assertThat(entente.cacheStatistics().versions()).isLessThanOrEqualTo(cache.versions());
            }
        }
        assertThat(tiny).isEqualTo(expected);
        assertThat(String.join("", expected)).contains("usa-denounce");
    }

    private static String answers(Entente e) {
        StringBuilder out = new StringBuilder();
        for (String d : List.of("2023-06-01", "2024-04-30", "2024-10-01")) {
            for (Country c : List.of(NER, USA, FRA, TUR, CHN, RUS)) {
                out.append(e.portfolio(c, When.asOf(LocalDate.parse(d))).toJson()).append('\n');
            }
        }
        out.append(Timeline.of(NER, e.timeline(NER, TimelineFilter.all())).toJson());
        return out.toString();
    }

    private static void sql(Path dir, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("entente"), "sa", "");
             Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private static long count(Path dir, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("entente"), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
