package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to exhaust the reader are refused with a problem that names the limit, and do not hang it.
 * The time bound is a guard against a reader that expands aliases or nesting without limit (which would
 * run for minutes or exhaust the heap), not a performance measure: it is generous so that a loaded CI
 * machine cannot fail it (it was one second and failed under load); how fast files are read is the
 * benchmark harness's business. The files are built before the clock starts.
 */
class HostileFilesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String HEADER = "format: entente-seed/1\ntitle: Test\n";

    @BeforeAll
    static void warmUp() {
        // Load Jackson, SnakeYAML and the country and CAMEO tables before any clock starts.
        Seeds.bundled("niger-2024");
    }

    /** The problems of a file refused without hanging the reader. */
    private static List<SeedProblem> refusedQuickly(SeedReader reader, byte[] bytes, String name) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                reader.read(new ByteArrayInputStream(bytes), name);
            } catch (SeedFormatException e) {
                return e.problems();
            }
            throw new AssertionError(name + " was accepted");
        });
    }

    private static List<SeedProblem> refusedQuickly(String text, String name) {
        return refusedQuickly(SeedReader.standard(), text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static SeedProblem last(List<SeedProblem> problems) {
        return problems.get(problems.size() - 1);
    }

    @Test
    void aBillionLaughsIsRefusedAtTheAliasThatCrossesTheExpansionLimit() {
        StringBuilder lol = new StringBuilder(HEADER).append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            lol.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, previous)))
                    .append("]\n");
        }
        lol.append("facts: []\n");

        List<SeedProblem> problems = refusedQuickly(lol.toString(), "lol.yaml");

        SeedProblem refusal = last(problems);
        assertThat(refusal.message()).isEqualTo("aliases repeat more than 1,000,000 values in all (each alias counts the values"
                + " it repeats; SeedReader.Builder.maxAliasExpansion); a file that expands like this (a \"billion laughs\") is refused");
        // Each alias of 'e' repeats 111,111 values: the eighth alias of 'e', in 'f', crosses 1,000,000.
        assertThat(refusal.line()).isEqualTo(8);
        assertThat(refusal.field()).isEqualTo("f");
    }

    @Test
    void aBillionLaughsInsideAFactIsRefusedToo() {
        StringBuilder lol = new StringBuilder(HEADER).append("facts:\n  - id: a\n    kind: hold-talks\n    happened: 2024\n")
                .append("    actor: NER\n    target: USA\n    sources: &s0 [{kind: background, confidence: reported}]\n");
        for (int i = 1; i <= 20; i++) {
            lol.append("  - {id: a").append(i).append(", kind: hold-talks, happened: 2024, actor: NER, target: USA, sources: &s")
                    .append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(20, "*s" + (i - 1)))).append("]}\n");
        }

        List<SeedProblem> problems = refusedQuickly(lol.toString(), "lol.yaml");

        assertThat(last(problems).message()).contains("billion laughs");
    }

    @Test
    void aRecursiveAliasIsRefused() {
        List<SeedProblem> problems = refusedQuickly(HEADER + "facts:\n  - &f {id: a, kind: hold-talks, happened: 2024,"
                + " actor: NER, target: USA, sources: [*f]}\n", "loop.yaml");

        assertThat(problems).extracting(SeedProblem::message)
                .contains("alias *f is used inside the value it names; a value cannot contain itself");
    }

    @Test
    void deepNestingIsRefusedAtTheLimitInYamlAndInJson() {
        String yaml = HEADER + "facts:\n" + "  [\n".repeat(100_000) + "  ]\n".repeat(100_000);
        String json = "{\"format\": \"entente-seed/1\", \"title\": \"T\", \"facts\": " + "[".repeat(1_000_000)
                + "]".repeat(1_000_000) + "}";

        SeedProblem inYaml = last(refusedQuickly(yaml, "deep.yaml"));
        SeedProblem inJson = last(refusedQuickly(json, "deep.json"));

        String message = "nesting deeper than 20 levels (SeedReader.Builder.maxNestingDepth); a seed nests 5 levels at most"
                + " (file, facts, fact, sources, source)";
        assertThat(inYaml.message()).isEqualTo(message);
        assertThat(inYaml.line()).isEqualTo(23);
        assertThat(inJson.message()).isEqualTo(message);
        assertThat(inJson.column()).isEqualTo(72);
    }

    @Test
    void aHugeStringOnOneYamlLineIsRefusedBeforeParsing() {
        // Without the line check, SnakeYAML's scanner takes minutes over a line of 15 million characters.
        String text = HEADER + "description: " + "x".repeat(15_000_000) + "\nfacts: []\n";

        SeedProblem problem = last(refusedQuickly(text, "long.yaml"));

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(21_025);
        assertThat(problem.message()).startsWith("line 3 is longer than 21,024 characters; YAML lines are limited to twice"
                + " SeedReader.Builder.maxStringLength plus 1,024");
    }

    @Test
    void aHugeStringOverManyLinesIsRefusedByTheTextLimit() {
        String text = HEADER + "description: |\n" + ("  " + "x".repeat(78) + "\n").repeat(50_000) + "facts: []\n";

        SeedProblem problem = last(refusedQuickly(text, "block.yaml"));

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.field()).isEqualTo("description");
        assertThat(problem.message()).isEqualTo("a text of 3,950,000 characters; at most 10,000 are accepted"
                + " (SeedReader.Builder.maxStringLength)");
    }

    @Test
    void aHugeJsonStringIsRefusedByTheTextLimit() {
        String json = "{\"format\": \"entente-seed/1\", \"title\": \"" + "x".repeat(15_000_000) + "\", \"facts\": []}";

        SeedProblem problem = last(refusedQuickly(json, "long.json"));

        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.message()).startsWith("a text of 15,000,000 characters; at most 10,000 are accepted");
    }

    @Test
    void tooManyFactsAreRefusedAtTheFirstFactOverTheLimit() {
        StringBuilder text = new StringBuilder(HEADER).append("facts:\n");
        for (int i = 0; i <= 1_000; i++) {
            text.append("  - {id: f").append(i).append(", kind: hold-talks, happened: 2024-01-01, actor: NER, target: USA,")
                    .append(" sources: [{kind: background, confidence: reported}]}\n");
        }
        SeedReader reader = SeedReader.builder().maxFacts(1_000).build();

        List<SeedProblem> problems = refusedQuickly(reader, text.toString().getBytes(StandardCharsets.UTF_8), "many.yaml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1_004);
            assertThat(p.message()).isEqualTo("more than 1,000 facts; at most 1,000 are accepted in one file"
                    + " (SeedReader.Builder.maxFacts)");
        });
        // One fact fewer is accepted.
        String accepted = text.substring(0, text.lastIndexOf("  - {id: f1000"));
        assertThat(SeedTexts.read(reader, accepted, "many.yaml").facts()).hasSize(1_000);
    }

    @Test
    void aMillionEmptyFactsStopAfterAThousandProblems() {
        String json = "{\"format\": \"entente-seed/1\", \"title\": \"T\", \"facts\": [" + "{},".repeat(1_000_000) + "{}]}";

        List<SeedProblem> problems = refusedQuickly(json, "empty.json");

        assertThat(problems).hasSize(1_001);
        assertThat(last(problems).message()).isEqualTo("stopped after 1000 problems; the rest of the file was not checked"
                + " (SeedReader.Builder.maxProblems)");
    }

    @Test
    void anOversizedStreamIsRefusedWithoutReadingPastTheLimit() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served.addAndGet(len);
                return len;
            }
        };

        SeedFormatException e = assertTimeoutPreemptively(HANG_GUARD, () -> org.assertj.core.api.Assertions
                .catchThrowableOfType(SeedFormatException.class, () -> SeedReader.standard().read(endless, "endless.yaml")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.message()).isEqualTo("the file has more than 16,777,216 bytes; at most 16,777,216 are accepted"
                    + " (SeedReader.Builder.maxFileSize)");
        });
        assertThat(served.get()).isEqualTo(16L * 1024 * 1024 + 1);
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsOpened(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '#');
            for (int i = 0; i < 17; i++) {
                out.write(block);
            }
        }

        SeedFormatException e = assertTimeoutPreemptively(HANG_GUARD, () -> org.assertj.core.api.Assertions
                .catchThrowableOfType(SeedFormatException.class, () -> Seeds.read(big)));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("the file has 17,825,792 bytes; at most 16,777,216 are accepted (SeedReader.Builder.maxFileSize)"));
        assertThat(e.file()).isEqualTo(big.toString());
    }

    @Test
    void aSmallerFileSizeLimitIsHonoured() {
        SeedReader reader = SeedReader.builder().maxFileSize(100).build();
        String text = HEADER + "description: " + "x".repeat(100) + "\nfacts: []\n";

        assertThatThrownBy(() -> SeedTexts.read(reader, text, "t.yaml"))
                .isInstanceOf(SeedFormatException.class)
                .hasMessageContaining("the file has more than 100 bytes; at most 100 are accepted");
        assertThat(SeedTexts.read(reader, HEADER + "facts: []\n", "t.yaml").facts()).isEmpty();
    }

    @Test
    void manyAliasesOfOneFactAreRefusedQuickly() {
        String text = HEADER + "facts:\n  - &f {id: a, kind: hold-talks, happened: 2024-01-01, actor: NER, target: USA,"
                + " sources: [{kind: background, confidence: reported}]}\n" + "  - *f\n".repeat(2_000_000);

        List<SeedProblem> problems = refusedQuickly(text, "aliases.yaml");

        assertThat(problems.get(0).message()).startsWith("duplicate fact id 'a'");
        assertThat(last(problems).message()).contains("stopped after 1000 problems");
    }
}
