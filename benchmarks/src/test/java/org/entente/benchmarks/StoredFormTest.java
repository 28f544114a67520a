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
import java.util.List;
import java.util.Set;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.EntenteStore;
import org.entente.internal.Projections;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale tier's stores, built without Entente (COPY on PostgreSQL, JDBC batches on H2), open in
 * Entente without a rebuild and answer exactly as a store built through Entente from the same
 * commands: every dyad's partnership and every country's portfolio on a dozen dates.
 */
class StoredFormTest {

    private static final int SIZE = 2_000;
    private static final long SEED = 77L;
    private static final List<LocalDate> DATES = new ArrayList<>();
    private static Entente reference;
    private static Generator.Shape shape;

    @TempDir
    Path directory;

    @BeforeAll
    static void recordTheSameCommandsThroughEntente() {
        for (int y = 1990; y <= 2026; y += 3) {
            DATES.add(LocalDate.of(y, 6, 30));
        }
        List<RelationshipCommand> all = new ArrayList<>();
        shape = Generator.forEachDyad(SIZE, SEED, (dyad, commands) -> all.addAll(commands));
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
                    EntenteStore.builder().postgres(url, user, "", 4), () -> {
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
        }
    }

    @Test
    void aStoreBuiltByBatchesOnH2AnswersAsOneBuiltThroughEntente() throws Exception {
        Path dir = directory.resolve("h2");
        StoredForm.Built built = StoredForm.h2(Entente.builder().h2(dir), EntenteStore.builder().h2(dir), () -> {
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
    }

    private static void assertBuilt(StoredForm.Built built) {
        assertThat(built.shape().factsPerDyad()).as("the same history as the reference's").isEqualTo(shape.factsPerDyad());
        assertThat(built.events()).as("one event per command").isEqualTo(shape.commands());
        assertThat(built.head()).as("the head after the build").isGreaterThanOrEqualTo(built.events() - 1);
    }

    private static void assertAnswersAsReference(Entente entente) {
        entente.awaitCaughtUp(Duration.ofMinutes(1));
        assertThat(entente.integrityOnOpen()).as("opened without finding anything to repair").isEmpty();
        assertThat(entente.processingStatus().position()).as("the processor's token is at the head").isEqualTo(entente.processingStatus().head());
        Set<Country> countries = new LinkedHashSet<>();
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
        for (Country country : countries) {
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
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
