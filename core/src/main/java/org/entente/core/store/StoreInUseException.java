package org.entente.core.store;

import java.nio.file.Path;
import org.entente.core.EntenteException;

/**
 * An H2 store is open in another process: an H2 file can be opened by one process at a time (several
 * stores in one JVM share it). Close the other process, or work on a copy.
 */
public final class StoreInUseException extends EntenteException {

    /** The store file another process holds. */
    private final Path file;

    StoreInUseException(Path file, Throwable cause) {
        super("the store file " + file + " is in use by another process (an H2 store is opened by one process at a time);"
                + " close that process, or work on a copy", cause);
        this.file = file;
    }

    /** {@return the locked database file} */
    public Path file() {
        return file;
    }
}
