package org.entente.reliability;

import static org.entente.reliability.CrashHarness.Point.BATCH;
import static org.entente.reliability.CrashHarness.Point.MIGRATE;
import static org.entente.reliability.CrashHarness.Point.ONLINE_REBUILD;
import static org.entente.reliability.CrashHarness.Point.REBUILD;
import static org.entente.reliability.CrashHarness.Point.SINGLE;

import java.nio.file.Path;
import java.util.List;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness on PostgreSQL, 7 kills: batches, single records and rebuilds in a schema of
 * their own, and migrations from H2 into fresh schemas; every schema is dropped at the end. Skipped
 * without a server unless {@code -Dentente.postgres.required=true}.
 */
class PostgresCrashHarnessTest {

    @TempDir
    Path temp;

    @BeforeEach
    void requirePostgres() {
        Postgres.freshSchema("crash_probe").close(); // skips, or fails when required, without a server
    }

    @Test
    void killsDuringBatchesSingleRecordsAndRebuildsLoseNoAcknowledgedFactAndLeaveEveryStoreConsistent() throws Exception {
        CrashTally tally = new CrashHarness(CrashHarness.Config.of(5, H2CrashHarnessTest.BATCH_FACTS, "pg",
                List.of(BATCH, SINGLE, REBUILD, ONLINE_REBUILD), temp), System.out).run();
        CrashHarnessAssertions.assertClean(tally, 5, List.of(BATCH, SINGLE, REBUILD, ONLINE_REBUILD));
    }

    @Test
    void killsDuringAMigrationFromH2AreFollowedByARetryThatCompletesWithTheSourcesCounts() throws Exception {
        CrashTally tally = new CrashHarness(CrashHarness.Config.of(2, H2CrashHarnessTest.BATCH_FACTS, "pg",
                List.of(MIGRATE), temp), System.out).run();
        CrashHarnessAssertions.assertClean(tally, 2, List.of(MIGRATE));
    }
}
