package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactEvent.InteractionRecorded;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcewsImportTest {

    /**
     * Every country name of the sample with its ISO code, as this test decides it independently of the
     * crosswalk's table. "NA" (no country) and "Occupied Palestinian Territory" (not a state) are the
     * only names of the sample without a code.
     */
    private static final Map<String, String> SAMPLE_NAMES = names("""
            Afghanistan	AFG
            Algeria	DZA
            Andorra	AND
            Argentina	ARG
            Armenia	ARM
            Australia	AUS
            Austria	AUT
            Azerbaijan	AZE
            Bangladesh	BGD
            Belarus	BLR
            Belgium	BEL
            Benin	BEN
            Bolivia	BOL
            Bosnia and Herzegovina	BIH
            Botswana	BWA
            Brazil	BRA
            Bulgaria	BGR
            Burkina Faso	BFA
            Burundi	BDI
            Cambodia	KHM
            Cameroon	CMR
            Canada	CAN
            Chad	TCD
            Chile	CHL
            China	CHN
            Colombia	COL
            Comoros	COM
            Congo	COG
            Costa Rica	CRI
            Cote d'Ivoire	CIV
            Croatia	HRV
            Cuba	CUB
            Czech Republic	CZE
            Democratic Republic of Congo	COD
            Egypt	EGY
            Equatorial Guinea	GNQ
            Estonia	EST
            Ethiopia	ETH
            Finland	FIN
            France	FRA
            Gambia	GMB
            Georgia	GEO
            Germany	DEU
            Ghana	GHA
            Greece	GRC
            Guatemala	GTM
            Guinea	GIN
            Guinea-Bissau	GNB
            Haiti	HTI
            Holy See	VAT
            Honduras	HND
            Hong Kong	HKG
            Hungary	HUN
            India	IND
            Indonesia	IDN
            Iran	IRN
            Iraq	IRQ
            Ireland	IRL
            Israel	ISR
            Italy	ITA
            Japan	JPN
            Jordan	JOR
            Kazakhstan	KAZ
            Kenya	KEN
            Kuwait	KWT
            Kyrgyzstan	KGZ
            Laos	LAO
            Latvia	LVA
            Lebanon	LBN
            Liberia	LBR
            Libya	LBY
            Lithuania	LTU
            Luxembourg	LUX
            Madagascar	MDG
            Malawi	MWI
            Malaysia	MYS
            Maldives	MDV
            Mali	MLI
            Marshall Islands	MHL
            Mauritania	MRT
            Mexico	MEX
            Moldova, Republic of	MDA
            Monaco	MCO
            Montenegro	MNE
            Morocco	MAR
            Mozambique	MOZ
            Myanmar	MMR
            Namibia	NAM
            Nepal	NPL
            Netherlands	NLD
            New Zealand	NZL
            Nicaragua	NIC
            Nigeria	NGA
            North Korea	PRK
            Norway	NOR
            Oman	OMN
            Pakistan	PAK
            Panama	PAN
            Papua New Guinea	PNG
            Philippines	PHL
            Poland	POL
            Portugal	PRT
            Qatar	QAT
            Romania	ROU
            Russian Federation	RUS
            Rwanda	RWA
            Saudi Arabia	SAU
            Senegal	SEN
            Serbia	SRB
            Seychelles	SYC
            Sierra Leone	SLE
            Singapore	SGP
            Slovakia	SVK
            Slovenia	SVN
            Somalia	SOM
            South Africa	ZAF
            South Korea	KOR
            South Sudan	SSD
            Spain	ESP
            Sri Lanka	LKA
            Sudan	SDN
            Swaziland	SWZ
            Sweden	SWE
            Switzerland	CHE
            Syria	SYR
            Taiwan	TWN
            Tajikistan	TJK
            Tanzania	TZA
            Thailand	THA
            Timor-Leste	TLS
            Togo	TGO
            Tunisia	TUN
            Turkey	TUR
            Turkmenistan	TKM
            Uganda	UGA
            Ukraine	UKR
            United Arab Emirates	ARE
            United Kingdom	GBR
            United States	USA
            Uruguay	URY
            Uzbekistan	UZB
            Venezuela	VEN
            Vietnam	VNM
            Western Sahara	ESH
            Yemen	YEM
            Zimbabwe	ZWE
            the former Yugoslav Republic of Macedonia	MKD
            """);

    /**
     * Every name of the sample that has no country and the sector "International Government Organization", or
     * that names an organisation, with the acronym of Entente's organisation it names, as this test decides it
     * independently of the crosswalk's table; "-" for the names of no organisation Entente knows (the G7, the
     * Council of Europe, which is not the EU, agencies, people without a country).
     */
    private static final Map<String, String> SAMPLE_ORGANISATIONS = names("""
            European Union	EU
            United Nations	UN
            UN Security Council	UN
            European Commission	EU
            European Parliament	EU
            Ministry (European Union)	EU
            Association of Southeast Asian Nations	ASEAN
            Organization of American States	OAS
            Secretariat (Organization of American States)	OAS
            North Atlantic Treaty Organization	NATO
            Shanghai Cooperation Organization	SCO
            G7	-
            Ministry (G7)	-
            Council of Europe	-
            International Monetary Fund	-
            World Bank	-
            World Health Organization	-
            World Trade Organization	-
            Europol	-
            Interpol	-
            International Government Organizations	-
            Antonio Tajani	-
            Cecilia Malmstrom	-
            Philip Alston	-
            Masood Ahmed	-
            Mina Andreeva	-
            Staffan de Mistura	-
            """);

    private Entente entente;

    @BeforeEach
    void open() {
        entente = Entente.inMemory();
    }

    @AfterEach
    void close() {
        entente.close();
    }

    /** What the test expects of each data row, computed from the raw file and the test's own table. */
    private record Expected(int imported, Map<SkipReason, Integer> counts, Set<String> skippedLines) {
    }

    private static Expected expectedFromTheRawFile(List<String> lines) {
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int[] source = {header.indexOf("Source Country"), header.indexOf("Source Name"), header.indexOf("Source Sectors")};
        int[] target = {header.indexOf("Target Country"), header.indexOf("Target Name"), header.indexOf("Target Sectors")};
        int imported = 0;
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        Set<String> skipped = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            SkipReason reason = reason(cells, source);
            if (reason == null) {
                reason = reason(cells, target);
            }
            if (reason == null && actorCode(cells, source).equals(actorCode(cells, target))) {
                reason = SkipReason.SAME_COUNTRY;
            }
            if (reason == null) {
                imported++;
            } else {
                counts.merge(reason, 1, Integer::sum);
                skipped.add((i + 1) + " " + reason);
            }
        }
        return new Expected(imported, counts, skipped);
    }

    /** Why a side (its country, name and sectors columns) is skipped, or null when it is a known actor. */
    private static SkipReason reason(String[] cells, int[] side) {
        String country = cells[side[0]];
        if (country.equals("NA")) {
            String organisation = SAMPLE_ORGANISATIONS.get(cells[side[1]]);
            if (organisation == null) {
                if (cells[side[2]].contains("International Government Organization")) {
                    throw new AssertionError("the test's table lacks the sample's organisation name '" + cells[side[1]] + "'");
                }
                return SkipReason.MISSING_COUNTRY;
            }
            return organisation.equals("-") ? SkipReason.UNKNOWN_ORGANISATION : null;
        }
        if (country.equals("Occupied Palestinian Territory")) {
            return SkipReason.NOT_A_COUNTRY;
        }
        if (!SAMPLE_NAMES.containsKey(country)) {
            throw new AssertionError("the test's table lacks the sample's name '" + country + "'");
        }
        return null;
    }

    /** The code of a side that {@link #reason} accepted: the country's ISO code, or ORG: and the acronym. */
    private static String actorCode(String[] cells, int[] side) {
        String country = cells[side[0]];
        return country.equals("NA") ? "ORG:" + SAMPLE_ORGANISATIONS.get(cells[side[1]]) : SAMPLE_NAMES.get(country);
    }

    @Test
    void theSampleImportsWithTheCountsComputedIndependentlyFromTheRawFile() throws IOException {
        Expected expected = expectedFromTheRawFile(Samples.lines(Samples.ICEWS));

        ImportReport report = Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);

        assertThat(report.rows()).isEqualTo(3705);
        assertThat(report.imported()).isEqualTo(expected.imported()).isEqualTo(1840);
        assertThat(report.unchanged()).isZero();
        assertThat(report.skips().countsByReason()).isEqualTo(expected.counts()).isEqualTo(Map.of(
                SkipReason.SAME_COUNTRY, 1593, SkipReason.MISSING_COUNTRY, 156, SkipReason.NOT_A_COUNTRY, 77,
                SkipReason.UNKNOWN_ORGANISATION, 39));
        Set<String> skippedLines = new HashSet<>();
        report.skips().all().forEach(s -> skippedLines.add(s.line() + " " + s.reason()));
        assertThat(skippedLines).isEqualTo(expected.skippedLines());
        assertThat(Exporter.facts(entente)).hasSize(1840).allSatisfy(f -> assertThat(f).isInstanceOf(InteractionRecorded.class));
    }

    @Test
    void everyNameOfTheSampleMapsAsTheTestDecidedIt() {
        CountryCrosswalk crosswalk = CountryCrosswalk.standard();
        SAMPLE_NAMES.forEach((name, code) -> assertThat(crosswalk.icewsName(name).country()).as(name).contains(Country.of(code)));
        assertThat(crosswalk.icewsName("NA").outcome()).isEqualTo(CountryMatch.Outcome.MISSING);
        assertThat(crosswalk.icewsName("Occupied Palestinian Territory").outcome()).isEqualTo(CountryMatch.Outcome.NOT_A_COUNTRY);
    }

    @Test
    void importingTheSampleTwiceAddsNothing() throws IOException {
        Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);

        ImportReport again = Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);

        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(1840);
        assertThat(again.changed()).isEmpty();
        assertThat(Exporter.facts(entente)).hasSize(1840);
    }

    @Test
    void handCheckedRowsComeOutWithTheirDyadDirectionDateCodeAndValue() throws IOException {
        ImportReport report = Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);

        InteractionRecorded first = interaction("BGD", "VNM", "icews-32889836");
        assertThat(first.fact().actor()).isEqualTo(Country.of("BGD"));
        assertThat(first.fact().target()).isEqualTo(Country.of("VNM"));
        assertThat(first.fact().happened().day()).isEqualTo(LocalDate.of(2018, 6, 1));
        assertThat(first.fact().happened().precision()).isEqualTo(Precision.DAY);
        assertThat(first.code().code()).isEqualTo("040");
        assertThat(first.goldstein()).isEqualTo(1.0);
        assertThat(first.description()).isEqualTo("Foreign Affairs (Bangladesh) → High Ranking Military Personnel (Vietnam): Consult");
        assertThat(first.fact().sources()).containsExactly(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                .withPublisher("Vietnam News Agency Bulletin").withNote("ICEWS story 47400351, sentence 2"));

        InteractionRecorded reverse = interaction("BGD", "VNM", "icews-32889837");
        assertThat(reverse.fact().actor()).isEqualTo(Country.of("VNM"));
        assertThat(reverse.fact().target()).isEqualTo(Country.of("BGD"));

        InteractionRecorded appeal = interaction("JPN", "USA", "icews-32890677");
        assertThat(appeal.fact().actor()).isEqualTo(Country.of("JPN"));
        assertThat(appeal.code().code()).isEqualTo("022");
        assertThat(appeal.goldstein()).as("the CAMEO table's value, not the row's 3.4").isEqualTo(3.2);
        assertThat(appeal.description()).endsWith("[ICEWS intensity 3.4; Entente uses the CAMEO table's 3.2]");

        InteractionRecorded negotiation = interaction("GRC", "MKD", "icews-32898028");
        assertThat(negotiation.fact().actor()).isEqualTo(Country.of("GRC"));
        assertThat(negotiation.code().code()).isEqualTo("046");
        assertThat(negotiation.goldstein()).isEqualTo(7.0);

        InteractionRecorded congo = interaction("COG", "FRA", "icews-32896843");
        assertThat(congo.fact().actor()).isEqualTo(Country.of("FRA"));
        assertThat(congo.fact().target()).as("ICEWS's \"Congo\" is Congo-Brazzaville").isEqualTo(Country.of("COG"));
        assertThat(congo.fact().happened().day()).isEqualTo(LocalDate.of(2018, 6, 2));
        assertThat(congo.code().code()).isEqualTo("043");

        assertThat(skipAt(report, 66).reason()).isEqualTo(SkipReason.NOT_A_COUNTRY);
        assertThat(skipAt(report, 66).detail()).startsWith("source: ICEWS country name 'Occupied Palestinian Territory': not a state");
        assertThat(skipAt(report, 67).detail()).startsWith("target: ");
        assertThat(skipAt(report, 611).reason()).isEqualTo(SkipReason.SAME_COUNTRY);
        assertThat(skipAt(report, 611).rowId()).isEqualTo("32891466");
    }

    @Test
    void rowsOfTheSampleWithOrganisationsComeOutInTheirDyadsOrAreSkippedWithTheirReason() throws IOException {
        ImportReport report = Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);

        InteractionRecorded eu = interaction(Dyad.of(Country.of("USA"), Organisation.of("EU")), "icews-32891488");
        assertThat(eu.fact().actor()).isEqualTo(Organisation.of("EU"));
        assertThat(eu.fact().target()).isEqualTo(Country.of("USA"));
        assertThat(eu.code().code()).isEqualTo("050");
        assertThat(eu.description()).isEqualTo("European Union → United States: Engage in diplomatic cooperation");

        InteractionRecorded oas = interaction(Dyad.of(Country.of("NIC"), Organisation.of("OAS")), "icews-32896215");
        assertThat(oas.fact().actor()).as("the Secretariat (Organization of American States) is the OAS").isEqualTo(Organisation.of("OAS"));

        assertThat(skipAt(report, 1505).reason()).isEqualTo(SkipReason.UNKNOWN_ORGANISATION);
        assertThat(skipAt(report, 1505).detail()).isEqualTo("source: organisation name 'Council of Europe': not the European Union: "
                + "a separate organisation of European states, which Entente's table does not list");
        assertThat(skipAt(report, 1404).reason()).as("the European Parliament and the European Commission are both the EU")
                .isEqualTo(SkipReason.SAME_COUNTRY);
        assertThat(skipAt(report, 1404).detail()).isEqualTo("ORG:EU European Union");
    }

    @Test
    void aNewerReleaseAddsOnlyItsNewRowsAndReportsTheChangedOnes(@TempDir Path dir) throws IOException {
        List<String> lines = Samples.lines(Samples.ICEWS);
        Path first = dir.resolve("events.2018.tab");
        Files.write(first, lines.subList(0, 1001), StandardCharsets.UTF_8);
        ImportReport before = Importer.icews().importFile(entente, first, ImportProgress.NONE);

        List<String> newer = new ArrayList<>(lines);
        newer.set(1, lines.get(1).replace("\tConsult\t040\t1\t", "\tHost a visit\t043\t2.8\t"));
        assertThat(newer.get(1)).isNotEqualTo(lines.get(1));
        Path second = dir.resolve("events.2018.tab");
        Files.write(second, newer, StandardCharsets.UTF_8);
        ImportReport after = Importer.icews().importFile(entente, second, ImportProgress.NONE);

        assertThat(after.changed()).hasSize(1);
        Skip changed = after.changed().get(0);
        assertThat(changed.line()).isEqualTo(2);
        assertThat(changed.rowId()).isEqualTo("32889836");
        assertThat(changed.detail()).contains("CAMEO 040 now 043");
        assertThat(after.imported()).isEqualTo(1840 - before.imported());
        assertThat(after.unchanged()).isEqualTo(before.imported() - 1);
        assertThat(interaction("BGD", "VNM", "icews-32889836").code().code()).as("the recorded fact is kept").isEqualTo("040");
        assertThat(Exporter.facts(entente)).hasSize(1840);
    }

    @Test
    void parsingRecordsNothing() throws IOException {
        ParseResult parsed = Importer.icews().parse(Samples.path(Samples.ICEWS));

        assertThat(parsed.rows()).isEqualTo(3705);
        assertThat(parsed.commands()).hasSize(1840);
        assertThat(parsed.skips().size()).isEqualTo(3705 - 1840);
        assertThat(Exporter.facts(entente)).isEmpty();
    }

    @Test
    void aDryRunSaysWhatWouldBeImportedAndWritesNothing() throws IOException {
        ImportReport dry = Importer.icews().dryRun(entente, Samples.path(Samples.ICEWS));

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.imported()).isEqualTo(1840);
        assertThat(Exporter.facts(entente)).isEmpty();
    }

    @Test
    void progressIsToldWhileReadingAndWriting() throws IOException {
        List<String> told = new ArrayList<>();

        Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), (phase, done, total) -> told.add(phase + " " + done + "/" + total));

        assertThat(told).contains("READING 3705/-1");
        assertThat(told.get(told.size() - 1)).isEqualTo("WRITING 1840/1840");
        assertThat(told).filteredOn(t -> t.startsWith("WRITING")).hasSizeGreaterThan(1);
    }

    @Test
    void aFileWithoutTheIcewsHeaderIsRefusedNamingTheMissingColumns() {
        String gdeltLike = String.join("\n", Samples.lines(Samples.GDELT));

        assertThatThrownBy(() -> Importer.icews().parse(new StringReader(gdeltLike), "x.tsv", ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.tsv line 1 is not an ICEWS header")
                .hasMessageContaining("Event ID");
    }

    @Test
    void rowsOfTheWrongShapeOrWithBadFieldsAreSkippedWithTheirLine() throws IOException {
        List<String> lines = Samples.lines(Samples.ICEWS);
        String good = lines.get(1);
        String text = String.join("\n", lines.get(0),
                good.substring(0, good.lastIndexOf('\t')),                       // 19 columns
                good.replace("32889836\t2018-06-01", "32889836\t2018-06-31"),     // no such day
                good.replace("\t040\t", "\t999\t").replace("32889836", "1"),      // no such code
                good.replace("32889836", "not an id!"),
                "",                                                                // blank lines are not rows
                good.replace("32889836", "2"),
                good.replace("32889836", "2"));                                    // the same id again

        ParseResult parsed = Importer.icews().parse(new StringReader(text), "t.tab", ImportProgress.NONE);

        assertThat(parsed.rows()).isEqualTo(6);
        assertThat(parsed.parsed()).extracting(ParsedRow::line).containsExactly(7);
        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason()).containsExactly(
                "2 MALFORMED_ROW", "3 BAD_DATE", "4 BAD_EVENT_CODE", "5 BAD_ID", "8 DUPLICATE_ID");
        assertThat(parsed.skips().of(SkipReason.DUPLICATE_ID).get(0).detail()).isEqualTo("same content as line 7");
    }

    @Test
    void aRowWhoseTextsHoldControlCharactersIsSkippedNamingTheFieldAndTheCharacter() throws IOException {
        List<String> lines = Samples.lines(Samples.ICEWS);
        String good = lines.get(1);
        String text = String.join("\n", lines.get(0),
                good.replace("Vietnam News Agency Bulletin", "Vietnam News Agency\u001b]0;pwned\u0007"),
                good.replace("32889836", "2").replace("\tConsult\t", "\tConsult\u202E\t"),
                good.replace("32889836", "3"));

        ParseResult parsed = Importer.icews().parse(new StringReader(text), "t.tab", ImportProgress.NONE);

        assertThat(parsed.parsed()).extracting(ParsedRow::line).containsExactly(4);
        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason() + ": " + s.detail()).satisfiesExactly(
                s -> assertThat(s).startsWith("2 MALFORMED_ROW: source publisher: U+001B (ESC) at character 20 is refused"),
                s -> assertThat(s).startsWith("3 MALFORMED_ROW: fact icews-2, description: U+202E (RLO) at character"));
    }

    private InteractionRecorded interaction(String a, String b, String id) {
        return interaction(Dyad.of(Country.of(a), Country.of(b)), id);
    }

    private InteractionRecorded interaction(Dyad dyad, String id) {
        return entente.timeline(dyad, TimelineFilter.all()).stream()
                .map(e -> e.fact())
                .filter(f -> f.fact().id().value().equals(id))
                .map(InteractionRecorded.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(id + " is not recorded in " + dyad));
    }

    private static Skip skipAt(ImportReport report, int line) {
        return report.skips().all().stream().filter(s -> s.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("line " + line + " was not skipped"));
    }

    private static Map<String, String> names(String table) {
        Map<String, String> m = new HashMap<>();
        table.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] cells = l.strip().split("\t");
            m.put(cells[0], cells[1]);
        });
        return m;
    }
}
