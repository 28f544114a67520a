package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.entente.core.Country;
import org.entente.core.Organisation;
import org.entente.eventdata.OrganisationMatch.Outcome;
import org.junit.jupiter.api.Test;

class OrganisationCrosswalkTest {

    private final OrganisationCrosswalk organisations = OrganisationCrosswalk.standard();

    @Test
    void everyBundledOrganisationWithACameoCodeIsFoundByItsKnownGroupCode() {
        List<Organisation> coded = Organisation.all().stream().filter(Organisation::isBundled)
                .filter(o -> o.cameoCode().isPresent()).toList();
        assertThat(coded).extracting(Organisation::acronym).contains("ECOWAS", "EU", "UN", "SADC", "ECCAS", "ASEAN", "LAS", "OAS");
        for (Organisation o : coded) {
            String group = o.cameoCode().get().substring(o.cameoCode().get().length() - 3);
            assertThat(organisations.cameoGroup(group).organisation()).as(group).contains(o);
        }
        assertThat(organisations.cameoGroup(" was ").organisation()).contains(Organisation.of("ECOWAS"));
        assertThat(organisations.cameoGroup("EEC").organisation()).contains(Organisation.of("EU"));
        assertThat(organisations.cameoGroup("UNO").organisation()).contains(Organisation.of("UN"));
    }

    @Test
    void knownGroupCodesOfNoOrganisationEntenteKnowsAreReportedNotGuessed() {
        assertThat(organisations.cameoGroup("NAT").outcome()).as("NATO's CAMEO code is left empty in Entente's table")
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(organisations.cameoGroup("WBK").describe()).isEqualTo("CAMEO known-group code 'WBK' names no organisation"
                + " Entente knows; it is reported, not guessed (no organisation Entente knows has a CAMEO actor code ending in WBK)");
        assertThat(organisations.cameoGroup("IGOWAS").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(organisations.cameoGroup("NA").outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void namesAreEntentesOwnOrTheTablesAndSubActorsAreTheOrganisationInParentheses() {
        assertThat(organisations.name("Economic Community of West African States").organisation()).contains(Organisation.of("ECOWAS"));
        assertThat(organisations.name("  european   UNION ").organisation()).contains(Organisation.of("EU"));
        assertThat(organisations.name("UN Security Council").organisation()).contains(Organisation.of("UN"));
        assertThat(organisations.name("Shanghai Cooperation Organization").organisation()).contains(Organisation.of("SCO"));
        assertThat(organisations.name("Confederation of Sahel States").organisation()).contains(Organisation.of("AES"));
        assertThat(organisations.name("Secretariat (Organization of American States)").organisation()).contains(Organisation.of("OAS"));
        assertThat(organisations.name("Ministry (European Commission)").organisation()).contains(Organisation.of("EU"));
        assertThat(organisations.name("Citizen (Africa)").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(organisations.name("NA").outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void trapsAreListedAsNotEntentesAndAmbiguousNamesGiveTheirCandidates() {
        OrganisationMatch councilOfEurope = organisations.name("Council of Europe");
        assertThat(councilOfEurope.outcome()).isEqualTo(Outcome.UNLISTED);
        assertThat(councilOfEurope.detail()).startsWith("not the European Union");
        assertThat(organisations.name("Organization of African Unity").detail()).startsWith("not the African Union");
        OrganisationMatch sahel = organisations.name("Sahel Alliance");
        assertThat(sahel.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(sahel.describe()).startsWith("organisation name 'Sahel Alliance' is ambiguous: AES (Alliance of Sahel States");
        assertThat(organisations.name("G5").outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(organisations.name("G5 Sahel").organisation()).contains(Organisation.of("G5S"));
    }

    @Test
    void ploverCodesAndEntenteCodesGoBothWays() {
        assertThat(organisations.ploverCode("UNO").organisation()).contains(Organisation.of("UN"));
        assertThat(organisations.ploverCode("eur").organisation()).as("in PLOVER, EUR is the EU").contains(Organisation.of("EU"));
        assertThat(organisations.ploverCode("IGO").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(organisations.ploverCodeOf(Organisation.of("UN"))).isEqualTo("UNO");
        assertThat(organisations.ploverCodeOf(Organisation.of("EU"))).isEqualTo("EUR");
        assertThat(organisations.ploverCodeOf(Organisation.of("ECOWAS"))).isEqualTo("IGO");
        assertThat(organisations.code("org:ecowas").organisation()).contains(Organisation.of("ECOWAS"));
        assertThat(organisations.code("ORG:ECOWA").detail()).contains("did you mean ECOWAS");
        assertThat(organisations.code("ECOWAS").outcome()).as("only the ORG: form is Entente's code").isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void noOrganisationNameOfTheTableIsACountryName() {
        CountryCrosswalk countries = CountryCrosswalk.standard();
        for (String[] row : CountryCrosswalk.table("icews-organisation-names.tsv", 2)) {
            assertThat(countries.icewsName(row[0]).isFound()).as(row[0]).isFalse();
            if (!row[1].equals("-") && !row[1].equals("?")) {
                assertThat(Organisation.of(row[1]).isBundled()).as(row[0]).isTrue();
                assertThat(Country.isValid(row[1])).as(row[1]).isFalse();
            }
        }
    }

    @Test
    void aMatchHasAnOrganisationExactlyWhenFound() {
        assertThatThrownBy(() -> new OrganisationMatch(OrganisationMatch.Scheme.NAME, "x", Outcome.FOUND, java.util.Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly when its outcome is FOUND");
    }
}
