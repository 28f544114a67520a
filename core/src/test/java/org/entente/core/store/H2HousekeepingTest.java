package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file written one durable commit at a time is compacted between commits, in the committer's
 * turn of the statement gate, and stays within a few times its compacted size; nothing is lost.
 */
class H2HousekeepingTest {

    private static final int ROWS = 5_000;
    private static final int COMMITS = 1_500;

    @TempDir
    Path compacting;
    @TempDir
    Path plain;

    @Test
    void aFileWrittenOneCommitAtATimeStaysWithinThreeTimesItsCompactedSize() throws Exception {
        long peakCompacting = load(compacting, new H2Housekeeping(256L << 10));
        long peakPlain = load(plain, null);
        long compacted = compactedSize(compacting);

        assertThat(peakPlain).as("without housekeeping the same load leaves the file mostly dead").isGreaterThan(3 * compacted);
        assertThat(peakCompacting).as("largest file while written, against %d bytes compacted", compacted)
                .isLessThanOrEqualTo(3 * compacted);
        assertThat(checksum(compacting)).isEqualTo(checksum(plain));
    }

    /** Fills a table, then updates random rows in many small durable commits; returns the largest file size seen. */
    private static long load(Path dir, H2Housekeeping housekeeping) throws SQLException, java.io.IOException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir) + ";WRITE_DELAY=0", "sa", "");
        DataSource gated = H2StatementGate.around(pool, H2StatementGate.WAIT_MS, housekeeping);
        Random random = new Random(7);
        long peak = 0;
        try (Connection c = gated.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(400))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, text(random, 300));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    for (int k = 0; k < 10; k++) {
                        int id = random.nextInt(ROWS);
                        update.setString(1, text(random, 300));
                        update.setInt(2, id);
                        update.executeUpdate();
                    }
                    c.commit();
                    peak = Math.max(peak, Files.size(dir.resolve("db.mv.db")));
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement s = c.createStatement()) {
                pool.dispose();
                s.execute("SHUTDOWN");
            }
        }
        return peak;
    }

    /** Text that does not compress (H2 compresses pages), so the file's size follows the rows'. */
    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static long compactedSize(Path dir) throws Exception {
        Path copy = Files.createTempDirectory("h2-compacted");
        try {
            Files.copy(dir.resolve("db.mv.db"), copy.resolve("db.mv.db"));
            try (Connection c = DriverManager.getConnection(url(copy), "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            return Files.size(copy.resolve("db.mv.db"));
        } finally {
            Files.deleteIfExists(copy.resolve("db.mv.db"));
            Files.deleteIfExists(copy.resolve("db.trace.db"));
            Files.deleteIfExists(copy);
        }
    }

    private static String checksum(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(v)), MAX(v) FROM t")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3);
        } finally {
            try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db");
    }
}
