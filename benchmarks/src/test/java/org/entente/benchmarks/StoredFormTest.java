package org.entente.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventTypeRegistry;
import org.entente.internal.Projections;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale tier's stores, built without Entente (COPY on PostgreSQL, JDBC batches on H2), open in
 * Entente without a rebuild and answer exactly as a store built through Entente from the same
 * commands: every dyad's partnership and every country's portfolio on a dozen dates. Every dyad of at
 * least the store's snapshot threshold in events (here {@value #THRESHOLD}, so that this small history
 * has some) has one revision-2 snapshot at its last event, and a command on the longest dyad, loaded
 * cold, is recorded.
 */
class StoredFormTest {

    private static final int SIZE = 2_000;
    private static final long SEED = 77L;
    /** A snapshot threshold that a few dozen of this history's dyads reach (250, the default, none). */
    private static final int THRESHOLD = 20;
    private static final List<LocalDate> DATES = new ArrayList<>();
    private static Entente reference;
    private static Generator.Shape shape;
    /** Each dyad's events in the history: one per command. */
    private static final Map<Dyad, Integer> EVENTS = new HashMap<>();

    @TempDir
    Path directory;

    @BeforeAll
    static void recordTheSameCommandsThroughEntente() {
        for (int y = 1990; y <= 2026; y += 3) {
            DATES.add(LocalDate.of(y, 6, 30));
        }
        List<RelationshipCommand> all = new ArrayList<>();
        shape = Generator.forEachDyad(SIZE, SEED, (dyad, commands) -> {
            all.addAll(commands);
            EVENTS.put(dyad, commands.size());
        });
        reference = Entente.inMemory();
        reference.recordAll(all);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void aStoreBuiltByCopyOnPostgresAnswersAsOneBuiltThroughEntente() throws Exception {
        try (Postgres pg = Postgres.freshSchema("stored_form")) {
            String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=" + pg.schema();
            String user = System.getProperty("entente.postgres.user", "postgres");
            StoredForm.Built built = StoredForm.postgres(Entente.builder().postgres(url, user, "", 4),
                    EntenteStore.builder().postgres(url, user, "", 4).snapshotThreshold(THRESHOLD), () -> {
                        try {
                            return DriverManager.getConnection(url, user, "");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, SIZE, SEED);
            assertBuilt(built);
            try (Entente entente = Entente.builder().postgres(url, user, "", 4).build()) {
                assertAnswersAsReference(entente);
                assertStoredShape(entente, built);
            }
            assertACommandOnTheLongestDyadLoadsCold(EntenteStore.builder().postgres(url, user, "", 4));
        }
    }

    @Test
    void aStoreBuiltByBatchesOnH2AnswersAsOneBuiltThroughEntente() throws Exception {
        Path dir = directory.resolve("h2");
        StoredForm.Built built = StoredForm.h2(Entente.builder().h2(dir), EntenteStore.builder().h2(dir).snapshotThreshold(THRESHOLD), () -> {
            try {
                return DriverManager.getConnection(Harness.h2Url(dir), "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, SIZE, SEED);
        assertBuilt(built);
        try (Entente entente = Entente.builder().h2(dir).build()) {
            assertAnswersAsReference(entente);
            assertStoredShape(entente, built);
        }
        assertACommandOnTheLongestDyadLoadsCold(EntenteStore.builder().h2(dir));
    }

    private static void assertBuilt(StoredForm.Built built) {
        assertThat(built.shape().factsPerDyad()).as("the same history as the reference's").isEqualTo(shape.factsPerDyad());
        assertThat(built.events()).as("one event per command").isEqualTo(shape.commands());
        assertThat(built.head()).as("the head after the build").isGreaterThanOrEqualTo(built.events() - 1);
        long due = EVENTS.values().stream().filter(n -> n >= THRESHOLD).count();
        assertThat(due).as("dyads of at least %d events", THRESHOLD).isBetween(5L, (long) EVENTS.size() - 5);
        assertThat(built.snapshots()).as("one snapshot per dyad of at least the threshold").isEqualTo(due);
        assertThat(built.snapshotSeconds()).isPositive().isLessThan(built.seconds());
    }

    private static void assertAnswersAsReference(Entente entente) {
        entente.awaitCaughtUp(Duration.ofMinutes(1));
        assertThat(entente.integrityOnOpen()).as("opened without finding anything to repair").isEmpty();
        assertThat(entente.processingStatus().position()).as("the processor's token is at the head").isEqualTo(entente.processingStatus().head());
        Set<Actor> countries = new LinkedHashSet<>();
        int compared = 0;
        for (Dyad dyad : shape.factsPerDyad().keySet()) {
            countries.add(dyad.first());
            countries.add(dyad.second());
            for (LocalDate date : DATES) {
                assertThat(entente.partnership(dyad, When.asOf(date))).as("%s on %s", dyad, date)
                        .isEqualTo(reference.partnership(dyad, When.asOf(date)));
                compared++;
            }
        }
        for (Actor country : countries) {
            for (LocalDate date : DATES) {
                assertThat(entente.portfolio(country, When.asOf(date))).as("%s on %s", country, date)
                        .isEqualTo(reference.portfolio(country, When.asOf(date)));
            }
        }
        assertThat(compared).as("partnerships compared").isGreaterThan(500);
    }

    private static void assertStoredShape(Entente entente, StoredForm.Built built) throws SQLException {
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM " + StoredForm.DYAD_TABLE)).as("two dyad rows per dyad")
                    .isEqualTo(2L * shape.factsPerDyad().size());
            assertThat(count(s, "SELECT COUNT(*) FROM entente_projection_fact")).as("projection rows").isEqualTo(built.projectionRows());
            assertThat(count(s, "SELECT version FROM entente_projection_meta WHERE name = 'entente_projection_fact'"))
                    .as("the projection tables' version").isEqualTo(Projections.SCHEMA_VERSION);
            assertThat(count(s, "SELECT COUNT(*) FROM entente_fact_id")).as("fact ids")
                    .isEqualTo(shape.facts());
            Map<String, Long> snapshots = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT aggregateIdentifier, sequenceNumber, payloadType, payloadRevision FROM SnapshotEventEntry")) {
                while (rs.next()) {
                    assertThat(rs.getString(3) + " " + rs.getString(4)).isEqualTo(EventTypeRegistry.SNAPSHOT_NAME + " "
                            + EventTypeRegistry.SNAPSHOT_REVISION);
                    assertThat(snapshots.put(rs.getString(1), rs.getLong(2))).as("one snapshot of %s", rs.getString(1)).isNull();
                }
            }
            Map<String, Long> expected = new HashMap<>();
            EVENTS.forEach((dyad, n) -> {
                if (n >= THRESHOLD) {
                    expected.put(dyad.id(), n - 1L);
                }
            });
            assertThat(snapshots).as("a snapshot at the last event of each dyad of at least %d events", THRESHOLD).isEqualTo(expected)
                    .hasSize(built.snapshots());
        }
    }

    /** A command on the longest dyad through a store without the aggregate cache, which loads it from its snapshot. */
    private static void assertACommandOnTheLongestDyadLoadsCold(EntenteStore.Builder store) {
        Dyad longest = shape.longest();
        int before;
        try (EntenteStore opened = store.build()) {
            before = opened.history(longest).orElseThrow().size();
        }
        double[] ms = Harness.latencies(store.aggregateCache(false), longest, Generator.LAST_DAY.plusDays(30), "stored-form", 0, 2);
        assertThat(ms).hasSize(2);
        try (EntenteStore opened = store.build()) {
            assertThat(opened.history(longest).orElseThrow().size()).as("the longest dyad's facts and the two commands'").isEqualTo(before + 2);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
