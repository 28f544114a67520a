package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.entente.core.Dyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store hands out global positions in blocks ({@link StoreSchema#H2_IDENTITY_CACHE}) instead of
 * writing the event table's sequence every 32 events, and still never hands a position out twice,
 * not even after the process is killed in the middle of a block.
 */
class H2PositionBlocksTest {

    @TempDir
    Path directory;

    @Test
    void aNewStoreHandsOutPositionsInBlocks() throws Exception {
        EntenteStore.builder().h2(directory).build().close();
        assertThat(identityCache()).isEqualTo(StoreSchema.H2_IDENTITY_CACHE);
    }

    @Test
    void aStoreCreatedWithH2sDefaultGetsTheBlocksOnOpen() throws Exception {
        EntenteStore.builder().h2(directory).build().close();
        try (Connection c = plain(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex SET CACHE 32");
        }
        assertThat(identityCache()).isEqualTo(32);
        EntenteStore.builder().h2(directory).build().close();
        assertThat(identityCache()).isEqualTo(StoreSchema.H2_IDENTITY_CACHE);
    }

    @Test
    void aPositionIsNeverHandedOutTwiceAfterAKillInTheMiddleOfABlock() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                KilledWriter.class.getName(), directory.toString()).redirectErrorStream(true).start();
        long headBeforeKill;
        try {
            String out = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
            assertThat(out).as(out).contains("head ");
            headBeforeKill = Long.parseLong(out.substring(out.indexOf("head ") + 5).trim());
        } finally {
            child.destroyForcibly();
        }
        assertThat(headBeforeKill).isEqualTo(5);
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            assertThat(store.head()).isEqualTo(headBeforeKill);
            store.record(talks("after-the-kill", "2024-02-01", FRA, NER));
            assertThat(store.head()).as("the next block starts past every position the killed process could have used")
                    .isGreaterThan(headBeforeKill + StoreSchema.H2_IDENTITY_CACHE - 32);
            assertThat(store.history(Dyad.of(FRA, NER)).orElseThrow().size()).isEqualTo(6);
        }
    }

    /** A child process: records five facts, each in its own durable commit, prints the head and halts. */
    public static final class KilledWriter {
        public static void main(String[] args) {
            EntenteStore store = EntenteStore.builder().h2(Path.of(args[0])).build();
            for (int i = 0; i < 5; i++) {
                store.record(talks("before-the-kill-" + i, "2024-01-0" + (i + 1), FRA, NER));
            }
            System.out.println("head " + store.head());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private Connection plain() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
    }

    private long identityCache() throws SQLException {
        try (Connection c = plain(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_NAME = 'DOMAINEVENTENTRY' AND COLUMN_NAME = 'GLOBALINDEX'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
