package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand.RecordInteraction;
import org.entente.core.relationship.FactEvent.InteractionRecorded;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;

class GdeltImportTest {

    @Test
    void theRowsImportWithDayAsHappenedAndDateAddedAsPublication() throws IOException {
        try (Entente entente = Entente.inMemory()) {
            ImportReport report = Importer.gdelt().importFile(entente, Samples.path(Samples.GDELT), ImportProgress.NONE);

            assertThat(report.rows()).isEqualTo(3);
            assertThat(report.imported()).isEqualTo(3);
            assertThat(report.skips().isEmpty()).isTrue();

            InteractionRecorded visit = (InteractionRecorded) entente.timeline(Dyad.of(Country.of("GBR"), Country.of("IRL")),
                    TimelineFilter.all()).get(0).fact();
            assertThat(visit.fact().id().value()).isEqualTo("gdelt-1193447408");
            assertThat(visit.fact().actor()).isEqualTo(Country.of("GBR"));
            assertThat(visit.fact().target()).isEqualTo(Country.of("IRL"));
            assertThat(visit.fact().happened().day()).isEqualTo(LocalDate.of(2024, 8, 12));
            assertThat(visit.code().code()).isEqualTo("042");
            assertThat(visit.goldstein()).isEqualTo(1.9);
            Source source = visit.fact().sources().get(0);
            assertThat(source.published()).contains(LocalDate.of(2024, 8, 19));
            assertThat(source.address()).contains("https://www.bbc.com/news/articles/cwy7nm8yxjmo");
            assertThat(source.publisher()).contains("bbc.com");
            assertThat(source.kind()).isEqualTo(Source.Kind.ARTICLE);
            assertThat(source.confidence()).isEqualTo(Source.Confidence.REPORTED);
            assertThat(visit.description()).isEqualTo("UNITED KINGDOM → IRELAND: Make a visit (042); action at "
                    + "Northern Ireland, Craigavon, United Kingdom (FIPS UK: GBR)");

            InteractionRecorded arrest = (InteractionRecorded) entente.timeline(Dyad.of(Country.of("RUS"), Country.of("USA")),
                    TimelineFilter.all()).get(0).fact();
            assertThat(arrest.fact().actor()).isEqualTo(Country.of("RUS"));
            assertThat(arrest.code().code()).isEqualTo("173");
            assertThat(arrest.goldstein()).isEqualTo(-5.0);
            assertThat(arrest.fact().sources().get(0).publisher()).contains("dw.com");
        }
    }

    @Test
    void rowsWithoutTheHeaderGiveTheSameCommands() throws IOException {
        List<String> lines = Samples.lines(Samples.GDELT);
        String raw = String.join("\n", lines.subList(1, lines.size()));

        ParseResult withHeader = Importer.gdelt().parse(Samples.path(Samples.GDELT));
        ParseResult without = Importer.gdelt().parse(new StringReader(raw), Samples.GDELT, ImportProgress.NONE);

        assertThat(without.rows()).isEqualTo(3);
        assertThat(without.commands()).isEqualTo(withHeader.commands());
        assertThat(without.parsed()).extracting(ParsedRow::line).containsExactly(1, 2, 3);
        assertThat(withHeader.parsed()).extracting(ParsedRow::line).containsExactly(2, 3, 4);
    }

    @Test
    void windowsLineEndsAndAMissingFinalLineEndChangeNothing() throws IOException {
        List<String> lines = Samples.lines(Samples.GDELT);

        ParseResult unix = Importer.gdelt().parse(new StringReader(String.join("\n", lines) + "\n"), "g", ImportProgress.NONE);
        ParseResult windows = Importer.gdelt().parse(new StringReader(String.join("\r\n", lines)), "g", ImportProgress.NONE);

        assertThat(windows.commands()).isEqualTo(unix.commands()).hasSize(3);
        assertThat(windows.parsed()).extracting(ParsedRow::line).containsExactly(2, 3, 4);
    }

    @Test
    void regionsMissingCountriesAndLegacyCodesAreHandledByTheCrosswalk() throws IOException {
        String row = Samples.lines(Samples.GDELT).get(1);
        String[] cells = row.split("\t", -1);
        String text = String.join("\n",
                with(cells, 7, "WAF", 0, "1"),          // a region
                with(cells, 17, "", 0, "2"),            // no target country
                with(cells, 7, "ROM", 0, "3"),          // legacy CAMEO code of Romania
                with(cells, 17, "GBR", 0, "4"),         // domestic
                with(cells, 26, "---", 0, "5"),         // no event code
                String.join("\t", List.of(cells).subList(0, 58)));  // GDELT 1.0 width

        ParseResult parsed = Importer.gdelt().parse(new StringReader(text), "g.tsv", ImportProgress.NONE);

        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason()).containsExactly(
                "1 NOT_A_COUNTRY", "2 MISSING_COUNTRY", "4 SAME_COUNTRY", "5 BAD_EVENT_CODE", "6 MALFORMED_ROW");
        assertThat(parsed.skips().all().get(0).detail()).isEqualTo("source: CAMEO country code 'WAF': West Africa: a region, not a country");
        RecordInteraction romania = parsed.commands().get(0);
        assertThat(romania.fact().actor()).isEqualTo(Country.of("ROU"));
        assertThat(romania.fact().id().value()).isEqualTo("gdelt-3");
    }

    @Test
    void aHeaderOfAnotherWidthIsRefused() {
        assertThatThrownBy(() -> Importer.gdelt().parse(new StringReader("GLOBALEVENTID\tSQLDATE\tMonthYear\n"), "old.tsv",
                ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a GDELT 2.0 event export has 61");
    }

    private static String with(String[] cells, int column, String value, int idColumn, String id) {
        String[] copy = cells.clone();
        copy[column] = value;
        copy[idColumn] = id;
        return String.join("\t", copy);
    }
}
