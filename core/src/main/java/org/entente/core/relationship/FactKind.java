package org.entente.core.relationship;

import org.entente.core.text.TerminalText;

/**
 * Every kind of fact, with its lifecycle rank: on one day, facts of a lower rank come first
 * (docs/DOMAIN.md's "Order of facts"). Facts of a dyad are ordered by (day, rank, fact id), so the order
 * never depends on the order in which they were recorded.
 */
public enum FactKind {
    ESTABLISH_RELATIONS(1, "establish relations"),
    RESTORE_RELATIONS(1, "restore relations"),
    ACCREDIT_AMBASSADOR(2, "accredit ambassador"),
    APPOINT_ATTACHE(2, "appoint attaché"),
    SIGN_AGREEMENT(3, "sign agreement"),
    RESTORE_AGREEMENT(3, "restore agreement"),
    STATION_FORCES(4, "station forces"),
    HOLD_TALKS(5, "hold talks"),
    /** Rank 5, with talks: an interaction is a contact, as talks are. */
    RECORD_INTERACTION(5, "record interaction"),
    PLEDGE_COOPERATION(6, "pledge cooperation"),
    LIFT_SANCTIONS(7, "lift sanctions"),
    IMPOSE_SANCTIONS(8, "impose sanctions"),
    DEMAND_WITHDRAWAL(9, "demand withdrawal"),
    SUSPEND_AGREEMENT(10, "suspend agreement"),
    DENOUNCE_AGREEMENT(10, "denounce agreement"),
    SCHEDULE_WITHDRAWAL(11, "schedule withdrawal"),
    HAND_OVER_BASE(12, "hand over base"),
    COMPLETE_WITHDRAWAL(13, "complete withdrawal"),
    RECALL_ENVOY(14, "recall envoy"),
    EXPEL_ENVOY(14, "expel envoy"),
    DOWNGRADE_RELATIONS(15, "downgrade relations"),
    SEVER_RELATIONS(16, "sever relations");

    private final int rank;
    private final String label;

    FactKind(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    /** The lifecycle rank, 1 to 16. */
    public int rank() {
        return rank;
    }

    /** Lower-case words, for messages: {@code "schedule withdrawal"}. */
    public String label() {
        return label;
    }

    /** The name used in seed files and on the command line: {@code "schedule-withdrawal"}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind for a slug ({@code "schedule-withdrawal"}) or constant name, in any case.
     *
     * @throws IllegalArgumentException listing the accepted kinds
     */
    public static FactKind fromSlug(String text) {
        String key = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (FactKind k : values()) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + TerminalText.escape(text) + "' is not a kind of fact; accepted: " + java.util.Arrays.stream(values())
                .map(FactKind::slug).collect(java.util.stream.Collectors.joining(", ")));
    }
}
