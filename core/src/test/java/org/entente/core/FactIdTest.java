package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"usa-denounce", "icews-32889836", "a", "7", "A.b_c:d-e", "ner-recall-2023"})
    void idsOfLettersDigitsAndPunctuationAreAccepted(String value) {
        assertThat(FactId.of(value).value()).isEqualTo(value);
        assertThat(FactId.of(value)).hasToString(value);
    }

    @Test
    void anIdOfTheMaximumLengthIsAccepted() {
        String longest = "a".repeat(FactId.MAX_LENGTH);

        assertThat(FactId.of(longest).value()).hasSize(128);
    }

    @Test
    void anIdTooLongIsRejectedSayingHowLongItIs() {
        String tooLong = "a".repeat(FactId.MAX_LENGTH + 1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> FactId.of(tooLong))
                .withMessageContaining("(129 characters)")
                .withMessageContaining("expected 1 to 128 letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "usa denounce", "usa/denounce", "-usa", ".usa", "_usa", ":usa", "niger-é", "usa\n"})
    void idsWithOtherCharactersOrALeadingPunctuationMarkAreRejected(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FactId.of(value))
                .withMessageContaining("is not a fact id")
                .withMessageContaining("starting with a letter or digit");
    }

    @Test
    void generatedIdsAreValidAndDistinct() {
        FactId one = FactId.generate();
        FactId two = FactId.generate();

        assertThat(one.value()).startsWith("fact-");
        assertThat(FactId.of(one.value())).isEqualTo(one);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void idsAreOrderedByTheirText() {
        assertThat(FactId.of("tur-attache").compareTo(FactId.of("tur-pledge"))).isNegative();
        assertThat(FactId.of("b").compareTo(FactId.of("a"))).isPositive();
    }
}
