package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's directory is created owner-only and every file H2 writes in it is owner-only, whatever the umask. */
class H2FileModesTest {

    @TempDir
    Path root;

    @Test
    void aNewStoreDirectoryIs0700AndItsFilesAre0600IncludingTheTraceFileAndTheCompactedFile() throws Exception {
        Path dir = root.resolve("parent/store");
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            store.recordAll(nigerUsa());
            try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
                // H2 writes its trace file when asked to (and on errors): it is created later than the database.
                s.execute("SET TRACE_LEVEL_FILE 3");
                s.execute("SELECT COUNT(*) FROM DomainEventEntry");
                s.execute("SET TRACE_LEVEL_FILE 0");
            }
        }
        // Closing compacted the file (half of it dead after the commits): a new file written and renamed.
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("parent"))).as("a parent the store created").isEqualTo("rwx------");
        List<Path> files = files(dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("entente.mv.db", "entente.trace.db");
        for (Path f : files) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aStoreFileWrittenWorldReadableBeforeIsNarrowedOnOpenAndAnExistingDirectoryKeepsItsMode() throws Exception {
        Path dir = Files.createDirectory(root.resolve("old"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            store.recordAll(nigerUsa());
        }
        Path db = dir.resolve("entente.mv.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            assertThat(mode(db)).isEqualTo("rw-------");
        }
        assertThat(mode(dir)).as("not created by the store: left as the user made it").isEqualTo("rwxr-xr-x");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
