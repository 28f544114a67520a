package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate lets one JDBC call at a time into H2, and a call waits for its turn only so long. */
public class H2StatementGateTest { // public: H2 calls hold() through CREATE ALIAS

    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    /** An SQL function (CREATE ALIAS) that holds its statement until the test releases it. */
    public static int hold() throws InterruptedException {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
        return 1;
    }

    private JdbcConnectionPool pool;

    @BeforeEach
    void open() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        pool = JdbcConnectionPool.create("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS HOLD FOR \"" + H2StatementGateTest.class.getName() + ".hold\"");
            s.execute("CREATE TABLE t (x INT)");
        }
    }

    @AfterEach
    void close() {
        release.countDown();
        pool.dispose();
    }

    @Test
    void aCommitWaitsWhileAnotherConnectionsStatementRuns() throws Exception {
        DataSource gated = H2StatementGate.around(pool, 10_000);
        try (Connection holder = gated.getConnection(); Connection writer = gated.getConnection()) {
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> query(holder, "SELECT HOLD()"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> {
                    try {
                        s.executeUpdate("INSERT INTO t VALUES (1)");
                        writer.commit();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(insert).as("the insert and commit wait for the running statement").isNotDone();
                release.countDown();
                insert.get(10, TimeUnit.SECONDS);
                held.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aCallGoesAheadAfterWaitingItsLongestSoALockWaitInsideH2CannotHoldOthersForever() throws Exception {
        DataSource gated = H2StatementGate.around(pool, 200);
        try (Connection holder = gated.getConnection(); Connection other = gated.getConnection()) {
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> query(holder, "SELECT HOLD()"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (2)");
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waited).isBetween(150L, 5_000L);
            assertThat(held).isNotDone();
            release.countDown();
            held.get(10, TimeUnit.SECONDS);
        }
    }

    private static void query(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
