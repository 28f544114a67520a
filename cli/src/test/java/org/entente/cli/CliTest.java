package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on H2 stores in temporary directories. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        return execute(args);
    }

    /** Runs the command line in this JVM, as the other command-line tests do. */
    static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    String store() {
        return dir.resolve("store").toString();
    }

    @Nested
    class Board {
        @Test
        void anEmptyStoreGetsTheBundledSeedWithANoticeAndShowsNigersBoard() {
            Run r = run("--store", store(), "board", "NER", "--as-of", "2024-04-30");
            assertThat(r.code()).isZero();
            assertThat(r.err()).contains("was empty; loaded the bundled seed niger-2024");
            assertThat(r.out()).contains("Niger (NER) on 2024-04-30: 5 partners")
                    .containsPattern("USA United States\\s+WINDING_DOWN")
                    .containsPattern("FRA France\\s+ENDED")
                    .containsPattern("CHN China\\s+STRENGTHENING")
                    .containsPattern("TUR Turkey\\s+STRENGTHENING")
                    .containsPattern("RUS Russia\\s+STRENGTHENING")
                    .contains("Concentration 0.28, diversification 0.72, effective number of partners 3.57");
            Run again = run("--store", store(), "board", "NER", "--as-of", "2024-04-30");
            assertThat(again.err()).doesNotContain("was empty");
            assertThat(again.out()).isEqualTo(r.out());
        }

        @Test
        void theStatusesOfDomainMdOnOtherDates() {
            assertThat(run("--store", store(), "board", "NER", "--as-of", "2023-06-01").out())
                    .containsPattern("USA United States\\s+ACTIVE").containsPattern("FRA France\\s+ACTIVE");
            assertThat(run("--store", store(), "board", "NER", "--as-of", "2024-10-01").out())
                    .containsPattern("USA United States\\s+ENDED");
        }

        @Test
        void jsonOutputCarriesTheFiguresForScripts() throws Exception {
            Run r = run("--store", store(), "--quiet", "board", "NER", "--as-of", "2024-04-30", "--format", "json");
            assertThat(r.code()).isZero();
            assertThat(r.err()).isEmpty();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.path("format").asText()).isEqualTo("entente-portfolio/1");
            assertThat(json.path("country").asText()).isEqualTo("NER");
            assertThat(json.path("mix").path("concentration").asDouble()).isBetween(0.2799, 0.2801);
            assertThat(json.path("partners")).hasSize(5);
            assertThat(json.path("partners").get(0).path("status").asText()).isEqualTo("WINDING_DOWN");
        }

        @Test
        void publishedByHidesFactsReportedLater() {
            Run r = run("--store", store(), "--quiet", "board", "NER", "--as-of", "2024-04-30", "--published-by", "2024-04-25");
            assertThat(r.code()).isZero();
            assertThat(r.out()).doesNotContain("TUR Turkey").contains("from sources published by 2024-04-25");
        }
    }

    @Nested
    class BadArguments {
        @Test
        void anUnknownCountryExitsWithTwoAndSuggestions() {
            Run r = run("--store", store(), "board", "NIG");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym; did you mean NER (Niger) or NGA (Nigeria)?");
        }

        @Test
        void aMalformedDateExitsWithTwoAndTheAcceptedForm() {
            Run r = run("--store", store(), "board", "NER", "--as-of", "30/04/2024");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("expected YYYY-MM-DD");
        }

        @Test
        void aMissingSeedFileExitsWithTwo() {
            Run r = run("--store", store(), "load", dir.resolve("missing.yaml").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("no file " + dir.resolve("missing.yaml"))
                    .contains("expected a seed file (YAML or JSON) or a bundled seed").contains("niger-2024")
                    .doesNotContain("neither").doesNotContain("files end in");
        }

        @Test
        void anUnknownBundledNameExitsWithTwoAndTheBundledNames() {
            Run r = run("--store", store(), "load", "niger-2025");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("'niger-2025' is neither a seed file nor a bundled seed").contains("niger-2024");
        }

        @Test
        void anUnknownKindExitsWithTwo() {
            Run r = run("--store", store(), "timeline", "NER", "--kind", "invade");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("'invade' is not a kind of fact; accepted:").contains("schedule-withdrawal");
        }

        @Test
        void diffWithFromAfterToExitsWithTwo() {
            Run r = run("--store", store(), "diff", "NER", "--from", "2024-10-01", "--to", "2024-04-01");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("is after --to");
        }

        @Test
        void anUnknownFactToRetractExitsWithTwoInOneLine() {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run r = run("--store", store(), "retract", "no-such-fact", "--reason", "test");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").contains("no-such-fact is not recorded");
        }
    }

    @Nested
    class Loading {
        @Test
        void loadingTheSameSeedTwiceAddsNothingTheSecondTime() {
            Run first = run("--store", store(), "load", "niger-2024");
            assertThat(first.code()).isZero();
            assertThat(first.out()).contains("recorded 26 event(s)");
            Run second = run("--store", store(), "load", "niger-2024");
            assertThat(second.out()).contains("recorded 0 event(s) in 0 transaction(s); 26 fact(s) already recorded");
        }

        @Test
        void aDryRunWritesNothing() {
            Run dry = run("--store", store(), "load", "niger-2024", "--dry-run");
            assertThat(dry.out()).contains("would record 26 event(s)");
            Run load = run("--store", store(), "load", "niger-2024");
            assertThat(load.out()).contains("recorded 26 event(s)");
        }

        @Test
        void aChangedFactIsAConflictAtItsLineUnlessCorrectionsAreApplied() throws Exception {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Path changed = dir.resolve("changed.yaml");
            Files.writeString(changed, """
                    format: entente-seed/1
                    title: a correction
                    facts:
                      - id: tur-visit
                        kind: hold-talks
                        happened: 2024-07-18
                        actor: TUR
                        target: NER
                        sources:
                          - kind: article
                            confidence: reported
                            publisher: test
                    """);
            Run conflict = run("--store", store(), "load", changed.toString());
            assertThat(conflict.code()).isEqualTo(2);
            assertThat(conflict.err()).contains("changed.yaml:4").contains("tur-visit").contains("--apply-corrections");
            Run applied = run("--store", store(), "load", changed.toString(), "--apply-corrections");
            assertThat(applied.code()).isZero();
            Run timeline = run("--store", store(), "timeline", "NER-TUR", "--kind", "hold-talks");
            assertThat(timeline.out()).contains("2024-07-18").contains("tur-visit (revision 2)");
            // The original seed holds revision 1 of tur-visit: loading it again is a no-op, not a conflict.
            Run reloaded = run("--store", store(), "load", "niger-2024");
            assertThat(reloaded.code()).as(reloaded.err()).isZero();
            assertThat(reloaded.out()).contains("recorded 0 event(s)").contains("26 fact(s) already recorded");
            assertThat(run("--store", store(), "timeline", "NER-TUR", "--kind", "hold-talks").out()).contains("tur-visit (revision 2)");
        }

        @Test
        void retractAndCorrectChangeTheTimeline() throws Exception {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run retract = run("--store", store(), "retract", "chn-talks-2023", "--reason", "duplicate");
            assertThat(retract.code()).isZero();
            assertThat(retract.out()).contains("retracted 1 fact(s) of CHN-NER");
            assertThat(run("--store", store(), "timeline", "CHN-NER").out()).contains("chn-talks-2023 (retracted)");
        }

        @Test
        void aFactIdGivenTwiceIsRetractedAndCountedOnce() {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run retract = run("--store", store(), "retract", "usa-talks-2024-03", "usa-talks-2024-03", "--reason", "x");
            assertThat(retract.code()).as(retract.err()).isZero();
            assertThat(retract.out()).isEqualTo("retracted 1 fact(s) of NER-USA" + System.lineSeparator());
            assertThat(run("--store", store(), "timeline", "NER-USA").out()).contains("usa-talks-2024-03 (retracted)");
        }
    }

    @Nested
    class TimelineAndDiff {
        @Test
        void aDyadTimelineListsFactsInOrderWithSources() {
            Run r = run("--store", store(), "--quiet", "load", "niger-2024");
            assertThat(r.code()).isZero();
            Run t = run("--store", store(), "timeline", "NER-TUR");
            assertThat(t.out()).contains("Timeline of NER-TUR: 4 facts");
            assertThat(t.out().indexOf("tur-attache")).isLessThan(t.out().indexOf("tur-pledge"));
            assertThat(t.out().indexOf("tur-pledge")).isLessThan(t.out().indexOf("tur-visit"));
        }

        @Test
        void aTimelineInJsonHasEveryFactWithItsRecordingTime() throws Exception {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run t = run("--store", store(), "timeline", "NER", "--from", "2024-04-01", "--to", "2024-04-30", "--format", "json");
            JsonNode json = new ObjectMapper().readTree(t.out());
            assertThat(json.path("format").asText()).isEqualTo("entente-timeline/1");
            assertThat(json.path("subject").asText()).isEqualTo("NER");
            java.util.List<String> ids = new java.util.ArrayList<>();
            json.path("facts").forEach(e -> ids.add(e.path("id").asText()));
            assertThat(ids).containsExactly("rus-forces", "usa-schedule", "chn-talks", "chn-pledge", "tur-attache", "tur-pledge");
            assertThat(json.path("facts").get(0).path("recordedAt").asText()).isNotEmpty();
            assertThat(json.path("facts").get(0).path("id").asText()).isEqualTo("rus-forces");
            assertThat(json.path("facts").get(0).path("kind").asText()).isEqualTo("STATION_FORCES");
        }

        @Test
        void diffShowsTheUsWithdrawalAndTheNewPartners() {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run d = run("--store", store(), "diff", "NER", "--from", "2024-04-01", "--to", "2024-10-01");
            assertThat(d.code()).isZero();
            assertThat(d.out()).contains("NER-USA: status WINDING_DOWN -> ENDED")
                    .contains("- forces present: usa-forces-niamey, usa-forces-agadez")
                    .contains("NER-TUR: status NONE -> STRENGTHENING");
        }

        @Test
        void diffInJsonHasTheFormatAndNoFieldBeyondTheDocumentedOnes() throws Exception {
            run("--store", store(), "--quiet", "load", "niger-2024");
            Run d = run("--store", store(), "diff", "NER", "--from", "2024-04-01", "--to", "2024-10-01", "--format", "json");
            assertThat(d.code()).isZero();
            JsonNode json = new ObjectMapper().readTree(d.out());
            assertThat(json.path("format").asText()).isEqualTo("entente-changes/1");
            java.util.List<String> dyads = new java.util.ArrayList<>();
            json.path("dyads").forEach(c -> dyads.add(c.path("dyad").asText()));
            assertThat(dyads).containsExactly("CHN-NER", "NER-RUS", "NER-TUR", "NER-USA");
            assertThat(json.path("dyads").get(3).path("forcesLeft").toString()).isEqualTo("[\"usa-forces-niamey\",\"usa-forces-agadez\"]");
            assertThat(json.findValues("empty")).isEmpty();
        }
    }

    @Test
    void rebuildRebuildsTheProjectionsAndTheBoardStaysTheSame() {
        Run board = run("--store", store(), "--quiet", "board", "NER", "--as-of", "2024-04-30");
        Run rebuild = run("--store", store(), "rebuild");
        assertThat(rebuild.code()).isZero();
        assertThat(rebuild.out()).matches("rebuilt the projections from 26 events in \\d+ ms\\R");
        assertThat(run("--store", store(), "board", "NER", "--as-of", "2024-04-30").out()).isEqualTo(board.out());
    }

    @Test
    void helpIsAvailableEverywhere() {
        for (String command : new String[] {"load", "board", "timeline", "diff", "retract", "correct", "simulate", "import",
                "export", "migrate", "store-export", "store-import", "rebuild"}) {
            Run r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: entente " + command).contains("--store");
        }
    }
}
