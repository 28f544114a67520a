package org.entente.reliability;

import static org.entente.reliability.CrashHarness.Point.BATCH;
import static org.entente.reliability.CrashHarness.Point.IMPORT;
import static org.entente.reliability.CrashHarness.Point.ONLINE_REBUILD;
import static org.entente.reliability.CrashHarness.Point.REBUILD;
import static org.entente.reliability.CrashHarness.Point.SINGLE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness on H2 files, 13 kills: SIGKILL at random moments of 2,000-fact batches (two
 * chunks), single records, offline and online rebuilds and store imports, each followed by a full
 * check and a rerun that must complete; every kill point is reached at least once. (The long run,
 * {@code --kills 500 --batch 20000}, is in RELIABILITY.md.)
 */
class H2CrashHarnessTest {

    static final int BATCH_FACTS = 2_000;

    @TempDir
    Path temp;

    @Test
    void killsDuringBatchesSingleRecordsAndRebuildsLoseNoAcknowledgedFactAndLeaveEveryStoreConsistent() throws Exception {
        CrashTally tally = new CrashHarness(CrashHarness.Config.of(10, BATCH_FACTS, "h2",
                List.of(BATCH, SINGLE, REBUILD, ONLINE_REBUILD), temp), System.out).run();
        CrashHarnessAssertions.assertClean(tally, 10, List.of(BATCH, SINGLE, REBUILD, ONLINE_REBUILD));
    }

    @Test
    void killsDuringAStoreImportAreFollowedByARetryThatCompletesWithTheSourcesCounts() throws Exception {
        CrashTally tally = new CrashHarness(CrashHarness.Config.of(3, BATCH_FACTS, "h2", List.of(IMPORT), temp),
                System.out).run();
        CrashHarnessAssertions.assertClean(tally, 3, List.of(IMPORT));
    }
}
