package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationTest {

    private static final Set<String> COUNTRY_CODES = Country.all().stream().map(Country::code).collect(Collectors.toSet());

    @Test
    void ecowasHasItsCodeAcronymNameAndCameoCode() {
        Organisation ecowas = Organisation.of("ECOWAS");

        assertThat(ecowas.code()).isEqualTo("ORG:ECOWAS");
        assertThat(ecowas.acronym()).isEqualTo("ECOWAS");
        assertThat(ecowas.name()).isEqualTo("Economic Community of West African States");
        assertThat(ecowas.cameoCode()).contains("IGOWAS");
        assertThat(ecowas).hasToString("ORG:ECOWAS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AES|''|Alliance of Sahel States",
            "AU|''|African Union",
            "EU|IGOEEC|European Union",
            "UN|IGOUNO|United Nations",
            "NATO|''|North Atlantic Treaty Organization",
            "LAS|IGOARL|League of Arab States",
            "OIF|''|Organisation internationale de la Francophonie",
            "G5S|''|G5 Sahel",
            "SADC|IGOSAD|Southern African Development Community",
            "ECCAS|IGOECA|Economic Community of Central African States",
            "OAS|IGOOAS|Organization of American States",
            "ASEAN|IGOASN|Association of Southeast Asian Nations",
            "SCO|''|Shanghai Cooperation Organisation",
            "BRICS|''|BRICS",
            "CSTO|''|Collective Security Treaty Organization"})
    void theIssuesOrganisationsAreBundledWithTheCameoCodesTheManualGives(String acronym, String cameo, String name) {
        Organisation organisation = Organisation.of(acronym);

        assertThat(organisation.code()).isEqualTo("ORG:" + acronym);
        assertThat(organisation.name()).isEqualTo(name);
        assertThat(organisation.cameoCode().orElse("")).isEqualTo(cameo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECOWAS", "ecowas", "Ecowas", " ORG:ecowas ", "org:ECOWAS", "\tORG:ECOWAS\n"})
    void acronymsAndCodesInAnyLetterCaseGiveTheSameInstance(String typed) {
        assertThat(Organisation.of(typed)).isSameAs(Organisation.of("ECOWAS"));
        assertThat(Organisation.isValid(typed)).isTrue();
    }

    @Test
    void everyCodeStartsWithOrgAndNoneEqualsACountryCode() {
        List<Organisation> all = Organisation.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(16).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(all).extracting(Organisation::code).isSorted().allSatisfy(code -> {
            assertThat(code).startsWith("ORG:");
            assertThat(COUNTRY_CODES).doesNotContain(code);
        });
        assertThat(COUNTRY_CODES).allSatisfy(code -> assertThat(code).doesNotStartWith("ORG:").matches("[A-Z]{3}"));
    }

    @Test
    void noBundledAcronymIsACountryCodeSoABareAcronymIsNeverAmbiguous() {
        assertThat(Organisation.all()).allSatisfy(o -> {
            assertThat(COUNTRY_CODES).doesNotContain(o.acronym());
            assertThat(Country.isValid(o.acronym())).isFalse();
        });
    }

    @Test
    void everyAcronymHasTheSyntaxAndEveryCameoCodeIsAnIgoCode() {
        assertThat(Organisation.all()).allSatisfy(o -> {
            assertThat(o.acronym()).matches("[A-Z][A-Z0-9]{1,11}");
            assertThat(o.name()).isNotBlank();
            o.cameoCode().ifPresent(cameo -> assertThat(cameo).matches("IGO[A-Z]{3}"));
        });
    }

    @Test
    void aMisspeltAcronymIsRejectedSuggestingTheOrganisation() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("ECOWA"))
                .withMessage("ECOWA is not an organisation Entente knows; did you mean ECOWAS (Economic Community of West African States)?");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("ORG:ECOWAD"))
                .withMessage("ORG:ECOWAD is not an organisation Entente knows; did you mean ECOWAS (Economic Community of West African States)?");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("NAOT"))
                .withMessage("NAOT is not an organisation Entente knows; did you mean NATO (North Atlantic Treaty Organization)?");
        assertThat(Organisation.isValid("ECOWA")).isFalse();
    }

    @Test
    void aWordOfTheNameSuggestsTheOrganisationsItNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("sahel"))
                .withMessage("sahel is not an organisation Entente knows;"
                        + " did you mean AES (Alliance of Sahel States) or G5S (G5 Sahel)?");
    }

    @Test
    void textNothingResemblesSaysWhatIsExpectedEscaped() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of("QQQQ\u001b[2J"))
                .withMessage("QQQQ\\u001B[2J is not an organisation Entente knows; expected an acronym such as"
                        + " ECOWAS (Economic Community of West African States) or EU (European Union), with or without the ORG: prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ORG:", "NER", "ORG:NER", "ORG ECOWAS", "ORG::ECOWAS", "ECOWAS-2"})
    void textThatNamesNoOrganisationIsRejected(String typed) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Organisation.of(typed))
                .withMessageContaining("is not an organisation Entente knows");
        assertThat(Organisation.isValid(typed)).isFalse();
    }

    @Test
    void aNullAcronymIsNeitherValidNorAccepted() {
        assertThat(Organisation.isValid(null)).isFalse();
        assertThatNullPointerException()
                .isThrownBy(() -> Organisation.of(null))
                .withMessage("organisation acronym is null; give an acronym such as Organisation.of(\"ECOWAS\") or a code such as \"ORG:ECOWAS\"");
    }

    @Test
    void organisationsAreEqualByCodeAndOrderedByCode() {
        assertThat(Organisation.of("eu")).isEqualTo(Organisation.of("ORG:EU")).hasSameHashCodeAs(Organisation.of("EU"));
        assertThat(Organisation.of("EU")).isNotEqualTo(Organisation.of("AU"));
        assertThat(Organisation.of("AU").compareTo(Organisation.of("EU"))).isNegative();
        assertThat(Organisation.of("UN").compareTo(Organisation.of("EU"))).isPositive();
    }

    @Test
    void aWellFormedTableIsReadSkippingCommentsAndBlankLines() {
        Map<String, Organisation> table = Organisation.parse(
                List.of("# a comment", "", "ZZA\tIGOZZA\tZed Alliance", "ABC\t\tAlphabet Council"), "test.tsv");

        assertThat(table.keySet()).containsExactly("ABC", "ZZA");
        assertThat(table.get("ZZA").code()).isEqualTo("ORG:ZZA");
        assertThat(table.get("ZZA").cameoCode()).contains("IGOZZA");
        assertThat(table.get("ABC").cameoCode()).isEmpty();
        assertThat(table.get("ABC").name()).isEqualTo("Alphabet Council");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'ECOWAS\tIGOWAS'|expected 3 tab-separated columns (acronym, CAMEO code or nothing, name), found 2",
            "'ECOWAS\tIGOWAS\tName\textra'|expected 3 tab-separated columns (acronym, CAMEO code or nothing, name), found 4",
            "'E\t\tOne letter'|the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter",
            "'ABCDEFGHIJKLM\t\tThirteen'|the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter",
            "'5GS\t\tDigit first'|the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter",
            "'ecowas\t\tLower case'|the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter",
            "'ORG:EU\t\tPrefixed'|the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter",
            "'NATO\tIGNONAT\tThe manual''s typo'|the CAMEO actor code must be empty or three-letter codes such as IGOWAS",
            "'EU\tigoeec\tLower-case CAMEO'|the CAMEO actor code must be empty or three-letter codes such as IGOWAS",
            "'EU\tIGOEEC\t'|the name must be 1 to 200 printable characters without surrounding blanks",
            "'EU\tIGOEEC\t European Union'|the name must be 1 to 200 printable characters without surrounding blanks"})
    void aBadRowIsRefusedNamingTheFileTheLineAndTheProblem(String row, String problem) {
        assertThatIllegalStateException()
                .isThrownBy(() -> Organisation.parse(List.of("# header", row), "test.tsv"))
                .withMessageStartingWith("test.tsv line 2: bad row '")
                .withMessageEndingWith("': " + problem);
    }

    @Test
    void aNameWithTerminalControlsAndARepeatedAcronymAreRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Organisation.parse(List.of("EU\t\tEuropean\u001b[2J Union"), "test.tsv"))
                .withMessage("test.tsv line 1: bad row 'EU\\t\\tEuropean\\u001B[2J Union': the name must be 1 to 200 printable"
                        + " characters without surrounding blanks");
        assertThatIllegalStateException()
                .isThrownBy(() -> Organisation.parse(List.of("EU\t\tEuropean Union", "EU\t\tEuropean Union again"), "test.tsv"))
                .withMessageEndingWith("line 2: bad row 'EU\\t\\tEuropean Union again': the acronym EU is already on an earlier row");
    }

    @Test
    void anOrganisationTheTableLacksCanBeRegisteredOnceUnderOneName() {
        Organisation lga = Organisation.register("zzlga", "Liptako-Gourma Authority (test)", "IGOZZL");
        assertThat(lga.code()).isEqualTo("ORG:ZZLGA");
        assertThat(lga.isBundled()).isFalse();
        assertThat(Organisation.of("ZZLGA")).isEqualTo(lga);
        assertThat(Actor.of("zzlga")).isEqualTo(lga);
        assertThat(Organisation.all()).contains(lga);
        assertThat(Organisation.register("ZZLGA", "Liptako-Gourma Authority (test)", "IGOZZL")).isSameAs(lga);
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("ZZLGA", "Another name"))
                .withMessage("ZZLGA is already registered as Liptako-Gourma Authority (test) (CAMEO IGOZZL); it cannot be registered again as Another name");
    }

    @Test
    void aRegistrationThatWouldShadowAKnownCodeOrIsMalformedIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("ECOWAS", "Mine"))
                .withMessage("ECOWAS is already an organisation Entente knows (Economic Community of West African States); it cannot be registered again");
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("NER", "Mine"))
                .withMessage("NER is a country's ISO 3166-1 alpha-3 code (Niger); an organisation's acronym cannot be one");
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("A'; DROP", "Mine"))
                .withMessageEndingWith("is not an organisation acronym; expected 2 to 12 characters, A-Z and 0-9, starting with a letter, such as LGA");
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("ZZBAD", "line\nbreak"))
                .withMessageStartingWith("the name of organisation ZZBAD must have 1 to 200 characters without control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> Organisation.register("ZZBAD", "Bad", "IG"))
                .withMessageEndingWith("is not a CAMEO actor code; expected three-letter codes run together, such as IGOWAS, or none");
        assertThat(Organisation.isValid("ZZBAD")).isFalse();
    }
}
