package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entente.Entente;
import org.entente.cli.CliTest.Run;
import org.entente.core.Country;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;
import org.entente.series.Series;
import org.entente.series.SeriesQuery;
import org.entente.series.SeriesRow;
import org.entente.series.Step;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code series} on the bundled niger-2024 seed: its CSV, read back with a small RFC 4180 reader, holds
 * the library's answers; the statuses of the README's story on known days; {@code -o} and the refusals;
 * and the README's pandas example, run with {@code python3} on the CSV the README's command writes.
 * Without python3, pandas or matplotlib that test is skipped, or fails with {@code -Dentente.python.required=true} (CI).
 */
class SeriesCommandTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");

    @TempDir
    static Path dir;

    private static String store;

    @BeforeAll
    static void load() {
        store = dir.resolve("store").toString();
        Run r = CliTest.execute("--store", store, "--quiet", "load", "niger-2024");
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static Run series(String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store, "--quiet", "series"));
        all.addAll(List.of(args));
        return CliTest.execute(all.toArray(String[]::new));
    }

    private static Series api(SeriesQuery query) {
        try (Entente entente = Entente.h2(Path.of(store))) {
            return entente.series(query);
        }
    }

    /** RFC 4180 records: fields split at commas outside double quotes, a doubled quote inside them one quote. */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("an unterminated quoted field").isFalse();
        assertThat(field.length() + fields.size()).as("the last line ends with a line feed").isZero();
        return records;
    }

    private static void assertSameDecimal(String field, java.util.OptionalDouble value, String what) {
        if (value.isEmpty()) {
            assertThat(field).as(what).isEmpty();
        } else {
            assertThat(field).as(what).matches("-?\\d+\\.\\d{4}");
            assertThat(Double.parseDouble(field)).as(what).isCloseTo(value.getAsDouble(), within(0.00005));
        }
    }

    @Test
    void theCsvReadBackHoldsTheLibrarysAnswers() {
        Run r = series("NER", "--from", "2023-01-01", "--to", "2024-12-31", "--step", "week");
        assertThat(r.code()).as(r.err()).isZero();
        List<List<String>> records = csv(r.out());
        Series series = api(SeriesQuery.of(NER, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Step.WEEK));
        assertThat(String.join(",", records.get(0))).isEqualTo(Series.CSV_HEADER);
        assertThat(records).hasSize(series.rows().size() + 1).hasSizeGreaterThan(300);
        for (int i = 0; i < series.rows().size(); i++) {
            SeriesRow row = series.rows().get(i);
            List<String> f = records.get(i + 1);
            String what = "row " + (i + 1) + ": " + f;
            assertThat(f).as(what).hasSize(11);
            assertThat(LocalDate.parse(f.get(0))).as(what).isEqualTo(row.date());
            assertThat(f.subList(1, 4)).as(what).containsExactly(row.country().code(), row.partner().code(), row.partner().name());
            assertThat(Status.valueOf(f.get(4))).as(what).isEqualTo(row.status());
            assertThat(f.get(5)).as(what).matches("-?\\d+\\.\\d{3}");
            assertThat(Double.parseDouble(f.get(5))).as(what).isEqualTo(row.temperature());
            assertThat(Trend.valueOf(f.get(6))).as(what).isEqualTo(row.trend());
            assertThat(Integer.parseInt(f.get(7))).as(what).isEqualTo(row.securityWeight());
            assertSameDecimal(f.get(8), row.securityShare(), what);
            assertSameDecimal(f.get(9), row.diversification(), what);
            assertSameDecimal(f.get(10), row.effectiveNumberOfPartners(), what);
        }

        Run json = series("NER-USA", "--from", "2024-01-01", "--to", "2024-12-31", "--step", "month", "--format", "json",
                "--published-by", "2024-06-30");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).isEqualTo(api(SeriesQuery.of(NER, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Step.MONTH)
                .partner(USA).publishedBy(LocalDate.of(2024, 6, 30))).toJson() + "\n");
    }

    @Test
    void theUnitedStatesWindsDownFromMarchAndHasEndedOn5August2024() {
        Run r = series("NER-USA", "--from", "2024-04-30", "--to", "2024-08-05", "--step", "day");
        assertThat(r.code()).as(r.err()).isZero();
        List<List<String>> rows = csv(r.out()).subList(1, 99);
        assertThat(csv(r.out())).hasSize(99);
        assertThat(rows.get(0)).startsWith("2024-04-30", "NER", "USA", "United States", "WINDING_DOWN");
        assertThat(rows.get(96)).startsWith("2024-08-04", "NER", "USA", "United States", "WINDING_DOWN");
        assertThat(rows.get(97)).startsWith("2024-08-05", "NER", "USA", "United States", "ENDED");

        Run day = series("NER", "--from", "2024-04-30", "--to", "2024-04-30", "--step", "day");
        assertThat(csv(day.out()).subList(1, 6)).extracting(f -> f.get(2) + " " + f.get(4) + " " + f.get(9)).containsExactly(
                "CHN STRENGTHENING 0.7200", "FRA ENDED 0.7200", "RUS STRENGTHENING 0.7200", "TUR STRENGTHENING 0.7200",
                "USA WINDING_DOWN 0.7200");

        Run reversed = series("USA-NER", "--from", "2024-04-30", "--to", "2024-04-30", "--step", "day");
        assertThat(csv(reversed.out()).get(1)).as("the side typed first is the country")
                .startsWith("2024-04-30", "USA", "NER", "Niger", "WINDING_DOWN");
    }

    @Test
    void outputWritesTheWholeFileReplacingAnOlderOneAndLeavesNothingElse() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path file = Files.writeString(out.resolve("niger.csv"), "an older file\n");
        Run r = series("NER", "--from", "2024-01-01", "--to", "2024-12-01", "--step", "month", "-o", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Run stdout = series("NER", "--from", "2024-01-01", "--to", "2024-12-01", "--step", "month");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(stdout.out()).startsWith(Series.CSV_HEADER + "\n");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("niger.csv");
        }
        Run notice = CliTest.execute("--store", store, "series", "NER", "--from", "2024-01-01", "--to", "2024-12-01", "--step", "month",
                "--output", file.toString());
        assertThat(notice.err()).contains("entente: wrote " + (csv(stdout.out()).size() - 1) + " rows to " + file);

        Run directory = series("NER", "--from", "2024-01-01", "--to", "2024-12-01", "--step", "month", "-o", out.toString());
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.err()).contains(out + " is a directory; name a file to write");
        Run missing = series("NER", "--from", "2024-01-01", "--to", "2024-12-01", "--step", "month", "-o",
                out.resolve("no-such-dir").resolve("niger.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no directory ").contains("create it first");
    }

    @Test
    void badRangesStepsAndTooLongSeriesAreRefusedWithWhatIsAccepted() {
        Run backwards = series("NER", "--from", "2024-05-01", "--to", "2024-04-30", "--step", "day");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2024-05-01 is after --to 2024-04-30; expected --from <= --to");
        Run step = series("NER", "--from", "2024-01-01", "--to", "2024-04-30", "--step", "fortnight");
        assertThat(step.code()).isEqualTo(2);
        assertThat(step.err()).contains("--step").contains("fortnight").contains("DAY, WEEK, MONTH, YEAR");
        Run tooLong = series("NER", "--from", "1600-01-01", "--to", "2199-12-31", "--step", "day");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("would read 1095730 partnerships (219146 dates x 5 partners), more than the limit"
                + " of 500000; choose a longer step or a shorter range");
        assertThat(tooLong.out()).isEmpty();
    }

    // ------------------------------------------------------------------------------- the README

    private static String readmeSeries() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        return readme.split("\n## Series", 2)[1].split("\n## ", 2)[0];
    }

    /** The README's {@code series} command, its words after {@code entente.jar}, writing into a directory. */
    private static List<String> readmeCommand(String section, Path into) {
        String line = section.lines().filter(l -> l.startsWith("java -jar cli/target/entente.jar series ")).findFirst().orElseThrow();
        List<String> words = new ArrayList<>(List.of("--store", store, "--quiet"));
        for (String word : line.substring("java -jar cli/target/entente.jar ".length()).split(" ")) {
            words.add(word.endsWith(".csv") ? into.resolve(word).toString() : word);
        }
        return words;
    }

    @Test
    void theReadmesCsvExcerptIsWhatItsCommandWrites() throws IOException {
        String section = readmeSeries();
        Path into = Files.createDirectories(dir.resolve("readme-excerpt"));
        Run r = CliTest.execute(readmeCommand(section, into).toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        String written = Files.readString(into.resolve("niger.csv"), StandardCharsets.UTF_8);
        String excerpt = section.split("read:\n\n```\n", 2)[1].split("```", 2)[0];
        assertThat(excerpt.lines()).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(written).contains(line + "\n"));
        assertThat(section).contains("`niger.csv` holds " + (written.lines().count() - 1) + " rows");
    }

    /** A python3 that imports pandas and matplotlib: {@code -Dentente.python=PATH}, else python3 on the path, else Debian's. */
    private static String python() throws InterruptedException {
        String named = System.getProperty("entente.python", "");
        List<String> candidates = named.isBlank() ? List.of("python3", "/usr/bin/python3") : List.of(named);
        for (String candidate : candidates) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import pandas, matplotlib").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException notThere) {
                // the next candidate
            }
        }
        String message = "no python3 with pandas and matplotlib (tried " + String.join(", ", candidates)
                + "; Debian: apt-get install python3-pandas python3-matplotlib)";
        if (Boolean.getBoolean("entente.python.required")) {
            Assertions.fail(message + "; entente.python.required=true, so the README's pandas example must run");
        }
        Assumptions.abort(message + "; the README's pandas example is skipped (set -Dentente.python.required=true to make this a failure)");
        return null;
    }

    @Test
    void theReadmesPandasExampleRunsOnTheCsvTheReadmesCommandWrites() throws Exception {
        String python = python();
        String section = readmeSeries();
        Path work = Files.createDirectories(dir.resolve("pandas"));
        Run r = CliTest.execute(readmeCommand(section, work).toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        String example = section.split("```python\n", 2)[1].split("```", 2)[0];
        assertThat(example.lines()).as("five lines of pandas").hasSize(5);
        Files.writeString(work.resolve("example.py"), example, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(python, "example.py").directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        pb.environment().put("MPLBACKEND", "Agg");
        pb.environment().put("MPLCONFIGDIR", Files.createDirectories(work.resolve("matplotlib")).toString());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            Assertions.fail("the pandas example did not finish");
        }
        String stderr = Files.readString(work.resolve("stderr.txt"));
        assertThat(p.exitValue()).as(stderr).isZero();
        String printed = section.split("It prints[^\n]*\n\n```\n", 2)[1].split("```", 2)[0];
        // Compared word by word: the columns' widths are pandas', and may vary by version.
        assertThat(words(Files.readString(work.resolve("stdout.txt")))).isEqualTo(words(printed));
        byte[] png = Files.readAllBytes(work.resolve("niger.png"));
        assertThat(png).hasSizeGreaterThan(10_000).startsWith(0x89, 'P', 'N', 'G');
    }

    private static List<List<String>> words(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> List.of(l.split("\\s+"))).toList();
    }
}
