package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.core.FactId;
import org.entente.core.relationship.FactKind;
import org.junit.jupiter.api.Test;

/** FORMAT.md says what the reader does: its complete examples are read, and it names every kind. */
class FormatDocumentTest {

    private static final Path FORMAT = Path.of("FORMAT.md");
    private static final Pattern BLOCK = Pattern.compile("```(yaml|json)\\n(.*?)```", Pattern.DOTALL);

    private static String document() throws IOException {
        return Files.readString(FORMAT);
    }

    @Test
    void theCompleteExamplesOfTheFormatAreRead() throws IOException {
        Matcher m = BLOCK.matcher(document());
        List<Seed> seeds = new ArrayList<>();
        List<ScenarioFile> scenarios = new ArrayList<>();
        while (m.find()) {
            String text = m.group(2);
            if (text.contains("entente-scenario/1")) {
                scenarios.add(ScenarioTexts.read(text, "FORMAT.md." + m.group(1)));
            } else if (text.startsWith("format:") || text.startsWith("{")) {
                seeds.add(SeedTexts.read(text, "FORMAT.md." + m.group(1)));
            }
        }

        assertThat(seeds).hasSize(3);
        assertThat(seeds).filteredOn(s -> s.organisations().isEmpty())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.facts()).extracting(f -> f.id().value()).containsExactly("usa-denounce"));
        // The organisations section's example registers LGA and names it in its fact.
        assertThat(seeds.get(1).organisations()).extracting(o -> o.organisation().code()).containsExactly("ORG:LGA");
        assertThat(seeds.get(1).facts()).singleElement().satisfies(f -> assertThat(f.command().fact().target().code())
                .isEqualTo("ORG:LGA"));
        assertThat(scenarios).hasSize(2);
        assertThat(scenarios.get(0).removedIds()).extracting(FactId::value).containsExactly("usa-denounce", "usa-schedule");
        assertThat(scenarios.get(0).facts()).extracting(f -> f.id().value())
                .containsExactly("hyp-usa-talks-2024-04", "hyp-usa-pledge-2024-05");
        assertThat(scenarios.get(1).removedIds()).extracting(FactId::value).containsExactly("usa-denounce");
        assertThat(scenarios.get(1).facts()).isEmpty();
    }

    @Test
    void theScenarioExampleBranchesTheNigerSeed() throws IOException {
        // The removals of the example are real facts of the bundled seed, and its facts have ids of their own.
        Seed niger = Seeds.bundled("niger-2024");
        Matcher m = BLOCK.matcher(document());
        while (m.find()) {
            if (m.group(2).contains("entente-scenario/1")) {
                ScenarioFile scenario = ScenarioTexts.read(m.group(2), "FORMAT.md." + m.group(1));
                assertThat(scenario.removedIds()).allSatisfy(id -> assertThat(niger.fact(id)).isPresent());
                assertThat(scenario.facts()).allSatisfy(f -> assertThat(niger.fact(f.id())).isEmpty());
            }
        }
    }

    @Test
    void everyKindAndItsFieldsAreDocumented() throws IOException {
        String document = document();

        for (FactKind kind : FactKind.values()) {
            assertThat(document).contains("| `" + kind.slug() + "` |");
            for (String field : FactSchema.specOf(kind).required()) {
                assertThat(document).contains("`" + field + "`*");
            }
        }
        for (String field : FactSchema.ALL_FIELDS) {
            assertThat(document).contains("| `" + field + "` |");
        }
        assertThat(document).contains("| `format` |", "| `title` |", "| `description` |", "| `facts` |", "| `remove` |");
        assertThat(document).contains("`format: " + SeedReader.SCENARIO_FORMAT + "`");
    }

    @Test
    void theRefusedCharactersAreDocumentedWithTheReadersOwnProblem() throws IOException {
        String document = document();
        SeedProblem problem = SeedTexts.problems(SeedReader.standard(), SeedTexts.fact("id: t-1", "kind: hold-talks",
                "happened: 2024-01-01", "actor: USA", "target: NER", "subject: \"\\e]0;pwned\\a\"", SeedTexts.SOURCES.strip()),
                "my-seed.yaml").get(0);
        assertThat(document).contains(problem.toString());
        for (int documented : new int[] {0x0000, 0x001F, 0x007F, 0x0080, 0x009F, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C, 0x200E,
            0x200F, 0x2028, 0x2029}) {
            assertThat(org.entente.core.text.ControlCharacters.isControl(documented)).isTrue();
            assertThat(document).contains(String.format("U+%04X", documented));
        }
        assertThat(document).contains("the header's\n`description`, a fact's `description` and a source's `note`");
    }
}
