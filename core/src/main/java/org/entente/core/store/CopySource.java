package org.entente.core.store;

import java.util.List;

/** Where a copy reads its rows: something that can be read twice, once to check and once to write. */
interface CopySource {

    /** Rows of a source, in order; null at the end. */
    interface Rows extends AutoCloseable {
        ExportLines.Row next();

        @Override
        void close();
    }

    Rows open();

    boolean fromFile();

    /** After a first full read: checks what the source declares against what it holds. */
    default List<String> verify(StoreCopy.Manifest held) {
        return List.of();
    }
}
