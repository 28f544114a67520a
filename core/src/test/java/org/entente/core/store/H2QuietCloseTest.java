package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.nigerUsa;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, writing and closing an H2 store, compacted or not, leaves nothing in H2's trace file. */
class H2QuietCloseTest {

    @TempDir
    Path dir;

    @Test
    void closingAStoreWritesNoTrace() {
        for (int run = 0; run < 3; run++) {
            try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
                if (run == 0) {
                    store.recordAll(nigerUsa());
                }
                assertThat(store.head()).isPositive();
            }
        }
        Path trace = dir.resolve("entente.trace.db");
        assertThat(Files.exists(trace) ? readString(trace) : "").as("entente.trace.db").isEmpty();
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
