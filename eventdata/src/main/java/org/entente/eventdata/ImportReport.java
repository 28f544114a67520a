package org.entente.eventdata;

import java.util.List;
import java.util.Objects;

/**
 * What an import did (or, for a dry run, would do). Every data row is counted once:
 * {@code rows() == imported() + unchanged() + skips().size()}.
 *
 * @param dataset   the dataset the file is in
 * @param file      the file's name, as given
 * @param dryRun    whether nothing was written on purpose
 * @param rows      data rows read
 * @param imported  rows recorded as new facts (or that would be, in a dry run)
 * @param unchanged rows whose fact was recorded already with the same content (re-imports)
 * @param skips     every other row with its line and reason, rows changed since recorded included
 */
public record ImportReport(Dataset dataset, String file, boolean dryRun, int rows, int imported, int unchanged, SkipReport skips) {

    /**
     * Validates; see the type's documentation.
     *
     * @param dataset the dataset the file is in
     * @param file the file's name, as given
     * @param dryRun whether nothing was written on purpose
     * @param rows data rows read
     * @param imported rows recorded as new facts (or that would be, in a dry run)
     * @param unchanged rows whose fact was recorded already with the same content (re-imports)
     * @param skips every other row with its line and reason, rows changed since recorded included
     */
    public ImportReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(skips, "skips");
        if (rows != imported + unchanged + skips.size()) {
            throw new IllegalArgumentException(rows + " rows read, but " + imported + " imported, " + unchanged
                    + " unchanged and " + skips.size() + " skipped");
        }
    }

    /**
     * Rows whose fact id is recorded with other content: a newer release changed them.
     *
     * @return the skips found
     */
    public List<Skip> changed() {
        return skips.of(SkipReason.CHANGED);
    }

    /**
     * {@return one line: {@code "ICEWS events.tab: 3705 rows, 1754 imported, 0 already recorded, 1951 rows
     * skipped: ..."}}
     */
    public String summary() {
        return dataset.label() + " " + file + (dryRun ? " (dry run)" : "") + ": " + rows + " rows, " + imported
                + (dryRun ? " would be imported, " : " imported, ") + unchanged + " already recorded, " + skips.summary();
    }

    @Override
    public String toString() {
        return summary();
    }
}
