package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.entente.seeds.ScenarioTexts.HEADER;
import static org.entente.seeds.ScenarioTexts.problem;
import static org.entente.seeds.ScenarioTexts.problems;
import static org.entente.seeds.ScenarioTexts.read;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files ({@code entente-scenario/1}): what they accept, what they give, and every problem. */
class ScenarioFileTest {

    private static final String FILE = "what-if.yaml";

    private static void assertProblem(SeedProblem p, int line, int column, String fact, String field, String message) {
        assertThat(p.file()).isEqualTo(FILE);
        assertThat(p.line()).as("line of " + p).isEqualTo(line);
        assertThat(p.column()).as("column of " + p).isEqualTo(column);
        assertThat(p.factId()).as("fact of " + p).isEqualTo(Optional.ofNullable(fact).map(FactId::of));
        assertThat(p.field()).as("field of " + p).isEqualTo(field);
        assertThat(p.message()).isEqualTo(message);
    }

    private static FactId id(String value) {
        return FactId.of(value);
    }

    // ---------------------------------------------------------------------------------- valid

    @Test
    void aScenarioWithFactsAndRemovalsIsRead() {
        ScenarioFile s = read("""
                format: entente-scenario/1
                title: The United States stay
                description: Niger keeps the agreement.
                remove:
                  - usa-denounce
                  - usa-schedule
                facts:
                  - id: hyp-talks
                    kind: hold-talks
                    happened: 2024-04-20
                    actor: NER
                    target: USA
                    subject: the agreement
                  - {id: hyp-pledge, kind: pledge-cooperation, happened: 2024-05, actor: USA, target: NER, domains: [military]}
                """);

        assertThat(s.file()).isEqualTo(FILE);
        assertThat(s.header()).isEqualTo(new SeedHeader("entente-scenario/1", "The United States stay",
                Optional.of("Niger keeps the agreement.")));
        assertThat(s.removals()).containsExactly(
                new ScenarioFile.Removal(id("usa-denounce"), new SeedLocation(FILE, 5, 5)),
                new ScenarioFile.Removal(id("usa-schedule"), new SeedLocation(FILE, 6, 5)));
        assertThat(s.removedIds()).containsExactly(id("usa-denounce"), id("usa-schedule"));
        assertThat(s.facts()).extracting(SeedFact::id, SeedFact::location).containsExactly(
                tuple(id("hyp-talks"), new SeedLocation(FILE, 8, 5)),
                tuple(id("hyp-pledge"), new SeedLocation(FILE, 14, 5)));
        FactHeader talks = new FactHeader(id("hyp-talks"), HappenedOn.day(2024, 4, 20), Country.of("NER"),
                Country.of("USA"), List.of(Source.hypothetical()));
        assertThat(s.commands().get(0)).isEqualTo(new FactCommand.HoldTalks(talks, Optional.of("the agreement")));
        assertThat(s.commands().get(1)).isInstanceOf(FactCommand.PledgeCooperation.class);
        assertThat(s.fact(id("hyp-pledge"))).isPresent();
        assertThat(s.fact(id("usa-denounce"))).isEmpty();
    }

    @Test
    void aScenarioMayOnlyRemoveFacts() {
        ScenarioFile absent = read(HEADER + "remove: [usa-denounce, 'usa-schedule']\n");
        ScenarioFile empty = read(HEADER + "facts: []\nremove: [usa-denounce]\n");
        ScenarioFile noValue = read(HEADER + "facts:\nremove: [usa-denounce]\n");

        assertThat(absent.facts()).isEmpty();
        assertThat(absent.removedIds()).containsExactly(id("usa-denounce"), id("usa-schedule"));
        assertThat(absent.removals().get(1).location()).isEqualTo(new SeedLocation(FILE, 3, 24));
        assertThat(empty.facts()).isEmpty();
        assertThat(empty.removedIds()).containsExactly(id("usa-denounce"));
        assertThat(noValue.removedIds()).containsExactly(id("usa-denounce"));
    }

    @Test
    void aScenarioMayOnlyAddFacts() {
        String fact = "facts:\n  - {id: hyp, kind: sever-relations, happened: 2024-08, actor: NER, target: FRA}\n";

        ScenarioFile absent = read(HEADER + fact);
        ScenarioFile empty = read(HEADER + "remove: []\n" + fact);
        ScenarioFile noValue = read(HEADER + "remove:\n" + fact);

        for (ScenarioFile s : List.of(absent, empty, noValue)) {
            assertThat(s.removals()).isEmpty();
            assertThat(s.commands()).extracting(c -> c.fact().id()).containsExactly(id("hyp"));
        }
    }

    @Test
    void aHypotheticalFactWithoutSourcesHasOneHypotheticalReportedSource() {
        ScenarioFile s = read(HEADER + """
                facts:
                  - {id: bare, kind: hold-talks, happened: 2024-06, actor: NER, target: USA}
                  - {id: no-value, kind: hold-talks, happened: 2024-06, actor: NER, target: USA, sources: }
                  - {id: cited, kind: hold-talks, happened: 2024-06, actor: NER, target: USA,
                     sources: [{kind: article, confidence: confirmed, publisher: Reuters}]}
                """);

        Source hypothetical = Source.of(Source.Kind.HYPOTHETICAL, Source.Confidence.REPORTED);
        assertThat(Source.hypothetical()).isEqualTo(hypothetical);
        assertThat(s.fact(id("bare")).orElseThrow().command().fact().sources()).containsExactly(hypothetical);
        assertThat(s.fact(id("no-value")).orElseThrow().command().fact().sources()).containsExactly(hypothetical);
        assertThat(s.fact(id("cited")).orElseThrow().command().fact().sources()).containsExactly(
                Source.of(Source.Kind.ARTICLE, Source.Confidence.CONFIRMED).withPublisher("Reuters"));
    }

    @Test
    void aSeedStillNeedsItsSources() {
        List<SeedProblem> ps = SeedTexts.problems("format: entente-seed/1\ntitle: Test\nfacts:\n"
                + "  - {id: bare, kind: hold-talks, happened: 2024-06, actor: NER, target: USA}\n");

        assertThat(ps).extracting(SeedProblem::field).containsExactly("sources");
    }

    @Test
    void aJsonScenarioIsRead() {
        String json = """
                {"format": "entente-scenario/1", "title": "What if",
                 "remove": ["usa-denounce"],
                 "facts": [{"id": "hyp", "kind": "sever-relations", "happened": "2024-08", "actor": "NER", "target": "FRA"}]}
                """;

        ScenarioFile byBrace = read(json, "what-if.txt");
        ScenarioFile byName = read("\n" + json, "what-if.json");

        for (ScenarioFile s : List.of(byBrace, byName)) {
            assertThat(s.removedIds()).containsExactly(id("usa-denounce"));
            assertThat(s.commands()).extracting(c -> c.fact().id()).containsExactly(id("hyp"));
            assertThat(s.facts().get(0).command().fact().sources()).containsExactly(Source.hypothetical());
        }
        assertThat(byBrace.removals().get(0).location()).isEqualTo(new SeedLocation("what-if.txt", 2, 13));
    }

    @Test
    void aScenarioIsReadFromAPathWithTheDefaultLimits(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("us-stayed.yaml");
        Files.writeString(file, HEADER + "remove: [usa-denounce]\n");

        ScenarioFile s = Seeds.readScenario(file);

        assertThat(s.file()).isEqualTo(file.toString());
        assertThat(s.removals().get(0).location().file()).isEqualTo(file.toString());
        assertThatThrownBy(() -> Seeds.readScenario(dir.resolve("missing.yaml")))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot read the scenario file ");
    }

    // -------------------------------------------------------------------------------- problems

    @Test
    void aMalformedFactIdInRemoveIsReportedAtItsItem() {
        List<SeedProblem> ps = problems(HEADER + """
                remove:
                  - usa-denounce
                  - "usa denounce"
                  - {id: usa-schedule}
                  -
                """);

        assertThat(ps).hasSize(3);
        assertProblem(ps.get(0), 5, 5, null, "remove[1]", "'usa denounce' is not a fact id; expected 1 to 128 letters,"
                + " digits, '.', '_', ':' or '-', starting with a letter or digit");
        assertProblem(ps.get(1), 6, 5, null, "remove[2]", "expected the id of a real fact to leave out, such as"
                + " usa-denounce, found a mapping");
        assertProblem(ps.get(2), 7, 4, null, "remove[3]", "expected the id of a real fact to leave out, such as"
                + " usa-denounce, found no value");
    }

    @Test
    void aDuplicateRemovalIsReportedWithTheFirst() {
        SeedProblem p = problem(HEADER + """
                remove:
                  - usa-denounce
                  - usa-schedule
                  - usa-denounce
                """);

        assertProblem(p, 6, 5, null, "remove[2]", "duplicate removal 'usa-denounce'; the item at line 4, column 5"
                + " removes it already");
    }

    @Test
    void anEmptyScenarioIsReported() {
        String message = "the scenario changes nothing: it has no facts and no removals; give hypothetical facts under"
                + " 'facts', or the ids of real facts to leave out under 'remove' (such as 'remove: [usa-denounce]')";

        assertProblem(problem(HEADER), 1, 1, null, "", message);
        assertProblem(problem(HEADER + "facts: []\nremove: []\n"), 1, 1, null, "", message);
        assertProblem(problem(HEADER + "facts:\nremove:\n"), 1, 1, null, "", message);
    }

    @Test
    void aFactsOrRemoveValueThatIsNotAListIsReportedAloneNotAsAnEmptyScenario() {
        assertProblem(problem(HEADER + "remove: usa-denounce\n"), 3, 9, null, "remove", "expected a list of fact ids such as"
                + " [usa-denounce], found 'usa-denounce'; write a list, even of one id, such as [usa-denounce]");
        assertProblem(problem(HEADER + "remove: {usa-denounce: true}\n"), 3, 9, null, "remove",
                "expected a list of fact ids such as [usa-denounce], found a mapping");
        assertProblem(problem(HEADER + "facts: {id: a}\n"), 3, 8, null, "facts", "expected a list of facts, found a mapping");
    }

    @Test
    void aRemovalThatIsAlsoTheIdOfAHypotheticalFactIsReported() {
        SeedProblem p = problem(HEADER + """
                facts:
                  - {id: usa-denounce, kind: hold-talks, happened: 2024-04, actor: NER, target: USA}
                remove: [usa-denounce]
                """);

        assertProblem(p, 5, 10, null, "remove[0]", "'usa-denounce' is removed and is the id of the hypothetical fact at"
                + " line 4; a removal names a real fact, and a hypothetical fact needs an id of its own");
    }

    @Test
    void emptySourcesAreRefusedRatherThanDefaulted() {
        SeedProblem p = problem(HEADER + "facts:\n  - {id: a, kind: hold-talks, happened: 2024, actor: NER, target: USA,"
                + " sources: []}\n");

        assertProblem(p, 4, 81, "a", "sources", "sources is empty: leave 'sources' out for the default source (kind"
                + " hypothetical, confidence reported), or give at least one source such as {kind: hypothetical,"
                + " confidence: confirmed}");
    }

    @Test
    void anUnsupportedScenarioVersionIsReportedAloneWithoutCheckingTheRest() {
        SeedProblem p = problem("""
                format: entente-scenario/2
                title: What if
                remove: [1 2 3, "", "", ""]
                colour: blue
                """);

        assertProblem(p, 1, 9, null, "format", "unsupported format version 'entente-scenario/2'; this reader accepts"
                + " entente-scenario/1 only (the rest of the file was not checked)");
    }

    @Test
    void aSeedIsNotAScenarioAndAScenarioIsNotASeed() {
        SeedProblem seedAsScenario = problem("format: entente-seed/1\ntitle: Test\nfacts: []\n");
        SeedProblem scenarioAsSeed = SeedTexts.problem(HEADER + "remove: [usa-denounce]\n");
        SeedProblem other = problem("format: plover/1\n");

        assertProblem(seedAsScenario, 1, 9, null, "format", "'entente-seed/1' is the seed format, and this is read as a"
                + " scenario, whose facts are hypothetical: a scenario file starts with 'format: entente-scenario/1'");
        assertThat(scenarioAsSeed.line()).isEqualTo(1);
        assertThat(scenarioAsSeed.message()).isEqualTo("'entente-scenario/1' is the scenario format, and this is read as"
                + " a seed, whose facts are real: a scenario is read with SeedReader.readScenario (simulate --apply),"
                + " a seed starts with 'format: entente-seed/1'");
        assertProblem(other, 1, 9, null, "format", "'plover/1' is not a scenario format; this reader accepts"
                + " entente-scenario/1");
    }

    @Test
    void anUnknownTopLevelFieldIsReportedWithTheScenarioHeaderFields() {
        List<SeedProblem> ps = problems(HEADER + """
                removals: [usa-denounce]
                remove: [usa-schedule]
                kind: hold-talks
                """);

        assertThat(ps).hasSize(2);
        assertProblem(ps.get(0), 3, 1, null, "removals", "unknown field 'removals' in the header; accepted: format, title,"
                + " description, facts, remove");
        assertProblem(ps.get(1), 5, 1, null, "kind", "unknown field 'kind' in the header; it is a field of a fact;"
                + " accepted: format, title, description, facts, remove");
    }

    @Test
    void removeIsAnUnknownFieldInASeed() {
        SeedProblem p = SeedTexts.problem("format: entente-seed/1\ntitle: Test\nfacts: []\nremove: [usa-denounce]\n");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("unknown field 'remove' in the header; it is a field of a scenario file"
                + " (format: entente-scenario/1), and a seed removes nothing; accepted: format, title, description, organisations, facts");
    }

    @Test
    void everyProblemOfAScenarioIsReportedAtOnceInTheOrderOfTheFile() {
        SeedFormatException e = (SeedFormatException) org.assertj.core.api.Assertions.catchThrowable(() -> read("""
                format: entente-scenario/1
                remove: [usa-denounce, usa-denounce, -bad]
                facts:
                  - {id: a, kind: hold-talk, happened: 2024, actor: NER, target: USA}
                  - {id: b, kind: hold-talks, happened: 2024, actor: NIG, target: USA}
                remove: [again]
                """));

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.problems()).extracting(SeedProblem::line, SeedProblem::column, SeedProblem::field).containsExactly(
                tuple(1, 1, "title"),
                tuple(2, 24, "remove[1]"),
                tuple(2, 38, "remove[2]"),
                tuple(4, 19, "kind"),
                tuple(5, 54, "actor"),
                tuple(6, 1, "remove"));
        assertThat(e.getMessage()).startsWith("what-if.yaml: 6 problems\n  what-if.yaml:1:1: title: missing required field");
    }

    // --------------------------------------------------------------------------------- limits

    @Test
    void theReadersLimitsApplyToScenarios() {
        SeedReader reader = SeedReader.builder().maxFacts(3).build();
        SeedProblem tooMany = ScenarioTexts.problems(reader, HEADER + "remove: [a, b, c, d, e]\n", FILE).get(0);
        assertProblem(tooMany, 3, 19, null, "", "more than 3 removals; at most 3 are accepted in one file"
                + " (SeedReader.Builder.maxFacts)");
        assertThat(ScenarioTexts.read(reader, HEADER + "remove: [a, b, c]\n", FILE).removals()).hasSize(3);

        // A "billion laughs" in the removals is refused at the alias that crosses the expansion limit, quickly:
        // each *e repeats 111,111 values, and the anchors cost 124,440, so the eighth *e crosses 1,000,000.
        StringBuilder lol = new StringBuilder(HEADER).append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'e'; c++) {
            lol.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*" + (char) (c - 1)))).append("]\n");
        }
        lol.append("remove: [").append(String.join(", ", Collections.nCopies(20, "*e"))).append("]\n");
        byte[] bytes = lol.toString().getBytes(StandardCharsets.UTF_8);
        List<SeedProblem> ps = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                SeedReader.standard().readScenario(new ByteArrayInputStream(bytes), FILE);
            } catch (SeedFormatException e) {
                return e.problems();
            }
            throw new AssertionError("accepted");
        });
        SeedProblem refusal = ps.get(ps.size() - 1);
        assertThat(refusal.message()).startsWith("aliases repeat more than 1,000,000 values in all");
        assertThat(refusal.field()).isEqualTo("remove[7]");
    }
}
