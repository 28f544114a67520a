package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate, on a seed in memory and on a store, in text and JSON. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        return CliTest.execute(args);
    }

    private Path scenario(String yaml) throws Exception {
        return Files.writeString(dir.resolve("scenario.yaml"), yaml);
    }

    @Test
    void whatIfTheUsHadStayedDropsTheCompletionAndKeepsTheUsActive() throws Exception {
        Path file = scenario("""
                format: entente-scenario/1
                title: What if the US had stayed?
                remove: [usa-denounce, usa-schedule, usa-deadline]
                """);
        CliTest.Run r = run("simulate", "--seed", "niger-2024", "--branch-at", "2024-03-15", "--apply", file.toString(),
                "--compare-at", "2024-10-01");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("dyads replayed: [NER-USA]")
                .contains("usa-complete (2024-08-05, complete withdrawal) would not have happened")
                .contains("USA United States: status ENDED -> ACTIVE");
    }

    @Test
    void aTurkishDefenceAgreementOnTheStoreInJson() throws Exception {
        run("--store", dir.resolve("store").toString(), "--quiet", "load", "niger-2024");
        Path file = scenario("""
                format: entente-scenario/1
                title: Turkey signs a defence agreement
                facts:
                  - id: tur-defence-2024
                    kind: sign-agreement
                    happened: 2024-06-01
                    actor: TUR
                    target: NER
                    agreement-kind: defence-cooperation
                """);
        CliTest.Run r = run("--store", dir.resolve("store").toString(), "simulate", "--branch-at", "2024-05-31", "--apply",
                file.toString(), "--compare-at", "2024-06-30", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("format").asText()).isEqualTo("entente-simulation/1");
        assertThat(json.path("added").asInt()).isEqualTo(1);
        assertThat(json.path("touched").get(0).asText()).isEqualTo("NER-TUR");
        assertThat(json.findValues("empty")).isEmpty();
        JsonNode partners = json.path("comparisons").get(0).path("partners");
        assertThat(partners).hasSize(1);
        assertThat(partners.get(0).path("partner").asText()).isEqualTo("TUR");
        assertThat(partners.get(0).path("weightAfter").asInt()).isEqualTo(3);
    }

    @Test
    void aRemovalBeforeTheBranchDateExitsWithTwo() throws Exception {
        Path file = scenario("""
                format: entente-scenario/1
                title: too early
                remove: [tur-attache]
                """);
        CliTest.Run r = run("simulate", "--seed", "niger-2024", "--branch-at", "2024-04-30", "--apply", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("only later facts can be removed");
    }

    @Test
    void aHypotheticalFactThatBreaksARuleExitsWithTwoAndTheRulesMessage() throws Exception {
        Path file = scenario("""
                format: entente-scenario/1
                title: an impossible withdrawal
                facts:
                  - id: rus-out
                    kind: complete-withdrawal
                    happened: 2024-06-01
                    actor: RUS
                    target: NER
                """);
        CliTest.Run r = run("simulate", "--seed", "niger-2024", "--branch-at", "2024-05-01", "--apply", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("NER-RUS 2024-06-01 rus-out (complete withdrawal): no withdrawal is scheduled");
    }
}
