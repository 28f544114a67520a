package org.entente.core.store;

import java.util.OptionalLong;
import org.entente.core.EntenteException;

/**
 * An export file or a source store that {@link StoreCopy} refuses to restore or copy: a line that is
 * not an export row, a row that breaks the store's rules (a fact id of two dyads, a dyad's event
 * numbered twice or out of order), or a file that does not match its manifest (cut short or altered).
 * Nothing was written to the target when this is thrown.
 */
public final class BackupRejectedException extends EntenteException {

    /** The line of the export that was refused, or -1 for none. */
    private final long line;

    BackupRejectedException(long line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    BackupRejectedException(String message) {
        this(0, message);
    }

    /**
     * {@return the number of the file's line at fault (1 is the format line), when the problem is in one line}
     */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
