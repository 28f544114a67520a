package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.nigerUsa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing an H2 store while another thread still holds one of its connections (as Axon's event-store
 * producer can, in the middle of a fetch, after Axon's shutdown has returned): close waits for it, so
 * that when close returns the file is free. Before, close skipped SHUTDOWN for the other session and the
 * database closed later on the reader's thread: a connection opened just after close found the file
 * "already in use" (CI, IntegrityTest) and a directory deleted just after was written into again
 * (CI, MigrationTest).
 */
class H2CloseWaitsForReadersTest {

    @TempDir
    Path dir;

    @Test
    void closeReturnsOnlyOnceABorrowedConnectionIsBackAndLeavesTheFileFree() throws Exception {
        EntenteStore store = EntenteStore.builder().h2(dir).build();
        store.recordAll(nigerUsa());
        long head = store.head();
        Connection reader = store.connections().getConnection();
        AtomicBoolean returnedBeforeCloseEnded = new AtomicBoolean();
        Thread closer = new Thread(store::close, "closer");
        closer.start();
        // Hand the connection back only once close is waiting for it; a close that does not wait ends first.
        while (closer.isAlive() && !waitsForBorrowedConnections(closer)) {
            Thread.onSpinWait();
        }
        returnedBeforeCloseEnded.set(closer.isAlive());
        reader.close();
        closer.join();

        assertThat(returnedBeforeCloseEnded).as("close was still waiting when the reader's connection came back").isTrue();
        // Another URL form of the same file opens a second database on it: it fails while the store's is still open.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("entente"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(head);
        }
        Path trace = dir.resolve("entente.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").as("entente.trace.db").isEmpty();
    }

    private static boolean waitsForBorrowedConnections(Thread t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitBorrowedConnections")
                && f.getClassName().equals(StoreDatabase.class.getName()));
    }
}
