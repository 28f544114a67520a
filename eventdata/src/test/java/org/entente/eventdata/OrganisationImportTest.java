package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactEvent.InteractionRecorded;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;

/**
 * Rows whose actors are organisations, in the three datasets.
 *
 * <p>Every row here is a SYNTHETIC TEST ROW written for this test: not a real event, not taken from any
 * dataset. Their publisher says so, their ids start with {@code synthetic}, and GDELT's rows point at
 * {@code example.org}. Only the header of the ICEWS sample is real (see PROVENANCE.md).
 */
class OrganisationImportTest {

    private static final Dyad NER_ECOWAS = Dyad.of(Country.of("NER"), Organisation.of("ECOWAS"));
    private static final String SYNTHETIC = "Synthetic test row (not a real event)";
    private static final String IGO_SECTORS = "International Government Organization,Regional Diplomatic IGOs,Regional";

    // ------------------------------------------------------------------------------------------ ICEWS

    /** A synthetic ICEWS row in the sample's 20 columns: country "NA" and a name for an organisation. */
    private static String icews(String id, String sourceName, String sourceSectors, String sourceCountry, String code,
                                String targetName, String targetSectors, String targetCountry) {
        return String.join("\t", "synthetic-" + id, "2024-01-28", sourceName, sourceSectors, sourceCountry, "Consult", code, "1",
                targetName, targetSectors, targetCountry, "NA", "NA", SYNTHETIC, "NA", "NA", "NA", "NA", "NA", "NA");
    }

    private static String icewsFile(String... rows) {
        return Samples.lines(Samples.ICEWS).get(0) + "\n" + String.join("\n", rows);
    }

    @Test
    void icewsRowsBetweenNigerAndEcowasImportAsFactsOfTheirDyad() throws IOException {
        String text = icewsFile(
                icews("1", "Niger", "NA", "Niger", "040", "Economic Community of West African States", IGO_SECTORS, "NA"),
                icews("2", "Ministry (Economic Community of West African States)", IGO_SECTORS, "NA", "040", "Niger", "NA", "Niger"));

        try (Entente entente = Entente.inMemory()) {
            ImportReport report = Importer.icews().record(entente,
                    Importer.icews().parse(new StringReader(text), "synthetic.tab", ImportProgress.NONE), ImportProgress.NONE);

            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.skips().isEmpty()).isTrue();
            List<InteractionRecorded> facts = interactions(entente, NER_ECOWAS);
            assertThat(facts).extracting(f -> f.fact().id().value()).containsExactly("icews-synthetic-1", "icews-synthetic-2");
            assertThat(facts.get(0).fact().actor()).isEqualTo(Country.of("NER"));
            assertThat(facts.get(0).fact().target()).isEqualTo(Organisation.of("ECOWAS"));
            assertThat(facts.get(1).fact().actor()).as("a sub-actor is the organisation in parentheses").isEqualTo(Organisation.of("ECOWAS"));
            assertThat(facts.get(0).fact().sources().get(0).publisher()).contains(SYNTHETIC);
        }
    }

    @Test
    void icewsRowsNamingAnUnknownOrAnAmbiguousOrganisationAreSkippedWithTheirReason() throws IOException {
        String text = icewsFile(
                icews("1", "Liptako-Gourma Authority", IGO_SECTORS, "NA", "040", "Niger", "NA", "Niger"),
                icews("2", "Niger", "NA", "Niger", "040", "G5", IGO_SECTORS, "NA"),
                icews("3", "Niger", "NA", "Niger", "040", "Unspecified Actor", "Unspecified", "NA"),
                icews("4", "Niger", "NA", "Niger", "040", "Council of Europe", IGO_SECTORS, "NA"));

        ParseResult parsed = Importer.icews().parse(new StringReader(text), "synthetic.tab", ImportProgress.NONE);

        assertThat(parsed.commands()).isEmpty();
        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason() + ": " + s.detail()).containsExactly(
                "2 UNKNOWN_ORGANISATION: source: organisation name 'Liptako-Gourma Authority' names no organisation Entente knows;"
                        + " it is reported, not guessed; ICEWS gives no country and the sector International Government Organization",
                "3 AMBIGUOUS_ORGANISATION: target: organisation name 'G5' is ambiguous: G5S (G5 Sahel) or the Group of Five emerging"
                        + " economies (Brazil, China, India, Mexico, South Africa), which Entente does not know",
                "4 MISSING_COUNTRY: target: ICEWS country name missing",
                "5 UNKNOWN_ORGANISATION: target: organisation name 'Council of Europe': not the European Union: a separate"
                        + " organisation of European states, which Entente's table does not list");
    }

    @Test
    void anIcewsPersonWithACountryStaysThatCountryWhateverTheSectorsSay() throws IOException {
        String text = icewsFile(icews("1", "Synthetic Commissioner", IGO_SECTORS, "Italy", "040", "Niger", "NA", "Niger"));

        ParseResult parsed = Importer.icews().parse(new StringReader(text), "synthetic.tab", ImportProgress.NONE);

        assertThat(parsed.commands()).singleElement().satisfies(c -> assertThat(c.fact().actor()).isEqualTo(Country.of("ITA")));
    }

    // ------------------------------------------------------------------------------------------ GDELT

    /** A synthetic GDELT 2.0 row of 61 columns; only the columns the importer reads are filled. */
    private static String gdelt(String id, String code1, String name1, String country1, String group1,
                                String code2, String name2, String country2, String group2) {
        String[] cells = new String[GdeltImporter.COLUMNS];
        Arrays.fill(cells, "");
        cells[GdeltImporter.ID] = id;
        cells[GdeltImporter.DAY] = "20240128";
        cells[GdeltImporter.ACTOR1_CODE] = code1;
        cells[GdeltImporter.ACTOR1_NAME] = name1;
        cells[GdeltImporter.ACTOR1_COUNTRY] = country1;
        cells[GdeltImporter.ACTOR1_GROUP] = group1;
        cells[GdeltImporter.ACTOR2_CODE] = code2;
        cells[GdeltImporter.ACTOR2_NAME] = name2;
        cells[GdeltImporter.ACTOR2_COUNTRY] = country2;
        cells[GdeltImporter.ACTOR2_GROUP] = group2;
        cells[GdeltImporter.EVENT_CODE] = "040";
        cells[GdeltImporter.GOLDSTEIN] = "1.0";
        cells[GdeltImporter.DATE_ADDED] = "20240128120000";
        cells[GdeltImporter.SOURCE_URL] = "https://example.org/synthetic-test-row-" + id;
        return String.join("\t", cells);
    }

    @Test
    void gdeltRowsBetweenNigerAndEcowasImportByTheKnownGroupCode() throws IOException {
        String text = String.join("\n",
                gdelt("9000000001", "NER", "NIGER", "NER", "", "IGOWAS", "ECONOMIC COMMUNITY OF WEST AFRICAN STATES", "", "WAS"),
                gdelt("9000000002", "IGOWAS", "ECOWAS", "", "WAS", "NERGOV", "NIGER", "NER", ""));

        try (Entente entente = Entente.inMemory()) {
            ImportReport report = Importer.gdelt().record(entente,
                    Importer.gdelt().parse(new StringReader(text), "synthetic.tsv", ImportProgress.NONE), ImportProgress.NONE);

            assertThat(report.imported()).isEqualTo(2);
            List<InteractionRecorded> facts = interactions(entente, NER_ECOWAS);
            assertThat(facts).extracting(f -> f.fact().id().value()).containsExactly("gdelt-9000000001", "gdelt-9000000002");
            assertThat(facts.get(0).fact().target()).isEqualTo(Organisation.of("ECOWAS"));
            assertThat(facts.get(1).fact().actor()).isEqualTo(Organisation.of("ECOWAS"));
            assertThat(facts.get(1).fact().target()).isEqualTo(Country.of("NER"));
            assertThat(facts.get(0).description()).isEqualTo("NIGER → ECONOMIC COMMUNITY OF WEST AFRICAN STATES: Consult, not specified below (040)");
            assertThat(facts.get(0).fact().sources().get(0).publisher()).contains("example.org");
        }
    }

    @Test
    void gdeltOrganisationsUnknownToEntenteOrUnnamedAreSkippedWithTheirReason() throws IOException {
        String text = String.join("\n",
                gdelt("1", "NER", "NIGER", "NER", "", "IGOWBK", "WORLD BANK", "", "WBK"),
                gdelt("2", "IGO", "INTERNATIONAL ORGANIZATION", "", "", "NER", "NIGER", "NER", ""),
                gdelt("3", "IGOPKO", "SENEGALESE PEACEKEEPERS", "SEN", "", "NER", "NIGER", "NER", ""),
                gdelt("4", "IGOEEC", "EUROPEAN UNION", "", "EEC", "IGOUNO", "UNITED NATIONS", "", "UNO"));

        ParseResult parsed = Importer.gdelt().parse(new StringReader(text), "synthetic.tsv", ImportProgress.NONE);

        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason() + ": " + s.detail()).containsExactly(
                "1 UNKNOWN_ORGANISATION: target: CAMEO known-group code 'WBK' names no organisation Entente knows; it is reported,"
                        + " not guessed (no organisation Entente knows has a CAMEO actor code ending in WBK)",
                "2 UNKNOWN_ORGANISATION: source: GDELT actor code 'IGO' is an intergovernmental organisation's, and no known-group"
                        + " code says which",
                "3 UNKNOWN_ORGANISATION: source: GDELT actor code 'IGOPKO' is an intergovernmental organisation's, and no"
                        + " known-group code says which");
        assertThat(parsed.commands()).singleElement().satisfies(c -> {
            assertThat(c.fact().actor()).isEqualTo(Organisation.of("EU"));
            assertThat(c.fact().target()).isEqualTo(Organisation.of("UN"));
        });
    }

    @Test
    void aGdeltKnownGroupCodeTwoRegisteredOrganisationsShareIsAmbiguous() throws IOException {
        // The CAMEO manual v1.1b3 (Table 3.4) gives IGOCEM to both COMESA and CEMAC; a user who registers both
        // with the manual's code makes GDELT's "CEM" name two organisations.
        Organisation.register("COMESA", "Common Market for Eastern and Southern Africa", "IGOCEM");
        Organisation.register("CEMAC", "Economic and Monetary Community of Central Africa", "IGOCEM");
        String text = gdelt("1", "IGOCEM", "CENTRAL AFRICAN MONETARY COMMUNITY", "", "CEM", "TCD", "CHAD", "TCD", "");

        ParseResult parsed = Importer.gdelt().parse(new StringReader(text), "synthetic.tsv", ImportProgress.NONE);

        assertThat(parsed.skips().all()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.AMBIGUOUS_ORGANISATION);
            assertThat(s.detail()).isEqualTo("source: CAMEO known-group code 'CEM' is ambiguous: CEMAC (Economic and Monetary"
                    + " Community of Central Africa, IGOCEM) or COMESA (Common Market for Eastern and Southern Africa, IGOCEM)");
        });
    }

    // ----------------------------------------------------------------------------------------- PLOVER

    @Test
    void ploverLinesNameOrganisationsByPloverCodesEntityNamesOrEntenteCodes() throws IOException {
        String text = String.join("\n",
                "{\"id\": \"synthetic-1\", \"date\": \"2024-01-28\", \"actor\": \"NER\", \"recipient\": {\"country_name\": \"IGO\","
                        + " \"entity_name\": \"Economic Community of West African States\"}, \"event\": \"CONSULT\", \"publisher\": \"" + SYNTHETIC + "\"}",
                "{\"id\": \"synthetic-2\", \"date\": \"2024-01-28\", \"actor\": \"ORG:ECOWAS\", \"recipient\": \"NER\", \"event\": \"CONSULT\","
                        + " \"publisher\": \"" + SYNTHETIC + "\"}",
                "{\"id\": \"synthetic-3\", \"date\": \"2024-01-28\", \"actor\": \"EUR\", \"recipient\": \"UNO\", \"event\": \"CONSULT\","
                        + " \"publisher\": \"" + SYNTHETIC + "\"}",
                "{\"id\": \"synthetic-4\", \"date\": \"2024-01-28\", \"actor\": \"IGO\", \"recipient\": \"NER\", \"event\": \"CONSULT\"}",
                "{\"id\": \"synthetic-5\", \"date\": \"2024-01-28\", \"actor\": {\"country_name\": \"IGO\", \"entity_name\": \"Sahel Alliance\"},"
                        + " \"recipient\": \"NER\", \"event\": \"CONSULT\"}",
                "{\"id\": \"synthetic-6\", \"date\": \"2024-01-28\", \"actor\": \"ORG:ECOWA\", \"recipient\": \"NER\", \"event\": \"CONSULT\"}");

        ParseResult parsed = Importer.plover().parse(new StringReader(text), "synthetic.jsonl", ImportProgress.NONE);

        assertThat(parsed.commands()).extracting(c -> c.fact().actor().code() + " → " + c.fact().target().code())
                .containsExactly("NER → ORG:ECOWAS", "ORG:ECOWAS → NER", "ORG:EU → ORG:UN");
        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason()).containsExactly(
                "4 UNKNOWN_ORGANISATION", "5 AMBIGUOUS_ORGANISATION", "6 UNKNOWN_ORGANISATION");
        assertThat(parsed.skips().all().get(0).detail()).isEqualTo("source: PLOVER actor code 'IGO' names no organisation Entente"
                + " knows; it is reported, not guessed (PLOVER's code for any intergovernmental organisation but the UN and the EU;"
                + " an entity_name says which)");
        assertThat(parsed.skips().all().get(2).detail()).contains("did you mean ECOWAS (Economic Community of West African States)?");
    }

    private static List<InteractionRecorded> interactions(Entente entente, Dyad dyad) {
        return entente.timeline(dyad, TimelineFilter.all()).stream().map(e -> (FactEvent) e.fact())
                .map(InteractionRecorded.class::cast).toList();
    }
}
