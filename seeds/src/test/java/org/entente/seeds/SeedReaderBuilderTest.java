package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's defaults, the limits it accepts and every argument it rejects. */
class SeedReaderBuilderTest {

    private static final String HEADER = "format: entente-seed/1\ntitle: Test\n";

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(SeedReader.DEFAULT_MAX_FILE_SIZE).isEqualTo(16L * 1024 * 1024);
        assertThat(SeedReader.DEFAULT_MAX_NESTING_DEPTH).isEqualTo(20);
        assertThat(SeedReader.DEFAULT_MAX_FACTS).isEqualTo(1_000_000);
        assertThat(SeedReader.DEFAULT_MAX_STRING_LENGTH).isEqualTo(10_000);
        assertThat(SeedReader.DEFAULT_MAX_ALIAS_EXPANSION).isEqualTo(1_000_000);
        assertThat(SeedReader.DEFAULT_MAX_PROBLEMS).isEqualTo(1_000);
        assertThat(SeedReader.standard()).isSameAs(SeedReader.standard());
    }

    @Test
    void aFileSizeOutsideOneByteToOneGibibyteIsRejected() {
        assertThatThrownBy(() -> SeedReader.builder().maxFileSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFileSize is 0; expected 1 to 1,073,741,824");
        assertThatThrownBy(() -> SeedReader.builder().maxFileSize((1L << 30) + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxFileSize is 1073741825;");
    }

    @Test
    void aNestingDepthBelowWhatASeedNeedsIsRejected() {
        assertThatThrownBy(() -> SeedReader.builder().maxNestingDepth(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxNestingDepth is 4; expected 5 to 1,000");
        assertThatThrownBy(() -> SeedReader.builder().maxNestingDepth(1_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxNestingDepth is 1001;");
    }

    @Test
    void fewerThanOneFactOrProblemIsRejected() {
        assertThatThrownBy(() -> SeedReader.builder().maxFacts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFacts is 0; expected 1 to 2,147,483,647");
        assertThatThrownBy(() -> SeedReader.builder().maxProblems(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxProblems is 0; expected 1 to 2,147,483,647");
    }

    @Test
    void aStringLengthShorterThanAFactIdIsRejected() {
        assertThatThrownBy(() -> SeedReader.builder().maxStringLength(127))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxStringLength is 127; expected 128 to 16,777,216");
        assertThatThrownBy(() -> SeedReader.builder().maxStringLength((1 << 24) + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxStringLength is 16777217;");
    }

    @Test
    void aNegativeAliasExpansionIsRejected() {
        assertThatThrownBy(() -> SeedReader.builder().maxAliasExpansion(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxAliasExpansion is -1; expected 0 to");
    }

    @Test
    void aNestingLimitOfFiveStillReadsEverySeed() {
        SeedReader reader = SeedReader.builder().maxNestingDepth(5).build();

        assertThat(reader.readBundled("niger-2024").facts()).hasSize(26);
        assertThatThrownBy(() -> SeedTexts.read(reader, HEADER + "facts: [[[[[]]]]]\n", "t.yaml"))
                .isInstanceOf(SeedFormatException.class).hasMessageContaining("nesting deeper than 5 levels");
    }

    @Test
    void aLowerStringLimitRefusesLongerTexts() {
        SeedReader reader = SeedReader.builder().maxStringLength(200).build();

        assertThatThrownBy(() -> SeedTexts.read(reader, HEADER + "description: " + "x".repeat(201) + "\nfacts: []\n", "t.yaml"))
                .isInstanceOf(SeedFormatException.class)
                .hasMessageContaining("description: a text of 201 characters; at most 200 are accepted");
        assertThat(SeedTexts.read(reader, HEADER + "description: " + "x".repeat(200) + "\nfacts: []\n", "t.yaml")
                .header().description()).hasValueSatisfying(d -> assertThat(d).hasSize(200));
    }

    @Test
    void noAliasExpansionRefusesEveryAlias() {
        SeedReader reader = SeedReader.builder().maxAliasExpansion(0).build();
        String text = HEADER + "facts:\n"
                + "  - {id: a, kind: hold-talks, happened: 2024, actor: NER, target: USA, sources: &s [{kind: background, confidence: reported}]}\n"
                + "  - {id: b, kind: hold-talks, happened: 2024, actor: NER, target: USA, sources: *s}\n";

        assertThatThrownBy(() -> SeedTexts.read(reader, text, "t.yaml"))
                .isInstanceOf(SeedFormatException.class).hasMessageContaining("aliases repeat more than 0 values in all");
        assertThat(SeedTexts.read(text).facts()).hasSize(2);
    }

    @Test
    void fewerProblemsCanBeAskedFor() {
        SeedReader reader = SeedReader.builder().maxProblems(2).build();

        List<SeedProblem> problems = SeedTexts.problems(reader, HEADER + "a: 1\nb: 2\nc: 3\nfacts: []\n", "t.yaml");

        assertThat(problems).extracting(SeedProblem::field).containsExactly("a", "b", "");
        assertThat(problems.get(2).message()).startsWith("stopped after 2 problems");
    }

    @Test
    void aMissingFileIsAnInputOutputErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> Seeds.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the seed file " + missing);
    }
}
