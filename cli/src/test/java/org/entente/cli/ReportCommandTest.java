package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: the page written whole (or to standard output), from a store the bundled seed fills when it is new. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString();
    }

    private static CliTest.Run run(String... args) {
        return CliTest.execute(args);
    }

    private Stream<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList().stream();
        }
    }

    @Test
    void aNewStoreGetsTheBundledSeedAndThePageSaysWhereItsHistoryCameFrom() throws Exception {
        Path file = dir.resolve("niger.html");
        CliTest.Run r = run("--store", store(), "report", "NER", "--from", "2023-01-01", "--to", "2024-12-31", "--as-of", "2024-04-30",
                "-o", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("was empty; loaded the bundled seed niger-2024");
        assertThat(r.out()).startsWith("wrote " + file + " (").contains("KB): report of NER from 2023-01-01 to 2024-12-31: 5 partners, ");
        Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(page.getElementById("origin").text()).isEqualTo("the store at " + store()
                + ", into which the bundled seed niger-2024 (26 facts) was loaded because it was empty");
        assertThat(page.getElementById("report-header").attr("data-as-of")).isEqualTo("2024-04-30");
        assertThat(page.select("#board-table tbody tr[data-partner=USA]").attr("data-status")).isEqualTo("WINDING_DOWN");
        assertThat(page.getElementById("diversification").attr("data-value")).isEqualTo("0.72");
        assertThat(leftovers()).isEmpty();

        CliTest.Run again = run("--store", store(), "report", "NER-USA", "--to", "2024-12-31", "-o", file.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("was empty");
        Document replaced = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(replaced.getElementById("report-header").attr("data-subject")).isEqualTo("NER-USA");
        assertThat(replaced.getElementById("origin").text()).isEqualTo("the store at " + store());
        assertThat(replaced.select("#lanes-chart g.lane")).extracting(l -> l.attr("data-partner")).containsExactly("USA");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDashWritesThePageToStandardOutputAsKnownAtAndPublishedByTheGivenDays() {
        CliTest.Run r = run("--store", store(), "--quiet", "report", "NER", "--to", "2024-06-30", "--published-by", "2024-04-25",
                "--known-at", "2100-01-01T00:00:00Z", "-o", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Document page = Jsoup.parse(r.out());
        assertThat(r.out()).startsWith("<!DOCTYPE html>");
        assertThat(page.getElementById("report-header").attr("data-published-by")).isEqualTo("2024-04-25");
        assertThat(page.getElementById("report-header").attr("data-known-at")).isEqualTo("2100-01-01T00:00:00Z");
        // The facts of 26 April were published that day, after the 25th: Turkey's attaché is not in the page.
        assertThat(page.getElementById("fact-tur-attache")).isNull();
        assertThat(page.getElementById("fact-chn-talks")).isNotNull();
    }

    @Test
    void aBadRangeAMissingDirectoryOrADirectoryAsTheFileIsRefusedWithExitCodeTwoAndNothingWritten() throws Exception {
        CliTest.Run outside = run("--store", store(), "--quiet", "report", "NER", "--from", "2024-01-01", "--to", "2024-03-01",
                "--as-of", "2024-04-30", "-o", dir.resolve("x.html").toString());
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).contains("the board's day 2024-04-30 is outside the report's range 2024-01-01 to 2024-03-01");
        assertThat(dir.resolve("x.html")).doesNotExist();

        CliTest.Run missing = run("--store", store(), "--quiet", "report", "NER", "-o", dir.resolve("no/such/x.html").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no directory").contains("create it first");

        CliTest.Run directory = run("--store", store(), "--quiet", "report", "NER", "-o", dir.toString());
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.err()).contains("is a directory; name the HTML file to write");

        CliTest.Run noFile = run("--store", store(), "--quiet", "report", "NER");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("--output");
        assertThat(leftovers()).isEmpty();
    }
}
