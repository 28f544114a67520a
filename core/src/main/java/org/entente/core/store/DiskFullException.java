package org.entente.core.store;

import java.nio.file.Path;
import org.entente.core.EntenteException;

/**
 * The disk holding an H2 store is full: the write that hit it was not stored (nor anything after the
 * last acknowledged one), and every write acknowledged before it is kept. H2 stops the database on
 * such a failure, so the store then refuses every operation with this exception. Free space, close the
 * store and open it again; running the same batch again completes it.
 */
public final class DiskFullException extends EntenteException {

    /** The directory of the store whose disk is full. */
    private final Path directory;

    DiskFullException(Path directory, Throwable cause) {
        super("the disk holding the store " + directory + " is full (" + H2Files.rootMessage(cause)
                + "): the failed write was not stored and every acknowledged one is kept; free space, then close the store and open it again",
                cause);
        this.directory = directory;
    }

    /** {@return the store's directory, on the disk that is full} */
    public Path directory() {
        return directory;
    }
}
