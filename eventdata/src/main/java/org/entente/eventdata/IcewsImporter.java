package org.entente.eventdata;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.core.Source;

/**
 * ICEWS coded events: tab-separated, a header row naming the columns (they are found by name, so
 * their order does not matter), countries as names ({@code Source Country}, {@code Target Country}).
 *
 * <p>An organisation has no country in ICEWS ({@code NA}) and its name in {@code Source Name}
 * ("European Union", "UN Security Council", "Secretariat (Organization of American States)"), with the
 * sector "International Government Organization" in {@code Source Sectors}. A side without a country is
 * the organisation its name gives ({@link OrganisationCrosswalk#name}); a name that is ambiguous or listed
 * as not Entente's is skipped as such; any other name is an unknown organisation when the sectors say
 * "International Government Organization", and a missing country otherwise. A side with a country is that
 * country, even when its sectors name an organisation: ICEWS gives the High Representative of the EU the
 * country of her nationality, and Entente does not guess the office she spoke for.
 */
final class IcewsImporter extends LineImporter {

    /** ICEWS's sector of intergovernmental organisations, among the comma-separated sectors of an actor. */
    static final String IGO_SECTOR = "International Government Organization";

    static final List<String> REQUIRED = List.of("Event ID", "Event Date", "Source Name", "Source Country", "Event Text",
            "CAMEO Code", "Intensity", "Target Name", "Target Country", "Publisher");

    IcewsImporter(CountryCrosswalk crosswalk, OrganisationCrosswalk organisations) {
        super(crosswalk, organisations);
    }

    @Override
    public Dataset dataset() {
        return Dataset.ICEWS;
    }

    @Override
    FileReader open(String fileName) {
        return new FileReader() {
            private Map<String, Integer> columns;
            private int width;

            @Override
            public Row line(String text, int lineNo, boolean first) {
                String[] cells = text.split("\t", -1);
                if (columns == null) {
                    header(cells, fileName, lineNo);
                    return null;
                }
                if (cells.length != width) {
                    return Row.skip(lineNo, cells[0].strip(), SkipReason.MALFORMED_ROW,
                            cells.length + " columns, expected " + width + " as in the header");
                }
                String id = get(cells, "Event ID");
                String dayText = get(cells, "Event Date");
                String code = get(cells, "CAMEO Code");
                String sourceName = get(cells, "Source Name");
                String targetName = get(cells, "Target Name");
                String description = (Text.isMissing(sourceName) ? "?" : sourceName) + " → "
                        + (Text.isMissing(targetName) ? "?" : targetName) + ": " + get(cells, "Event Text")
                        + goldsteinNote("ICEWS intensity", get(cells, "Intensity"), code);
                return interaction(lineNo, id, isoDay(dayText), dayText, code,
                        side(get(cells, "Source Country"), sourceName, get(cells, "Source Sectors")),
                        side(get(cells, "Target Country"), targetName, get(cells, "Target Sectors")),
                        description, source(cells, fileName));
            }

            private RowActor side(String country, String name, String sectors) {
                CountryMatch c = crosswalk.icewsName(country);
                if (c.outcome() != CountryMatch.Outcome.MISSING) {
                    return RowActor.of(c);
                }
                OrganisationMatch o = organisations.name(name);
                return switch (o.outcome()) {
                    case FOUND, UNLISTED, AMBIGUOUS -> RowActor.of(o);
                    case UNKNOWN -> isIgo(sectors) ? RowActor.problem(SkipReason.UNKNOWN_ORGANISATION, o.describe()
                            + "; ICEWS gives no country and the sector " + IGO_SECTOR) : RowActor.of(c);
                    case MISSING -> RowActor.of(c);
                };
            }

            private void header(String[] cells, String fileName, int lineNo) {
                Map<String, Integer> found = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    found.putIfAbsent(cells[i].strip().toLowerCase(Locale.ROOT), i);
                }
                List<String> missing = REQUIRED.stream().filter(c -> !found.containsKey(c.toLowerCase(Locale.ROOT))).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(fileName + " line " + lineNo + " is not an ICEWS header: it lacks the column(s) "
                            + String.join(", ", missing) + "; ICEWS files start with a header row naming " + String.join(", ", REQUIRED)
                            + " (tab-separated)");
                }
                columns = found;
                width = cells.length;
            }

            private String get(String[] cells, String column) {
                Integer i = columns.get(column.toLowerCase(Locale.ROOT));
                return i == null ? "" : cells[i].strip();
            }

            private Source source(String[] cells, String fileName) {
                Source s = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED);
                String publisher = get(cells, "Publisher");
                s = Text.isMissing(publisher) ? s.withPublisher("ICEWS").withAddress(Text.cut(fileName, Source.MAX_TEXT))
                        : s.withPublisher(Text.cut(publisher, Source.MAX_TEXT));
                String story = get(cells, "Story ID");
                String sentence = get(cells, "Sentence Number");
                if (!Text.isMissing(story)) {
                    s = s.withNote("ICEWS story " + Text.cut(story, 100) + (Text.isMissing(sentence) ? "" : ", sentence " + Text.cut(sentence, 20)));
                }
                return s;
            }
        };
    }

    /** Whether ICEWS's comma-separated sectors of an actor include {@link #IGO_SECTOR}. */
    static boolean isIgo(String sectors) {
        for (String sector : sectors.split(",")) {
            if (sector.strip().equalsIgnoreCase(IGO_SECTOR)) {
                return true;
            }
        }
        return false;
    }
}
