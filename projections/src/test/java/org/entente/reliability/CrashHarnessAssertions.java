package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every crash-harness run must show. */
final class CrashHarnessAssertions {

    private CrashHarnessAssertions() {
    }

    static void assertClean(CrashTally tally, int kills, List<CrashHarness.Point> points) {
        System.out.print(tally);
        assertThat(tally.kills()).as("kills that landed while the child was working").isEqualTo(kills);
        assertThat(tally.kills.keySet()).as("the kill points that a kill reached\n%s", tally).containsAll(points);
        assertThat(tally.lost).as("acknowledged facts lost\n%s", tally).isZero();
        assertThat(tally.duplicates).as("facts recorded twice\n%s", tally).isZero();
        assertThat(tally.count(CrashHarness.Outcome.INCONSISTENT_AFTER_KILL)).as("stores inconsistent after a kill\n%s", tally).isZero();
        assertThat(tally.count(CrashHarness.Outcome.RERUN_FAILED)).as("reruns that failed\n%s", tally).isZero();
        assertThat(tally.failures).as("failures").isEmpty();
    }
}
