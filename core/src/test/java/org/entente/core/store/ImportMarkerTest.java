package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import marker's start time comes from the clock it is given, and the unfinished import's report shows it. */
class ImportMarkerTest {

    @TempDir
    Path temp;

    @Test
    void anUnfinishedImportIsReportedWithTheTimeItsClockGaveWhenItStarted() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T09:30:00Z"), ZoneOffset.UTC);
        StoreCopy.Manifest manifest = new StoreCopy.Manifest(StoreCopy.MANIFEST_FORMAT, 3, 0, 3, 2, "0".repeat(64));
        try (EntenteStore store = EntenteStore.builder().h2(temp.resolve("target")).build()) {
            ImportMarker.start(store, "backup.jsonl", manifest, clock);

            assertThat(ImportMarker.read(store)).hasValueSatisfying(m -> assertThat(m.started()).isEqualTo("2024-05-01T09:30:00Z"));
            assertThat(StoreCopy.unfinishedImport(store)).hasValueSatisfying(m -> assertThat(m)
                    .contains("from backup.jsonl stopped after 0 of 6 rows (started 2024-05-01T09:30:00Z)"));
        }
    }
}
