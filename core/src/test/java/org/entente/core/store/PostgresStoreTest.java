package org.entente.core.store;

import javax.sql.DataSource;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on the real PostgreSQL at 127.0.0.1:5432, in a schema of its own per test. */
class PostgresStoreTest extends StoreContract {

    private Postgres postgres;
    private DataSource dataSource;

    @BeforeEach
    void createSchema() {
        postgres = Postgres.freshSchema("store");
        dataSource = postgres.dataSource();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    EntenteStore open() {
        return EntenteStore.builder().postgres(dataSource).build();
    }

    @Override
    EntenteStore openWithChunkSize(int chunkSize) {
        return EntenteStore.builder().postgres(dataSource).chunkSize(chunkSize).build();
    }
}
