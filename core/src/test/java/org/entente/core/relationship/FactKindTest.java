package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FactKindTest {

    /** docs/DOMAIN.md's rank table ("Order of facts"), copied as it is written there. */
    private static final String DOMAIN_RANK_TABLE = """
            | 1 | establish relations, restore relations, join, reinstate membership |
            | 2 | accredit ambassador, appoint attaché |
            | 3 | sign agreement, restore agreement |
            | 4 | station forces |
            | 5 | hold talks |
            | 6 | pledge cooperation |
            | 7 | lift sanctions |
            | 8 | impose sanctions |
            | 9 | demand withdrawal |
            | 10 | suspend agreement, denounce agreement, suspend membership |
            | 11 | schedule withdrawal, announce withdrawal |
            | 12 | hand over base |
            | 13 | complete withdrawal |
            | 14 | recall envoy, expel envoy |
            | 15 | downgrade relations |
            | 16 | sever relations, withdraw |
            """;

    private static final Map<String, Integer> DOMAIN_RANKS = parse(DOMAIN_RANK_TABLE);

    private static Map<String, Integer> parse(String table) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] cells = line.split("\\|");
            int rank = Integer.parseInt(cells[1].strip());
            for (String label : cells[2].split(",")) {
                ranks.put(label.strip(), rank);
            }
        }
        return ranks;
    }

    @ParameterizedTest
    @EnumSource(value = FactKind.class, names = "RECORD_INTERACTION", mode = EnumSource.Mode.EXCLUDE)
    void everyKindHasTheRankOfDomainTable(FactKind kind) {
        assertThat(DOMAIN_RANKS).containsKey(kind.label());
        assertThat(kind.rank()).isEqualTo(DOMAIN_RANKS.get(kind.label()));
    }

    @Test
    void theDomainTableNamesEveryKindExceptCodedInteractions() {
        Set<String> labels = Arrays.stream(FactKind.values())
                .filter(k -> k != FactKind.RECORD_INTERACTION)
                .map(FactKind::label)
                .collect(Collectors.toSet());

        assertThat(labels).isEqualTo(DOMAIN_RANKS.keySet());
    }

    @Test
    void aCodedInteractionRanksWithTalks() {
        assertThat(FactKind.RECORD_INTERACTION.rank()).isEqualTo(FactKind.HOLD_TALKS.rank());
    }

    @Test
    void ranksRunFromOneToSixteen() {
        assertThat(Arrays.stream(FactKind.values()).mapToInt(FactKind::rank).distinct().sorted().toArray())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    }

    @ParameterizedTest
    @EnumSource(FactKind.class)
    void everyKindIsFoundByItsSlugAndItsConstantName(FactKind kind) {
        assertThat(FactKind.fromSlug(kind.slug())).isEqualTo(kind);
        assertThat(FactKind.fromSlug(kind.name())).isEqualTo(kind);
        assertThat(FactKind.fromSlug(" " + kind.slug().toUpperCase() + " ")).isEqualTo(kind);
        assertThat(kind.slug()).matches("[a-z]+(-[a-z]+)*");
    }

    @Test
    void membershipKindsShareTheRanksOfTheKindsTheyResembleSoNoEarlierRankMoved() {
        assertThat(FactKind.JOIN.rank()).isEqualTo(FactKind.ESTABLISH_RELATIONS.rank());
        assertThat(FactKind.REINSTATE_MEMBERSHIP.rank()).isEqualTo(FactKind.RESTORE_RELATIONS.rank());
        assertThat(FactKind.SUSPEND_MEMBERSHIP.rank()).isEqualTo(FactKind.SUSPEND_AGREEMENT.rank());
        assertThat(FactKind.ANNOUNCE_WITHDRAWAL.rank()).isEqualTo(FactKind.SCHEDULE_WITHDRAWAL.rank());
        assertThat(FactKind.WITHDRAW.rank()).isEqualTo(FactKind.SEVER_RELATIONS.rank()).isEqualTo(16);
        assertThat(FactKind.fromSlug("withdraw")).isEqualTo(FactKind.WITHDRAW);
    }

    @Test
    void slugsAreTheConstantNamesInLowerCaseWithHyphens() {
        assertThat(FactKind.SCHEDULE_WITHDRAWAL.slug()).isEqualTo("schedule-withdrawal");
        assertThat(FactKind.fromSlug("appoint-attache")).isEqualTo(FactKind.APPOINT_ATTACHE);
        assertThat(FactKind.fromSlug("Hand-Over-Base")).isEqualTo(FactKind.HAND_OVER_BASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"withdrawal", "", "schedule withdrawal", "appoint-attaché"})
    void anUnknownSlugIsRejectedListingTheAcceptedKinds(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FactKind.fromSlug(text))
                .withMessageStartingWith("'" + text + "' is not a kind of fact; accepted: establish-relations, ")
                .withMessageContaining("schedule-withdrawal")
                .withMessageEndingWith("record-interaction, pledge-cooperation, lift-sanctions, impose-sanctions, demand-withdrawal, "
                        + "suspend-agreement, denounce-agreement, schedule-withdrawal, hand-over-base, complete-withdrawal, "
                        + "recall-envoy, expel-envoy, downgrade-relations, sever-relations, join, suspend-membership, "
                        + "reinstate-membership, announce-withdrawal, withdraw");
    }
}
