package org.entente.core.store;

import java.nio.file.Path;
import org.entente.core.EntenteException;

/**
 * An H2 store file that H2 cannot read when the store opens: it is truncated or damaged. No repair
 * can rebuild events that cannot be read; restore a backup into a new directory.
 */
public final class StoreDamagedException extends EntenteException {

    private final transient Path file;

    StoreDamagedException(Path file, Throwable cause) {
        super("the store file " + file + " cannot be read: it is truncated or damaged (" + h2Message(cause)
                + "); restore a backup into a new directory ('entente --store NEW-DIR store-import FILE') and keep this file aside", cause);
        this.file = file;
    }

    /** {@return the file that could not be read} */
    public Path file() {
        return file;
    }

    private static String h2Message(Throwable cause) {
        Throwable deepest = cause;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String m = String.valueOf(deepest.getMessage());
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
