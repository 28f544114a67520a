package org.entente.eventdata;

import java.util.Objects;
import org.entente.core.relationship.FactCommand.RecordInteraction;

/**
 * A row of an event-data file turned into the command that records it.
 *
 * @param line    the row's line in the file, from 1
 * @param rowId   the row's own id as written ({@code 32889836}); the fact id adds the dataset's prefix
 * @param command the interaction to record
 */
public record ParsedRow(int line, String rowId, RecordInteraction command) {

    /**
     * Validates; see the type's documentation.
     *
     * @param line the row's line in the file, from 1
     * @param rowId the row's own id as written ({@code 32889836}); the fact id adds the dataset's prefix
     * @param command the interaction to record
     */
    public ParsedRow {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(command, "command");
    }
}
