package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading scenario files written inline in tests. */
final class ScenarioTexts {

    /** A valid scenario header; the fields that follow start at line 3. */
    static final String HEADER = "format: entente-scenario/1\ntitle: What if\n";

    private ScenarioTexts() {
    }

    static ScenarioFile read(String text) {
        return read(text, "what-if.yaml");
    }

    static ScenarioFile read(String text, String name) {
        return read(SeedReader.standard(), text, name);
    }

    static ScenarioFile read(SeedReader reader, String text, String name) {
        return reader.readScenario(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    /** The problems of a scenario file that must be refused. */
    static List<SeedProblem> problems(String text) {
        return problems(SeedReader.standard(), text, "what-if.yaml");
    }

    static List<SeedProblem> problems(SeedReader reader, String text, String name) {
        SeedFormatException[] caught = new SeedFormatException[1];
        assertThatThrownBy(() -> read(reader, text, name))
                .isInstanceOfSatisfying(SeedFormatException.class, e -> caught[0] = e);
        return caught[0].problems();
    }

    /** The single problem of a scenario file that must be refused. */
    static SeedProblem problem(String text) {
        List<SeedProblem> problems = problems(text);
        if (problems.size() != 1) {
            throw new AssertionError("expected one problem, got " + problems.size() + ":\n" + problems);
        }
        return problems.get(0);
    }
}
