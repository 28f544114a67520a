package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate lets one JDBC call at a time into H2; a call goes ahead when the thread whose turn it is
 * waits inside H2 for a row lock, or when it has waited its longest.
 */
public class H2StatementGateTest { // public: H2 calls spin() through CREATE ALIAS

    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile boolean released;

    /** An SQL function that keeps its statement running (busy, as a statement writing rows) until released. */
    public static int spin() {
        entered.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!released && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return 1;
    }

    private JdbcConnectionPool pool;

    @BeforeEach
    void open() throws Exception {
        entered = new CountDownLatch(1);
        released = false;
        pool = JdbcConnectionPool.create("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS SPIN FOR \"" + H2StatementGateTest.class.getName() + ".spin\"");
            s.execute("CREATE TABLE t (x INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        released = true;
        pool.dispose();
    }

    @Test
    void aCommitWaitsWhileAnotherConnectionsStatementRuns() throws Exception {
        DataSource gated = H2StatementGate.around(pool, 10_000);
        try (Connection busy = gated.getConnection(); Connection writer = gated.getConnection()) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> execute(busy, "SELECT SPIN()"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            writer.setAutoCommit(false);
            AtomicReference<Thread> committer = new AtomicReference<>();
            CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
                committer.set(Thread.currentThread());
                execute(writer, "INSERT INTO t VALUES (1)");
                try {
                    writer.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitThat("the insert waits for its turn in the gate", () -> waitsInTheGate(committer.get()));
            assertThat(commit).as("the insert and its commit wait for the running statement").isNotDone();
            released = true;
            commit.get(10, TimeUnit.SECONDS);
            running.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommitGoesAheadWhenTheStatementWhoseTurnItIsWaitsInsideH2ForTheCommittersRow() throws Exception {
        DataSource gated = H2StatementGate.around(pool, 10_000);
        try (Connection first = gated.getConnection(); Connection second = gated.getConnection()) {
            first.setAutoCommit(false);
            execute(first, "INSERT INTO t VALUES (7)");
            // The second insert of key 7 waits inside H2 for the first transaction, holding its turn.
            CompletableFuture<Void> duplicate = CompletableFuture.runAsync(() -> execute(second, "INSERT INTO t VALUES (7)"));
            awaitThat("the second insert waits inside H2 for the first transaction's row", this::aSessionIsBlocked);
            long start = System.nanoTime();
            first.commit();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms the commit waited").isLessThan(2_000);
            assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        }
    }

    @Test
    void aCallGoesAheadAfterWaitingItsLongest() throws Exception {
        DataSource gated = H2StatementGate.around(pool, 200);
        try (Connection busy = gated.getConnection(); Connection other = gated.getConnection()) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> execute(busy, "SELECT SPIN()"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            execute(other, "INSERT INTO t VALUES (2)");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms the insert waited").isBetween(150L, 5_000L);
            assertThat(running).isNotDone();
            released = true;
            running.get(10, TimeUnit.SECONDS);
        }
    }

    /** Whether a thread is parked in the gate, waiting for its turn. */
    private static boolean waitsInTheGate(Thread t) {
        if (t == null || t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING) {
            return false;
        }
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals(H2StatementGate.class.getName()));
    }

    /** Whether H2 reports a session waiting for a lock another session holds (read beside the gate). */
    private boolean aSessionIsBlocked() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a condition holds, failing after 10 s with what was awaited. */
    private static void awaitThat(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
