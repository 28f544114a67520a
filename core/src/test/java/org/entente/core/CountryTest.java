package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTest {

    @Test
    void aValidCodeGivesTheCountryWithItsName() {
        Country niger = Country.of("NER");

        assertThat(niger.code()).isEqualTo("NER");
        assertThat(niger.name()).isEqualTo("Niger");
        assertThat(niger).hasToString("NER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ner", "Ner", " NER ", "\tner\n"})
    void anyLetterCaseAndSurroundingBlanksAreAccepted(String typed) {
        assertThat(Country.of(typed)).isSameAs(Country.of("NER"));
        assertThat(Country.isValid(typed)).isTrue();
    }

    @Test
    void nigIsRejectedSuggestingNigerAndNigeria() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Country.of("NIG"))
                .withMessageStartingWith("NIG is not an ISO 3166-1 alpha-3 code")
                .withMessageContaining("NER (Niger)")
                .withMessageContaining("NGA (Nigeria)");
        assertThat(Country.isValid("NIG")).isFalse();
    }

    @Test
    void aCodeOneLetterAwayFromValidCodesSuggestsThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Country.of("NGR"))
                .withMessageStartingWith("NGR is not an ISO 3166-1 alpha-3 code; did you mean ")
                .withMessageContaining("NER (Niger)")
                .withMessageContaining("NGA (Nigeria)");
    }

    @Test
    void aCodeNothingResemblesSaysWhatIsExpected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Country.of("QQQ"))
                .withMessage("QQQ is not an ISO 3166-1 alpha-3 code; expected three letters such as NER (Niger) or USA (United States)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NE", "NERR", "N3R", "FX", "XXX"})
    void malformedOrUnassignedCodesAreRejected(String typed) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Country.of(typed))
                .withMessageContaining("is not an ISO 3166-1 alpha-3 code");
        assertThat(Country.isValid(typed)).isFalse();
    }

    @Test
    void aNullCodeIsNeitherValidNorAccepted() {
        assertThat(Country.isValid(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> Country.of(null));
    }

    @Test
    void everyCountryIsAnIsoCodeWithANameAndTheListIsSortedByCode() {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        List<Country> all = Country.all();

        assertThat(all).isNotEmpty().isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(all).allSatisfy(c -> {
            assertThat(iso).contains(c.code());
            assertThat(c.name()).isNotBlank();
        });
        assertThat(all).extracting(Country::code).contains("NER", "USA", "CHN", "TUR", "FRA", "RUS");
    }

    @Test
    void countriesAreEqualByCodeAndOrderedByCode() {
        assertThat(Country.of("usa")).isEqualTo(Country.of("USA")).hasSameHashCodeAs(Country.of("USA"));
        assertThat(Country.of("NER")).isNotEqualTo(Country.of("NGA"));
        assertThat(Country.of("NER").compareTo(Country.of("USA"))).isNegative();
        assertThat(Country.of("USA").compareTo(Country.of("NER"))).isPositive();
    }
}
