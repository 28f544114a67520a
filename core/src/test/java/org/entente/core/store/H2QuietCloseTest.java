package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.nigerUsa;
import static org.entente.testsupport.Facts.talks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, writing and closing an H2 store, compacted or not, alone or beside another, leaves nothing in H2's trace file. */
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

    @Test
    void twoStoresOnOneDirectoryCloseOneAfterTheOtherWithoutBreakingOrTracing() {
        EntenteStore first = EntenteStore.builder().h2(dir).build();
        long head;
        try (EntenteStore second = EntenteStore.builder().h2(dir).build()) {
            first.recordAll(nigerUsa());
            long before = first.head();
            first.close();
            // The first close left the database to the store still using it.
            second.record(talks("after-first-closed", "2024-09-01", USA, NER));
            head = second.head();
            assertThat(head).isGreaterThan(before);
        }
        try (EntenteStore reopened = EntenteStore.builder().h2(dir).build()) {
            assertThat(reopened.head()).isEqualTo(head);
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
