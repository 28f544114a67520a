package org.entente.eventdata;

import java.util.List;
import java.util.Objects;
import org.entente.core.relationship.FactCommand.RecordInteraction;

/**
 * What reading a file gave, before anything is recorded: a command per usable row, and every other
 * row with the reason it was skipped. {@code rows() == parsed().size() + skips().size()}.
 *
 * <pre>{@code
 * ParseResult parsed = Importer.icews().parse(Path.of("events.2018.sample.tab"));
 * entente.recordAll(parsed.commands());   // or Importer.icews().importFile(entente, path, progress)
 * }</pre>
 *
 * @param dataset the dataset the file is in
 * @param file    the file's name, as given
 * @param rows    data rows read (a header and blank lines are not rows)
 * @param parsed  the usable rows, in file order
 * @param skips   the other rows, with why
 */
public record ParseResult(Dataset dataset, String file, int rows, List<ParsedRow> parsed, SkipReport skips) {

    /**
     * Validates; see the type's documentation.
     *
     * @param dataset the dataset the file is in
     * @param file the file's name, as given
     * @param rows data rows read (a header and blank lines are not rows)
     * @param parsed the usable rows, in file order
     * @param skips the other rows, with why
     */
    public ParseResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        parsed = List.copyOf(parsed);
        Objects.requireNonNull(skips, "skips");
        if (rows != parsed.size() + skips.size()) {
            throw new IllegalArgumentException(rows + " rows read, but " + parsed.size() + " parsed and " + skips.size() + " skipped");
        }
    }

    /** {@return the commands of the usable rows, in file order, ready for {@code Entente.recordAll}} */
    public List<RecordInteraction> commands() {
        return parsed.stream().map(ParsedRow::command).toList();
    }
}
