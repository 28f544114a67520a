package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.core.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing an H2 file store compacts the file when most of it is dead, keeps every fact and writes no trace. */
class H2CompactOnCloseTest {

    @TempDir
    Path compacted;
    @TempDir
    Path kept;

    /** 300 facts, one durable commit each: the file is mostly dead chunks. */
    private static void fill(EntenteStore store) {
        for (int i = 0; i < 300; i++) {
            store.record(talks("fra-talks-" + i, String.format("20%02d-01-01", i % 100), FRA, NER));
        }
    }

    private static long fileSize(Path dir) throws IOException {
        return Files.size(dir.resolve("entente.mv.db"));
    }

    @Test
    void aMostlyDeadFileIsCompactedOnCloseAndKeepsEveryFact() throws IOException {
        try (EntenteStore store = EntenteStore.builder().h2(compacted).build()) {
            fill(store);
        }
        try (EntenteStore store = EntenteStore.builder().h2(kept).compactOnClose(false).build()) {
            fill(store);
        }
        assertThat(fileSize(compacted)).isLessThan(fileSize(kept) / 2);
        try (EntenteStore reopened = EntenteStore.builder().h2(compacted).build()) {
            assertThat(reopened.history(Dyad.of(FRA, NER)).orElseThrow().size()).isEqualTo(300);
        }
        // Neither closing way writes anything to H2's trace file.
        assertThat(trace(compacted)).as("entente.trace.db after compacting closes").isEmpty();
        assertThat(trace(kept)).as("entente.trace.db after a plain close").isEmpty();
    }

    private static String trace(Path dir) throws IOException {
        Path trace = dir.resolve("entente.trace.db");
        return Files.exists(trace) ? Files.readString(trace) : "";
    }
}
