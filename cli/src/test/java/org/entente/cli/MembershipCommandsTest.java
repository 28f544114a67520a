package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code members}, {@code memberships} and an organisation's board, from a small seed with membership facts. */
class MembershipCommandsTest {

    private static final String SEED = """
            format: entente-seed/1
            title: three ECOWAS members (test)
            facts:
              - {id: t-ner-joins, kind: join, happened: 1975-05-28, actor: NER, target: ECOWAS,
                 sources: [{kind: background, confidence: reported, note: test}]}
              - {id: t-sen-joins, kind: join, happened: 1975-05-28, actor: SEN, target: ECOWAS,
                 sources: [{kind: background, confidence: reported, note: test}]}
              - {id: t-ner-suspended, kind: suspend-membership, happened: 2023-12-10, actor: ECOWAS, target: NER,
                 scope: decision-making bodies, sources: [{kind: background, confidence: reported, note: test}]}
              - {id: t-ner-announces, kind: announce-withdrawal, happened: 2024-01-28, effective: 2025-01-29,
                 actor: NER, target: ECOWAS, sources: [{kind: background, confidence: reported, note: test}]}
            """;

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString();
    }

    @BeforeEach
    void load() throws IOException {
        Path seed = Files.writeString(dir.resolve("members.yaml"), SEED);
        assertThat(CliTest.execute("--store", store(), "--quiet", "load", seed.toString()).code()).isZero();
    }

    @Test
    void membersListsAnOrganisationsMembersWithTheirMembership() {
        Run r = CliTest.execute("--store", store(), "members", "ecowas", "--as-of", "2024-08-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2024-08-01: 2 members\n");
        assertThat(r.out()).containsPattern("NER Niger +WITHDRAWING \\(joined 1975-05-28; suspended since 2023-12-10; leaving on 2025-01-29\\)");
        assertThat(r.out()).containsPattern("SEN Senegal +MEMBER \\(joined 1975-05-28\\)");
        Run later = CliTest.execute("--store", store(), "members", "ECOWAS", "--as-of", "2025-02-01", "--format", "json");
        assertThat(later.out()).contains("\"format\" : \"entente-memberships/1\"").contains("\"member\" : \"SEN\"").doesNotContain("\"member\" : \"NER\"");
    }

    @Test
    void membershipsListsACountrysOrganisationsFormerOnesIncluded() {
        Run r = CliTest.execute("--store", store(), "memberships", "NER", "--as-of", "2025-02-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Niger (NER) on 2025-02-01: 1 membership\n");
        assertThat(r.out()).containsPattern("ORG:ECOWAS Economic Community of West African States +FORMER \\(joined 1975-05-28; left on 2025-01-29\\)");
    }

    @Test
    void anOrganisationsBoardListsItsMembers() {
        Run r = CliTest.execute("--store", store(), "board", "ECOWAS", "--as-of", "2024-08-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2024-08-01: 2 members, 0 other partners\n");
    }

    @Test
    void theWrongKindOfActorIsRefusedNamingTheOtherCommand() {
        Run r = CliTest.execute("--store", store(), "members", "NER");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("NER (Niger) is a country; members lists an organisation's members, such as 'members ECOWAS';"
                + " a country's organisations are 'memberships NER'");
        Run other = CliTest.execute("--store", store(), "memberships", "ECOWAS");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("is an organisation; memberships lists a country's organisations, such as 'memberships NER';"
                + " an organisation's members are 'members ECOWAS'");
        Run unknown = CliTest.execute("--store", store(), "members", "ECOWA");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean").contains("ECOWAS");
    }
}
