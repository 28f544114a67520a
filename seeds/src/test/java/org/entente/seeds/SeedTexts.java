package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading seeds written inline in tests. */
final class SeedTexts {

    /** A valid header; facts follow at line 4 (the first fact's "- id" is on line 4). */
    static final String HEADER = "format: entente-seed/1\ntitle: Test\nfacts:\n";

    /** A valid fact of each kind can start from this: its first line is "  - id: ...". */
    static final String SOURCES = "    sources: [{kind: article, confidence: reported, publisher: Reuters}]\n";

    private SeedTexts() {
    }

    static Seed read(String text) {
        return read(text, "test.yaml");
    }

    static Seed read(String text, String name) {
        return read(SeedReader.standard(), text, name);
    }

    static Seed read(SeedReader reader, String text, String name) {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    /** The problems of a file that must be refused. */
    static List<SeedProblem> problems(String text) {
        return problems(SeedReader.standard(), text, "test.yaml");
    }

    static List<SeedProblem> problems(SeedReader reader, String text, String name) {
        SeedFormatException[] caught = new SeedFormatException[1];
        assertThatThrownBy(() -> read(reader, text, name))
                .isInstanceOfSatisfying(SeedFormatException.class, e -> caught[0] = e);
        return caught[0].problems();
    }

    /** The single problem of a file that must be refused. */
    static SeedProblem problem(String text) {
        List<SeedProblem> problems = problems(text);
        if (problems.size() != 1) {
            throw new AssertionError("expected one problem, got " + problems.size() + ":\n" + problems);
        }
        return problems.get(0);
    }

    /** A seed with one fact of the given lines (each already indented by four spaces, after "  - "). */
    static String fact(String... lines) {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < lines.length; i++) {
            s.append(i == 0 ? "  - " : "    ").append(lines[i]).append('\n');
        }
        return s.toString();
    }
}
