package org.entente.reliability;

import org.entente.Entente;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Crash during ingest on PostgreSQL, in a schema of its own. */
class PostgresCrashDuringIngestTest extends CrashDuringIngestContract {

    private Postgres postgres;

    @BeforeEach
    void createSchema() {
        postgres = Postgres.freshSchema("crash");
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String[] storeArgs() {
        return new String[] {"pg", System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("entente.postgres.user", "postgres"), postgres.schema()};
    }

    @Override
    Entente open() {
        // The last child was killed holding the projections' claims: they time out after CLAIM_TIMEOUT, not 10 s.
        return Entente.builder().postgres(postgres.dataSource()).claimTimeout(CrashChild.CLAIM_TIMEOUT).build();
    }
}
