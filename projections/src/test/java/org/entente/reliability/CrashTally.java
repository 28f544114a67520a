package org.entente.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The crash harness's figures: kills per point and outcome, facts checked, lost and duplicated. */
final class CrashTally {

    final Map<CrashHarness.Point, int[]> kills = new EnumMap<>(CrashHarness.Point.class); // point -> {kills, consistent, inconsistent, rerun failed}
    int completedBeforeKill;
    /** Facts acknowledged (by the child or a rerun), each then checked after every later kill of its store. */
    long acknowledged;
    long lost;
    long duplicates;
    final List<String> failures = new ArrayList<>();

    int kills() {
        return kills.values().stream().mapToInt(a -> a[0]).sum();
    }

    int count(CrashHarness.Outcome o) {
        return kills.values().stream().mapToInt(a -> a[1 + o.ordinal()]).sum();
    }

    void add(CrashHarness.Point p, CrashHarness.Outcome o) {
        int[] a = kills.computeIfAbsent(p, k -> new int[4]);
        a[0]++;
        a[1 + o.ordinal()]++;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d kill(s): %d consistent, %d inconsistent after the kill, %d rerun(s) failed;"
                        + " %d acknowledged fact(s), %d lost, %d duplicated; %d run(s) finished before their kill%n",
                kills(), count(CrashHarness.Outcome.CONSISTENT), count(CrashHarness.Outcome.INCONSISTENT_AFTER_KILL),
                    count(CrashHarness.Outcome.RERUN_FAILED),
                acknowledged, lost, duplicates, completedBeforeKill));
        kills.forEach((p, a) -> s.append(String.format("  %-15s %4d kill(s): %d consistent, %d inconsistent, %d rerun failed%n",
                p.job, a[0], a[1], a[2], a[3])));
        failures.forEach(f -> s.append("  FAILURE ").append(f).append('\n'));
        return s.toString();
    }
}
