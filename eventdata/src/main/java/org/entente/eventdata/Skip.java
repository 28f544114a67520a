package org.entente.eventdata;

import java.util.Objects;

/**
 * A row that was not imported, and why.
 *
 * @param line   the row's line in the file, from 1 (a header is line 1)
 * @param rowId  the row's own id as written, or empty text when it has none
 * @param reason why
 * @param detail the particulars: the country name, the conflicting content...
 */
public record Skip(int line, String rowId, SkipReason reason, String detail) {

    /**
     * Validates; see the type's documentation.
     *
     * @param line the row's line in the file, from 1 (a header is line 1)
     * @param rowId the row's own id as written, or empty text when it has none
     * @param reason why
     * @param detail the particulars: the country name, the conflicting content...
     */
    public Skip {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code "line 12 (id 32889836): same country: Japan"}. */
    @Override
    public String toString() {
        return "line " + line + (rowId.isEmpty() ? "" : " (id " + rowId + ")") + ": " + reason.label()
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
