package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.entente.core.Country;
import org.entente.eventdata.CountryMatch.Outcome;
import org.junit.jupiter.api.Test;

class CountryCrosswalkTest {

    private final CountryCrosswalk crosswalk = CountryCrosswalk.standard();

    private static Optional<Country> country(String code) {
        return Optional.of(Country.of(code));
    }

    @Test
    void fipsCodesOfGdeltGeographyFieldsDoNotConfuseNigerAndNigeria() {
        assertThat(crosswalk.fips("NG").country()).isEqualTo(country("NER"));
        assertThat(crosswalk.fips("NI").country()).isEqualTo(country("NGA"));
        assertThat(crosswalk.fips("UK").country()).isEqualTo(country("GBR"));
        assertThat(crosswalk.fips("US").country()).isEqualTo(country("USA"));
        assertThat(crosswalk.fips("GM").country()).isEqualTo(country("DEU"));
        assertThat(crosswalk.fips("SZ").country()).isEqualTo(country("CHE"));
        assertThat(crosswalk.fipsOf(Country.of("NER"))).contains("NG");
        assertThat(crosswalk.fipsOf(Country.of("NGA"))).contains("NI");
    }

    @Test
    void correlatesOfWarNumbersAndLettersAreNotIsoCodes() {
        assertThat(crosswalk.cow(436).country()).isEqualTo(country("NER"));
        assertThat(crosswalk.cow(475).country()).isEqualTo(country("NGA"));
        assertThat(crosswalk.cow(2).country()).isEqualTo(country("USA"));
        assertThat(crosswalk.cowLetters("NIR").country()).isEqualTo(country("NER"));
        assertThat(crosswalk.cowLetters("NIG").country()).isEqualTo(country("NGA"));
        assertThat(crosswalk.cowLetters("USA").country()).isEqualTo(country("USA"));
        assertThat(crosswalk.cowLetters("CZR").country()).isEqualTo(country("CZE"));
        assertThat(crosswalk.cowLetters("AUS").country()).as("COW AUS is Austria").isEqualTo(country("AUT"));
        assertThat(crosswalk.cowNumberOf(Country.of("NER"))).isEqualTo(OptionalInt.of(436));
        assertThat(crosswalk.cowNumberOf(Country.of("NGA"))).isEqualTo(OptionalInt.of(475));
        assertThat(crosswalk.cowLettersOf(Country.of("NER"))).contains("NIR");
        assertThat(crosswalk.cowNumberOf(Country.of("VAT"))).isEmpty();
    }

    @Test
    void formerStatesAreReportedNotMappedToASuccessor() {
        CountryMatch czechoslovakia = crosswalk.cowLetters("CZE");
        assertThat(czechoslovakia.outcome()).isEqualTo(Outcome.NOT_A_COUNTRY);
        assertThat(czechoslovakia.describe()).contains("Czechoslovakia");
        assertThat(crosswalk.cow(260).outcome()).isEqualTo(Outcome.NOT_A_COUNTRY);
        assertThat(crosswalk.cow(347).detail()).isEqualTo("Kosovo: Kosovo has no ISO 3166-1 alpha-3 code");
        assertThat(crosswalk.cow(999).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void cameoCodesAreIsoExceptTheLegacyCodesAndRegions() {
        assertThat(crosswalk.cameo("NER").country()).isEqualTo(country("NER"));
        assertThat(crosswalk.cameo("nga").country()).isEqualTo(country("NGA"));
        assertThat(crosswalk.cameo("ROM").country()).isEqualTo(country("ROU"));
        assertThat(crosswalk.cameo("TMP").country()).isEqualTo(country("TLS"));
        assertThat(crosswalk.cameo("MTN").country()).isEqualTo(country("MNE"));
        assertThat(crosswalk.cameo("IMY").country()).isEqualTo(country("IMN"));
        assertThat(crosswalk.cameo("WAF").outcome()).isEqualTo(Outcome.NOT_A_COUNTRY);
        assertThat(crosswalk.cameo("AFR").outcome()).isEqualTo(Outcome.NOT_A_COUNTRY);
        assertThat(crosswalk.cameo("AFR").describe()).isEqualTo("CAMEO country code 'AFR': Africa: a region, not a country");
        assertThat(crosswalk.cameo("NIG").outcome()).as("not guessed").isEqualTo(Outcome.UNKNOWN);
        assertThat(crosswalk.cameo("").outcome()).isEqualTo(Outcome.MISSING);
        assertThat(crosswalk.cameoOf(Country.of("ROU"))).isEqualTo("ROU");
    }

    @Test
    void icewsNamesMapWithoutGuessing() {
        assertThat(crosswalk.icewsName("Russian Federation").country()).isEqualTo(country("RUS"));
        assertThat(crosswalk.icewsName("Vietnam").country()).isEqualTo(country("VNM"));
        assertThat(crosswalk.icewsName("Moldova, Republic of").country()).isEqualTo(country("MDA"));
        assertThat(crosswalk.icewsName("the former Yugoslav Republic of Macedonia").country()).isEqualTo(country("MKD"));
        assertThat(crosswalk.icewsName("Congo").country()).isEqualTo(country("COG"));
        assertThat(crosswalk.icewsName("Democratic Republic of Congo").country()).isEqualTo(country("COD"));
        assertThat(crosswalk.icewsName("CÔTE D’IVOIRE").country()).as("case, accents, apostrophes").isEqualTo(country("CIV"));
        assertThat(crosswalk.icewsName("Bosnia & Herzegovina").country()).isEqualTo(country("BIH"));
        assertThat(crosswalk.icewsName("  United   States ").country()).isEqualTo(country("USA"));
        assertThat(crosswalk.icewsName("Myanmar (Burma)").country()).as("Entente's own name").isEqualTo(country("MMR"));

        CountryMatch opt = crosswalk.icewsName("Occupied Palestinian Territory");
        assertThat(opt.outcome()).isEqualTo(Outcome.NOT_A_COUNTRY);
        assertThat(opt.describe()).startsWith("ICEWS country name 'Occupied Palestinian Territory': not a state");
        assertThat(crosswalk.icewsName("Korea").outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(crosswalk.icewsName("Korea").detail()).contains("PRK").contains("KOR");
        assertThat(crosswalk.icewsName("Ruritania").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(crosswalk.icewsName("NA").outcome()).isEqualTo(Outcome.MISSING);
        assertThat(crosswalk.icewsNameOf(Country.of("RUS"))).isEqualTo("Russian Federation");
    }

    @Test
    void isoCodesAreCheckedAndUnknownOnesGetSuggestions() {
        assertThat(crosswalk.iso("ner").country()).isEqualTo(country("NER"));
        CountryMatch nig = crosswalk.iso("NIG");
        assertThat(nig.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(nig.detail()).contains("NER (Niger)").contains("NGA (Nigeria)");
    }

    @Test
    void everyIsoCodeOfTheTablesIsACountryEntenteKnowsAndNoKeyAppearsTwice() throws IOException {
        for (String table : List.of("fips-10-4.tsv", "cow-states.tsv", "cameo-country-codes.tsv", "icews-country-names.tsv")) {
            Set<String> keys = new HashSet<>();
            List<String[]> rows = rows(table);
            assertThat(rows).as(table).isNotEmpty();
            for (String[] r : rows) {
                assertThat(keys.add(r[0].toLowerCase())).as(table + " key " + r[0]).isTrue();
                String iso = table.equals("cow-states.tsv") ? r[2] : r[1];
                if (!iso.equals("-") && !iso.equals("?")) {
                    assertThat(Country.isValid(iso)).as(table + " " + r[0] + " -> " + iso).isTrue();
                }
            }
        }
    }

    @Test
    void everyCountryHasOneFipsCodeExceptTheFewWithNoneOrSeveral() {
        Set<String> without = new TreeSet<>();
        for (Country c : Country.all()) {
            if (crosswalk.fipsOf(c).isEmpty()) {
                without.add(c.code());
            }
        }
        // ALA, BES and PSE have no FIPS 10-4 code of their own; UMI's islands and Svalbard/Jan Mayen have several.
        assertThat(without).containsExactly("ALA", "BES", "PSE", "SJM", "UMI");
    }

    @Test
    void everyMemberOfTheStateSystemHasACowNumberThatMapsBack() {
        for (String[] r : rows("cow-states.tsv")) {
            if (!r[2].equals("-")) {
                Country c = Country.of(r[2]);
                assertThat(crosswalk.cowNumberOf(c)).as(r[1]).isEqualTo(OptionalInt.of(Integer.parseInt(r[0])));
                assertThat(crosswalk.cow(Integer.parseInt(r[0])).country()).contains(c);
            }
        }
    }

    @Test
    void everyCountryHasAnIcewsNameThatMapsBack() {
        for (Country c : Country.all()) {
            assertThat(crosswalk.icewsName(crosswalk.icewsNameOf(c)).country()).as(c.code()).contains(c);
        }
    }

    private static List<String[]> rows(String table) {
        try (InputStream in = CountryCrosswalk.class.getResourceAsStream(table)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
