package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.seeds.SeedTexts.problems;
import static org.entente.seeds.SeedTexts.read;

import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.junit.jupiter.api.Test;

/**
 * Seeds whose texts hold characters a terminal acts on (escape sequences, bells, NUL, CR, bidirectional
 * overrides) are refused at the value's line and column, naming the fact, the field, the character and
 * its position; line feeds are accepted only in the multi-line fields. YAML's double-quoted escapes
 * ({@code "\e"}, {@code "\x07"}) and JSON's ({@code "\u001b"}) are how such text gets into a file.
 */
class HostileTextTest {

    private static final String REFUSED = "text may not hold control characters (U+0000 to U+001F, U+007F to U+009F),"
            + " bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069)"
            + " and U+2028, U+2029";

    private static final String HOSTILE = """
            format: entente-seed/1
            title: Hostile
            facts:
              - id: t-1
                kind: hold-talks
                happened: 2024-01-01
                actor: USA
                target: NER
                subject: "\\e]0;pwned\\a"
                sources:
                  - {kind: article, confidence: reported, publisher: "Reuters\\r\\n2024-01-01  hold talks  USA  NER  forged"}
              - id: t-2
                kind: station-forces
                happened: 2024-01-02
                actor: USA
                target: NER
                invited: true
                location: "Niamey\\e[2J"
                bases: [Air Base 101, "Air Base \\u202E102"]
                sources:
                  - {kind: article, confidence: reported, title: "nul\\0", note: "bell\\x07"}
            """;

    @Test
    void aHostileSeedIsRefusedWithEveryFieldNamedAtItsLineAndColumn() {
        List<SeedProblem> problems = problems(HOSTILE);
        assertThat(problems).extracting(SeedProblem::toString).containsExactly(
                "test.yaml:9:14: fact t-1, subject: U+001B (ESC) at character 1 is refused; " + REFUSED,
                "test.yaml:11:58: fact t-1, sources[0].publisher: U+000D (CR) at character 8 is refused; " + REFUSED,
                "test.yaml:18:15: fact t-2, location: U+001B (ESC) at character 7 is refused; " + REFUSED,
                "test.yaml:19:27: fact t-2, bases[1]: U+202E (RLO) at character 10 is refused; " + REFUSED,
                "test.yaml:21:54: fact t-2, sources[0].title: U+0000 (NUL) at character 4 is refused; " + REFUSED,
                "test.yaml:21:69: fact t-2, sources[0].note: U+0007 (BEL) at character 5 is refused; " + REFUSED
                        + ", except line feeds (U+000A)");
        assertThat(problems.get(1).factId()).contains(FactId.of("t-1"));
        assertThat(problems.get(1).field()).isEqualTo("sources[0].publisher");
    }

    @Test
    void jsonEscapesAreRefusedToo() {
        List<SeedProblem> problems = problems("""
                {"format": "entente-seed/1", "title": "Hostile\\u0007", "facts": [
                  {"id": "t-1", "kind": "hold-talks", "happened": "2024-01-01", "actor": "USA", "target": "NER",
                   "subject": "talks\\u2066", "sources": [{"kind": "article", "confidence": "reported"}]}]}
                """);
        assertThat(problems).extracting(SeedProblem::toString).containsExactly(
                "test.yaml:1:39: title: U+0007 (BEL) at character 8 is refused; " + REFUSED,
                "test.yaml:3:15: fact t-1, subject: U+2066 (LRI) at character 6 is refused; " + REFUSED);
    }

    @Test
    void aLineFeedIsAcceptedInDescriptionsAndNotesOnly() {
        Seed seed = read(SeedTexts.HEADER.replace("title: Test\n", "title: Test\ndescription: |\n  first line\n  second line\n") + """
                  - id: s-1
                    kind: impose-sanctions
                    happened: 2024-01-01
                    actor: USA
                    target: NER
                    description: |
                      asset freezes
                      travel bans
                    sources:
                      - kind: article
                        confidence: reported
                        note: |
                          two lines
                          of note
                """);
        assertThat(seed.header().description()).contains("first line\nsecond line");
        assertThat(((FactCommand.ImposeSanctions) seed.facts().get(0).command()).description()).isEqualTo("asset freezes\ntravel bans\n");
        assertThat(seed.facts().get(0).command().fact().sources().get(0).note()).contains("two lines\nof note\n");

        assertThat(problems(SeedTexts.fact("id: t-1", "kind: hold-talks", "happened: 2024-01-01", "actor: USA", "target: NER",
                "subject: >", "  folded with a final line feed", SeedTexts.SOURCES.strip())))
                .extracting(SeedProblem::toString).containsExactly("test.yaml:9:14: fact t-1, subject: U+000A (LF) at character 30"
                        + " is refused; " + REFUSED + "; line feeds are accepted only in multi-line fields (description, note, reason)");
    }

    @Test
    void aFileWithWindowsLineEndingsStillReads() {
        Seed seed = read((SeedTexts.HEADER + """
                  - id: t-1
                    kind: hold-talks
                    happened: 2024-01-01
                    actor: USA
                    target: NER
                    subject: talks
                """ + SeedTexts.SOURCES).replace("\n", "\r\n"));
        assertThat(((FactCommand.HoldTalks) seed.facts().get(0).command()).subject()).contains("talks");
    }

    @Test
    void aFieldNameWithAControlCharacterIsRefusedAndNeverEchoedRaw() {
        List<SeedProblem> problems = problems(SeedTexts.fact("id: t-1", "kind: hold-talks", "happened: 2024-01-01", "actor: USA",
                "target: NER", "\"sub\\eject\": x", SeedTexts.SOURCES.strip()));
        assertThat(problems).extracting(SeedProblem::toString).containsExactly(
                "test.yaml:9:5: fact t-1, sub\\u001Bject: a field name: U+001B (ESC) at character 4 is refused; " + REFUSED);
        assertThat(problems(SeedTexts.fact("id: t-1", "kind: \"hold\\ttalks\"", "happened: 2024-01-01", "actor: USA",
                "target: NER", SeedTexts.SOURCES.strip())).get(0).toString())
                .isEqualTo("test.yaml:5:11: fact t-1, kind: U+0009 (TAB) at character 5 is refused; " + REFUSED);
        assertThat(Optional.of(problems("format: entente-seed/1\ntitle: T\nfacts: []\n\"x\\u0085\": 1\n").get(0).toString()))
                .hasValueSatisfying(s -> assertThat(s).doesNotContain("\u0085"));
    }
}
