package org.entente.eventdata;

import java.util.List;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param format  {@code plover}, {@code cameo} or {@code cow}
 * @param rows    lines written, header left out
 * @param notes   what was left out and why (a dyad with a country Correlates of War does not list...)
 */
public record ExportReport(String format, int rows, List<String> notes) {

    /**
     * Validates; see the type's documentation.
     *
     * @param format {@code plover}, {@code cameo} or {@code cow}
     * @param rows lines written, header left out
     * @param notes what was left out and why (a dyad with a country Correlates of War does not list...)
     */
    public ExportReport {
        Objects.requireNonNull(format, "format");
        notes = List.copyOf(notes);
    }

    /**
     * {@code "cow: 12 rows; 1 note"}.
     *
     * @return the format, the row count and the number of notes, on one line
     */
    public String summary() {
        return format + ": " + rows + (rows == 1 ? " row" : " rows") + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
