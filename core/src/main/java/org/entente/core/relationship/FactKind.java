package org.entente.core.relationship;

import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * Every kind of fact, with its lifecycle rank: on one day, facts of a lower rank come first
 * (docs/DOMAIN.md's "Order of facts"). Facts of a dyad are ordered by (day, rank, fact id), so the order
 * never depends on the order in which they were recorded.
 *
 * <p>The five membership kinds, last in this list, are facts between a country and an organisation. They
 * share the ranks of the kinds they resemble, so that no rank moved and stored facts keep their order:
 * joining and reinstatement rank with establishing and restoring relations (a membership begins, or is
 * whole again, before anything else that day); a suspension ranks with the suspension of an agreement; an
 * announced withdrawal with a scheduled one; and the withdrawal itself last, with the severance of
 * relations (it ends the membership, and with it a suspension or an announcement made earlier that day).
 */
public enum FactKind {
    /** Rank 1: diplomatic relations established. */
    ESTABLISH_RELATIONS(1, "establish relations"),
    /** Rank 1: severed or downgraded relations restored. */
    RESTORE_RELATIONS(1, "restore relations"),
    /** Rank 2: an ambassador accredited. */
    ACCREDIT_AMBASSADOR(2, "accredit ambassador"),
    /** Rank 2: an attaché appointed. */
    APPOINT_ATTACHE(2, "appoint attaché"),
    /** Rank 3: an agreement signed. */
    SIGN_AGREEMENT(3, "sign agreement"),
    /** Rank 3: a suspended agreement restored. */
    RESTORE_AGREEMENT(3, "restore agreement"),
    /** Rank 4: forces stationed in the other country. */
    STATION_FORCES(4, "station forces"),
    /** Rank 5: talks held. */
    HOLD_TALKS(5, "hold talks"),
    /** Rank 5, with talks: an interaction is a contact, as talks are. */
    RECORD_INTERACTION(5, "record interaction"),
    /** Rank 6: cooperation pledged. */
    PLEDGE_COOPERATION(6, "pledge cooperation"),
    /** Rank 7: sanctions lifted. */
    LIFT_SANCTIONS(7, "lift sanctions"),
    /** Rank 8: sanctions imposed. */
    IMPOSE_SANCTIONS(8, "impose sanctions"),
    /** Rank 9: a withdrawal of forces demanded. */
    DEMAND_WITHDRAWAL(9, "demand withdrawal"),
    /** Rank 10: an agreement suspended. */
    SUSPEND_AGREEMENT(10, "suspend agreement"),
    /** Rank 10: an agreement denounced. */
    DENOUNCE_AGREEMENT(10, "denounce agreement"),
    /** Rank 11: a withdrawal of forces scheduled. */
    SCHEDULE_WITHDRAWAL(11, "schedule withdrawal"),
    /** Rank 12: a base handed over to the host. */
    HAND_OVER_BASE(12, "hand over base"),
    /** Rank 13: a withdrawal of forces completed. */
    COMPLETE_WITHDRAWAL(13, "complete withdrawal"),
    /** Rank 14: an envoy recalled by the sending country. */
    RECALL_ENVOY(14, "recall envoy"),
    /** Rank 14: an envoy expelled by the host. */
    EXPEL_ENVOY(14, "expel envoy"),
    /** Rank 15: diplomatic relations downgraded. */
    DOWNGRADE_RELATIONS(15, "downgrade relations"),
    /** Rank 16: diplomatic relations severed. */
    SEVER_RELATIONS(16, "sever relations"),
    /** Rank 1, with establishing relations: a country joins an organisation. */
    JOIN(1, "join"),
    /** Rank 10, with suspending an agreement: an organisation suspends a member (from some or all of its bodies). */
    SUSPEND_MEMBERSHIP(10, "suspend membership"),
    /** Rank 1, with restoring relations: an organisation reinstates a suspended member. */
    REINSTATE_MEMBERSHIP(1, "reinstate membership"),
    /** Rank 11, with scheduling a withdrawal of forces: a member announces its withdrawal, and the day it takes effect. */
    ANNOUNCE_WITHDRAWAL(11, "announce withdrawal"),
    /** Rank 16, with severing relations: a member's withdrawal from an organisation takes effect. */
    WITHDRAW(16, "withdraw");

    private final int rank;
    private final String label;

    FactKind(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    /** {@return the lifecycle rank, 1 to 16} */
    public int rank() {
        return rank;
    }

    /**
     * Lower-case words, for messages: {@code "schedule withdrawal"}.
     *
     * @return the kind in lower-case words, as messages name it
     */
    public String label() {
        return label;
    }

    /** {@return the name used in seed files and on the command line: {@code "schedule-withdrawal"}} */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the kind for a slug ({@code "schedule-withdrawal"}) or constant name, in any case}
     *
     * @param text a slug such as {@code "schedule-withdrawal"} or a constant name such as {@code "SCHEDULE_WITHDRAWAL"}
     * @throws IllegalArgumentException listing the accepted kinds
     */
    public static FactKind fromSlug(String text) {
        Require.nonNull(text, "kind of fact", "a slug such as \"schedule-withdrawal\"");
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
