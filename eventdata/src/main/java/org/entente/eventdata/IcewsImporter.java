package org.entente.eventdata;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.core.Source;

/**
 * ICEWS coded events: tab-separated, a header row naming the columns (they are found by name, so
 * their order does not matter), countries as names ({@code Source Country}, {@code Target Country}).
 */
final class IcewsImporter extends LineImporter {

    static final List<String> REQUIRED = List.of("Event ID", "Event Date", "Source Name", "Source Country", "Event Text",
            "CAMEO Code", "Intensity", "Target Name", "Target Country", "Publisher");

    IcewsImporter(CountryCrosswalk crosswalk) {
        super(crosswalk);
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
                        crosswalk.icewsName(get(cells, "Source Country")), crosswalk.icewsName(get(cells, "Target Country")),
                        description, source(cells, fileName));
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
}
