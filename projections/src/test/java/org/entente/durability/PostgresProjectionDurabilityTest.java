package org.entente.durability;

import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Projection durability on the real PostgreSQL at 127.0.0.1:5432, a schema per test. */
class PostgresProjectionDurabilityTest extends ProjectionDurabilityContract {

    private Postgres postgres;
    private DataSource dataSource;

    @BeforeEach
    void createSchema() {
        postgres = Postgres.freshSchema("projections");
        dataSource = postgres.dataSource();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Entente open() {
        return Entente.postgres(dataSource);
    }

    @Override
    Entente.Builder builder() {
        return Entente.builder().postgres(dataSource);
    }
}
