package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DyadTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Country TUR = Country.of("TUR");

    @Test
    void theOrderOfTheTwoCountriesDoesNotMatter() {
        Dyad usaNer = Dyad.of(USA, NER);
        Dyad nerUsa = Dyad.of(NER, USA);

        assertThat(usaNer).isEqualTo(nerUsa).hasSameHashCodeAs(nerUsa);
        assertThat(usaNer.compareTo(nerUsa)).isZero();
    }

    @Test
    void theIdPutsTheCodesInAlphabeticalOrder() {
        Dyad dyad = Dyad.of(USA, NER);

        assertThat(dyad.id()).isEqualTo("NER-USA");
        assertThat(dyad).hasToString("NER-USA");
        assertThat(dyad.first()).isEqualTo(NER);
        assertThat(dyad.second()).isEqualTo(USA);
    }

    @Test
    void aDyadOfOneCountryTwiceIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dyad.of(NER, Country.of("ner")))
                .withMessage("a dyad needs two distinct actors, got NER twice");
    }

    @Test
    void membershipAndTheOtherCountryAreAnsweredForEitherMember() {
        Dyad dyad = Dyad.of(NER, USA);

        assertThat(dyad.contains(NER)).isTrue();
        assertThat(dyad.contains(USA)).isTrue();
        assertThat(dyad.contains(TUR)).isFalse();
        assertThat(dyad.other(NER)).isEqualTo(USA);
        assertThat(dyad.other(USA)).isEqualTo(NER);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> dyad.other(TUR))
                .withMessage("TUR is not one of the two actors of NER-USA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NER-USA", "USA-NER", "usa-ner", " ner-USA "})
    void parsingAcceptsEitherOrderAndAnyCase(String id) {
        assertThat(Dyad.parse(id)).isEqualTo(Dyad.of(NER, USA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NERUSA", "NER-USA-TUR", "NER_USA", "-NER", "NER-"})
    void parsingRejectsTextThatIsNotTwoCodes(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> Dyad.parse(id));
    }

    @Test
    void parsingRejectsAWrongSeparatorNamingTheAcceptedForm() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dyad.parse("NER/USA"))
                .withMessage("'NER/USA' is not a dyad; expected two actor codes joined by '-', such as NER-USA or NER-ECOWAS");
    }

    @Test
    void parsingRejectsAnUnknownCodeOrTheSameCountryTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dyad.parse("NIG-USA"))
                .withMessageContaining("NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dyad.parse("NER-ner"))
                .withMessageContaining("two distinct actors");
    }

    @Test
    void dyadsAreOrderedByTheirFirstThenSecondCountry() {
        assertThat(Dyad.of(NER, TUR).compareTo(Dyad.of(NER, USA))).isNegative();
        assertThat(Dyad.of(Country.of("CHN"), USA).compareTo(Dyad.of(NER, TUR))).isNegative();
    }

    @Test
    void aCountryAndAnOrganisationMakeADyadWithTheCountryFirst() {
        Dyad d = Dyad.of(Organisation.of("ECOWAS"), Country.of("NER"));
        assertThat(d.id()).isEqualTo("NER-ORG:ECOWAS");
        assertThat(d.first()).isEqualTo(Country.of("NER"));
        assertThat(d.countryOfMember()).contains(Country.of("NER"));
        assertThat(d.organisationOfMember()).contains(Organisation.of("ECOWAS"));
        assertThat(d.other(Country.of("NER"))).isEqualTo(Organisation.of("ECOWAS"));
        assertThat(Dyad.parse("ecowas-ner")).isEqualTo(d);
        assertThat(Dyad.parse("NER-ORG:ECOWAS")).isEqualTo(d);
        assertThat(Dyad.of(Country.of("NER"), Country.of("USA")).organisationOfMember()).isEmpty();
    }

    @Test
    void aCountryWhoseCodeSortsAfterOrgStillComesFirst() {
        // "ORG:ECOWAS" sorts before "SEN" as text; the country comes first all the same.
        for (String code : new String[] {"PAK", "SEN", "SLE", "TGO", "USA", "ZWE"}) {
            Dyad d = Dyad.of(Organisation.of("ECOWAS"), Country.of(code));
            assertThat(d.id()).isEqualTo(code + "-ORG:ECOWAS");
            assertThat(d.countryOfMember()).contains(Country.of(code));
            assertThat(d.organisationOfMember()).contains(Organisation.of("ECOWAS"));
            assertThat(Dyad.ofStored(d.id())).isEqualTo(d);
        }
        assertThat(Dyad.of(Country.of("USA"), Organisation.of("AES")).compareTo(Dyad.of(Country.of("NER"), Country.of("USA"))))
                .isPositive();
        assertThat(Country.of("ZWE").compareTo(Organisation.of("AES"))).isNegative();
        assertThat(Organisation.of("AES").compareTo(Organisation.of("EU"))).isNegative();
    }

    @Test
    void twoOrganisationsMakeADyadWithNoMemberSide() {
        Dyad d = Dyad.parse("EU-AU");
        assertThat(d.id()).isEqualTo("ORG:AU-ORG:EU");
        assertThat(d.involvesOrganisation()).isTrue();
        assertThat(d.countryOfMember()).isEmpty();
        assertThat(d.organisationOfMember()).isEmpty();
    }

    @Test
    void aStoredIdReadsBackEvenWithAnOrganisationThisJvmHasNotRegistered() {
        Dyad d = Dyad.ofStored("NER-ORG:ZZUNREG");
        assertThat(d.second().code()).isEqualTo("ORG:ZZUNREG");
        assertThat(d.second().name()).isEqualTo("ZZUNREG");
        assertThatIllegalArgumentException().isThrownBy(() -> Dyad.parse("NER-ZZUNREG"))
                .withMessageStartingWith("ZZUNREG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        assertThatIllegalArgumentException().isThrownBy(() -> Dyad.ofStored("NER/USA"))
                .withMessage("'NER/USA' is not a stored dyad id; expected two codes joined by '-', such as NER-USA");
    }

    @Test
    void aCountryComesFirstEvenWhenTheAcronymSortsBeforeItsCode() {
        Dyad d = Dyad.of(Organisation.of("ECOWAS"), Country.of("SEN"));
        assertThat(d.id()).isEqualTo("SEN-ORG:ECOWAS");
        assertThat(d.countryOfMember()).contains(Country.of("SEN"));
        assertThat(Dyad.parse("ECOWAS-SEN")).isEqualTo(d);
        assertThat(Dyad.ofStored("SEN-ORG:ECOWAS")).isEqualTo(d);
        assertThat(java.util.stream.Stream.of(Dyad.parse("ZWE-ECOWAS"), Dyad.parse("AU-EU"), Dyad.parse("NER-USA")).sorted().map(Dyad::id))
                .containsExactly("NER-USA", "ZWE-ORG:ECOWAS", "ORG:AU-ORG:EU");
    }
}
