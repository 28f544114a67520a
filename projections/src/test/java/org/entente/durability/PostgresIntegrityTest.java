package org.entente.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.nigerUsa;
import static org.entente.testsupport.Facts.talks;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.store.IntegrityFinding;
import org.entente.core.store.IntegrityReport;
import org.entente.core.store.StoreInconsistentException;
import org.entente.testsupport.Postgres;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Integrity on open, check and repair on the real PostgreSQL at 127.0.0.1:5432, a schema per test (issue 12). */
class PostgresIntegrityTest {

    private Postgres postgres;
    private DataSource dataSource;

    @BeforeEach
    void createSchema() {
        postgres = Postgres.freshSchema("integrity");
        dataSource = postgres.dataSource();
        try (Entente entente = Entente.postgres(dataSource)) {
            entente.recordAll(nigerUsa());
            entente.record(talks("tur-talks", "2024-03-01", NER, TUR));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
        }
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aConsistentStoreChecksCleanAndGhostFactIdsAreRepaired() throws Exception {
        assertThat(Entente.builder().postgres(dataSource).check().consistent()).isTrue();
        sql("INSERT INTO entente_fact_id (fact_id, dyad) VALUES ('ghost', 'ABW-CCK')");
        IntegrityReport found = Entente.builder().postgres(dataSource).check();
        assertThat(found.findings()).extracting(IntegrityFinding::kind).containsExactly(IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP);
        IntegrityReport repaired = Entente.builder().postgres(dataSource).repair(false);
        assertThat(repaired.consistent()).isTrue();
        assertThat(repaired.repaired()).isNotEmpty();
        try (Entente entente = Entente.postgres(dataSource)) {
            entente.record(talks("ghost", "2024-03-02", NER, TUR));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all())).hasSize(2);
        }
    }

    @Test
    void rowsMissingForProcessedEventsAreRebuiltOnOpen() throws Exception {
        sql("DELETE FROM entente_projection_fact WHERE fact_id = 'tur-talks'");
        try (Entente entente = Entente.postgres(dataSource)) {
            assertThat(entente.integrityOnOpen()).isPresent();
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all())).hasSize(1);
        }
        assertThat(Entente.builder().postgres(dataSource).check().consistent()).isTrue();
    }

    @Test
    void aStoreWithoutEventsButWithDerivedRowsIsRefused() throws Exception {
        sql("DELETE FROM domainevententry");
        assertThatThrownBy(() -> Entente.postgres(dataSource))
                .isInstanceOf(StoreInconsistentException.class)
                .hasMessageContaining("the event table is empty");
    }
}
