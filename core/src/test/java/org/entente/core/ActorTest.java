package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

    @ParameterizedTest
    @ValueSource(strings = {"NER", "ner", " Ner\t"})
    void aCountryCodeNamesTheCountry(String typed) {
        assertThat(Actor.of(typed)).isSameAs(Country.of("NER")).hasToString("NER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECOWAS", "ecowas", " ORG:ecowas ", "org:ECOWAS"})
    void anAcronymOrAnOrgCodeNamesTheOrganisation(String typed) {
        assertThat(Actor.of(typed)).isSameAs(Organisation.of("ECOWAS")).hasToString("ORG:ECOWAS");
    }

    @Test
    void everyActorIsReadBackFromItsCode() {
        assertThat(Country.all()).allSatisfy(c -> assertThat(Actor.of(c.code())).isSameAs(c));
        assertThat(Organisation.all()).allSatisfy(o -> {
            assertThat(Actor.of(o.code())).isSameAs(o);
            assertThat(Actor.of(o.acronym())).isSameAs(o);
        });
    }

    @Test
    void aBareCodeThatIsBothResolvesToTheCountryAndOrgAlwaysToTheOrganisation() {
        Map<String, Organisation> table = Organisation.parse(
                List.of("NER\t\tNiger River Authority", "ECOWAS\tIGOWAS\tEconomic Community of West African States"), "test.tsv");

        assertThat(ActorCodes.resolve("NER", table)).isSameAs(Country.of("NER"));
        assertThat(ActorCodes.resolve(" ner ", table)).isSameAs(Country.of("NER"));
        assertThat(ActorCodes.resolve("ORG:NER", table)).isSameAs(table.get("NER"));
        assertThat(ActorCodes.resolve("ORG:NER", table).name()).isEqualTo("Niger River Authority");
        assertThat(ActorCodes.resolve("ecowas", table)).isSameAs(table.get("ECOWAS"));
    }

    @Test
    void noBareCodeIsBothACountryAndABundledOrganisationToday() {
        assertThat(Organisation.all()).noneMatch(o -> Country.isValid(o.acronym()));
        assertThat(Country.all()).noneMatch(c -> Organisation.isValid(c.code()));
    }

    @Test
    void anOrgCodeNamingNoOrganisationIsNotReadAsACountry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("ORG:NER"))
                .withMessageStartingWith("ORG:NER is not an organisation Entente knows");
    }

    @Test
    void unknownTextSuggestsCountries() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("NIG"))
                .withMessage("NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym;"
                        + " did you mean NER (Niger) or NGA (Nigeria)?");
    }

    @Test
    void unknownTextSuggestsOrganisations() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("ECOWA"))
                .withMessage("ECOWA is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym;"
                        + " did you mean ECOWAS (Economic Community of West African States)?");
    }

    @Test
    void unknownTextSuggestsBothKindsCountriesFirst() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("Euro"))
                .withMessage("Euro is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym;"
                        + " did you mean EU (European Union)?");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("sa"))
                .withMessage("sa is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym; did you mean"
                        + " SAU (Saudi Arabia) or SMR (San Marino) or WSM (Samoa) or SADC (Southern African Development Community)?");
    }

    @Test
    void textNothingResemblesSaysWhatIsExpected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Actor.of("QQQQ"))
                .withMessage("QQQQ is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym;"
                        + " expected a code such as NER (Niger) or an acronym such as ECOWAS (Economic Community of West African States)");
    }
}
