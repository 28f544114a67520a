package org.entente.core.store;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an integrity check of a store found, and what a repair did.
 *
 * <pre>{@code
 * IntegrityReport report = Entente.builder().h2(dir).check();
 * if (!report.consistent()) System.err.println(report.describe());
 * }</pre>
 *
 * @param full     whether every row was read ({@code check}) or only indexed maxima and tokens (on open)
 * @param events   how many events were read (-1 when the check did not count them)
 * @param findings what disagrees with the events, empty for a consistent store
 * @param repaired what a repair rebuilt (empty for a check, or a dry run)
 */
public record IntegrityReport(boolean full, long events, List<IntegrityFinding> findings, List<String> repaired) {

    /**
     * Copies the lists.
     *
     * @param full whether every row was read ({@code check}) or only indexed maxima and tokens (on open)
     * @param events how many events were read (-1 when the check did not count them)
     * @param findings what disagrees with the events, empty for a consistent store
     * @param repaired what a repair rebuilt (empty for a check, or a dry run)
     */
    public IntegrityReport {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        repaired = List.copyOf(Objects.requireNonNull(repaired, "repaired"));
    }

    /** {@return whether nothing disagrees with the events} */
    public boolean consistent() {
        return findings.isEmpty();
    }

    /** {@return whether every finding can be repaired from the events} */
    public boolean repairable() {
        return findings.stream().allMatch(IntegrityFinding::repairable);
    }

    /**
     * Several lines for people: each finding and each repair.
     *
     * @return one line per finding and per repair, or {@code consistent} when there is neither
     */
    public String describe() {
        if (findings.isEmpty() && repaired.isEmpty()) {
            return "consistent" + (events >= 0 ? " (" + events + " events checked)" : "");
        }
        String found = findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
        String done = repaired.stream().map(r -> "  repaired: " + r).collect(Collectors.joining("\n"));
        return (findings.isEmpty() ? "" : findings.size() + " inconsistenc" + (findings.size() == 1 ? "y" : "ies") + ":\n" + found)
                + (done.isEmpty() ? "" : (found.isEmpty() ? "" : "\n") + done);
    }
}
