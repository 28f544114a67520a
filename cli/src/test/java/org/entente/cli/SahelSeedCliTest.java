package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entente.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sahel seed's answers on the command line (issue 15): both bundled seeds loaded into one H2 store. */
class SahelSeedCliTest {

    @TempDir
    static Path dir;

    private static String store() {
        return dir.resolve("store").toString();
    }

    @BeforeAll
    static void load() {
        assertThat(CliTest.execute("--store", store(), "--quiet", "load", "niger-2024").code()).isZero();
        Run sahel = CliTest.execute("--store", store(), "--quiet", "load", "sahel-2023-2025");
        assertThat(sahel.code()).as(sahel.err()).isZero();
    }

    private static String out(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--store";
        all[1] = store();
        System.arraycopy(args, 0, all, 2, args.length);
        Run r = CliTest.execute(all);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void ecowasMembersBeforeTheCoupAndAfterTheSahelStatesLeft() {
        String june2023 = out("members", "ECOWAS", "--as-of", "2023-06-01");
        // 15 members: Mali, Burkina Faso and Guinea suspended; Mauritania left in 2000.
        assertThat(june2023).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2023-06-01: 15 members\n");
        assertThat(june2023).containsPattern("NER Niger +MEMBER \\(joined 1975-05-28\\)")
                .containsPattern("MLI Mali +SUSPENDED").doesNotContain("MRT Mauritania");
        String february2025 = out("members", "ECOWAS", "--as-of", "2025-02-01");
        assertThat(february2025).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2025-02-01: 12 members\n");
        assertThat(february2025).doesNotContain("NER Niger").doesNotContain("MLI Mali").doesNotContain("BFA Burkina Faso");
    }

    @Test
    void nigersMembershipsOnTheFirstOfAugust2024AndAfterLeavingEcowas() {
        String august = out("memberships", "NER", "--as-of", "2024-08-01");
        assertThat(august).startsWith("Niger (NER) on 2024-08-01: 3 memberships\n");
        assertThat(august).containsPattern("ORG:AES [^\\n]+ +MEMBER \\(joined 2023-09-16\\)")
                .containsPattern("ORG:ECOWAS [^\\n]+ +WITHDRAWING \\(joined 1975-05-28; suspended since 2023-12-10; leaving on 2025-01-29\\)")
                .containsPattern("ORG:G5S [^\\n]+ +FORMER");
        String february = out("memberships", "NER", "--as-of", "2025-02-01", "--format", "json");
        assertThat(february).contains("\"organisation\" : \"ORG:ECOWAS\"").contains("\"status\" : \"FORMER\"");
    }

    @Test
    void ecowasSanctionsAndTheNigerEuPairOnTheBoards() {
        assertThat(out("board", "NER", "--as-of", "2023-08-15")).containsPattern("ORG:ECOWAS [^\\n]+ORG:ECOWAS on NER since 2023-07-30; ORG:ECOWAS on NER since 2023-07-30");
        assertThat(out("board", "EU", "--as-of", "2023-12-03")).containsPattern("\\nNER Niger +ACTIVE ");
        assertThat(out("board", "EU", "--as-of", "2023-12-04")).containsPattern("\\nNER Niger +WINDING_DOWN ");
        assertThat(out("board", "EU", "--as-of", "2024-03-17")).containsPattern("\\nNER Niger +ENDED ");
        assertThat(out("timeline", "NER-ECOWAS", "--kind", "lift-sanctions")).contains("2024-02-24").contains("ecowas-lift-sanctions-ner");
    }
}
