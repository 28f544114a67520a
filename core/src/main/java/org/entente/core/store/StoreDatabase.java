package org.entente.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database an {@link EntenteStore} opened for its backend: the {@code DataSource}, the pools the
 * store owns, and how closing lets them go. An H2 database is shut down on close (compacted when most
 * of its file is dead); a PostgreSQL pool the store opened is closed; a {@code DataSource} the caller
 * gave stays open.
 */
final class StoreDatabase {

    /**
     * The live share of an H2 file under which closing compacts it. Durable commits leave most of the
     * file dead (each commit writes new chunks): 4.7 to 12 KB per event live against about 0.5 KB
     * compacted in the benchmarks; compaction takes about 10 s per million events.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    /** How often close looks whether the pool's borrowed connections are back. */
    private static final long BORROWED_POLL_NANOS = 2_000_000;

    private final EntenteStore.Backend backend;
    private final DataSource dataSource;
    private final JdbcConnectionPool ownedPool;
    /** The pool the store opened for a PostgreSQL URL (a HikariCP pool, see {@link PostgresPool}), else null. */
    private final Closeable ownedPostgresPool;
    /** Whether closing an H2 file compacts it when less than {@link #COMPACT_BELOW_FILL_PERCENT} of it is live. */
    private final boolean compactOnClose;
    /** The directory of an H2 file store (errors name it), else null. */
    private final Path h2Directory;
    /** The H2 file store's JDBC URL (null for other stores), for the plain connection that shuts it down. */
    private final String h2Url;
    /** The H2 directory's mark of the highest committed position; null for other stores. */
    private final HeadMark headMark;
    private final String description;

    private StoreDatabase(EntenteStore.Backend backend, DataSource dataSource, JdbcConnectionPool ownedPool,
                          Closeable ownedPostgresPool, boolean compactOnClose, Path h2Directory, String h2Url,
                          HeadMark headMark, String description) {
        this.backend = backend;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.ownedPostgresPool = ownedPostgresPool;
        this.compactOnClose = compactOnClose;
        this.h2Directory = h2Directory;
        this.h2Url = h2Url;
        this.headMark = headMark;
        this.description = description;
    }

    /** Opens the builder's database (creating an H2 directory if missing); nothing of Axon yet. */
    static StoreDatabase open(EntenteStore.Builder b) {
        switch (b.backend) {
            case MEMORY -> {
                JdbcConnectionPool pool = JdbcConnectionPool.create(
                        "jdbc:h2:mem:entente-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
                return new StoreDatabase(b.backend, pool, pool, null, false, null, null, null, "memory");
            }
            case H2 -> {
                // The path is checked and the URL built by H2Files: nothing in it reaches H2's settings.
                Path dir = H2Files.checkDirectory(b.directory);
                String url = H2Files.prepare(dir, b.h2Underlay);
                HeadMark headMark = new HeadMark(dir);
                // WRITE_DELAY=0: a commit is written before it returns, so a committed fact survives kill -9
                // (H2 otherwise writes commits in the background, up to 500 ms later). It also stops H2's
                // background writer, which is what compacts a file: a 100k load peaks at about 10x its
                // compacted size (close compacts it). RETENTION_TIME=1000 with MVStore.compact did not
                // help (4.9x); compacting in the gate's turn after commits reached 3.9x but costs writers
                // time not yet measured cleanly (not enabled). The event table's identity cache is set on
                // the table instead (StoreSchema.H2_IDENTITY_CACHE), where it persists.
                // User sa without a password: whoever can read the file reads the data without any (README, Security).
                String h2Url = url + (b.durableCommits ? ";WRITE_DELAY=0" : "");
                JdbcConnectionPool pool = JdbcConnectionPool.create(h2Url, "sa", "");
                pool.setMaxConnections(16);
                // One JDBC call at a time: otherwise a kill can leave rows of an unfinished transaction
                // behind that recovery cannot roll back (see H2StatementGate and RELIABILITY.md).
                return new StoreDatabase(b.backend, H2StatementGate.around(pool), pool, null, b.compactOnClose, dir, h2Url,
                        headMark, "H2 " + dir);
            }
            default -> {
                if (b.ownedDataSource != null) {
                    DataSource pool = PostgresPool.open(b.ownedDataSource);
                    return new StoreDatabase(b.backend, pool, null, (Closeable) pool, false, null, null, null, "PostgreSQL");
                }
                return new StoreDatabase(b.backend, b.dataSource, null, null, false, null, null, null, "PostgreSQL");
            }
        }
    }

    /** The transaction manager for this database: an H2 one bounds rollbacks and notices a stopped database. */
    JdbcTransactions newTransactions() {
        return ownedPool != null
                ? new JdbcTransactions(dataSource, JdbcTransactions.ROLLBACK_BOUND, H2Files.STOP_PROBE)
                : new JdbcTransactions(dataSource);
    }

    EntenteStore.Backend backend() {
        return backend;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The H2 directory's head mark, null for other stores. */
    HeadMark headMark() {
        return headMark;
    }

    /** "memory", "H2 /path" or "PostgreSQL", for messages. */
    String description() {
        return description;
    }

    /** A full disk or a store locked by another process as Entente's exceptions (they name the file), else the failure. */
    RuntimeException storeFailure(RuntimeException e) {
        return h2Directory == null ? e : H2Files.translate(e, h2Directory);
    }

    /**
     * Lets go of what {@link #open} took after a failure to start the store, and returns the failure to
     * throw (for an H2 file, one that names the file when it is locked or the disk is full).
     */
    RuntimeException abandon(RuntimeException failure) {
        if (ownedPool != null) {
            ownedPool.dispose();
        }
        closeOwnedPostgresPool();
        return h2Directory == null ? failure : H2Files.translateOpen(failure, h2Directory);
    }

    /**
     * Closes the database after Axon has shut down: an H2 database is shut down (compacted when less
     * than {@link #COMPACT_BELOW_FILL_PERCENT} of its file is live) and its pool disposed; a PostgreSQL
     * pool the store opened is closed.
     *
     * @param transactions the store's transactions, which say whether the database stopped after a failed write
     */
    void close(JdbcTransactions transactions) {
        if (ownedPool != null && transactions.stopped() != null) {
            // The database stopped after a failed write (or a rollback did not complete): no SHUTDOWN
            // statement, which could spin, and the pool is let go on a daemon thread, waited for a while.
            Thread dispose = new Thread(ownedPool::dispose, "entente-dispose");
            dispose.setDaemon(true);
            dispose.start();
            try {
                dispose.join(JdbcTransactions.ROLLBACK_BOUND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (ownedPool != null && h2Url != null) {
            // SHUTDOWN on a plain connection, after the pool is gone: a pooled connection closed after
            // SHUTDOWN rolls back on the closed database, and H2 writes that failure into entente.trace.db
            // at every close. The plain connection keeps the database open while the pool lets go.
            // Another store of this JVM on the same directory shares the database: then the last one to
            // close shuts it down (a SHUTDOWN under it would break its pooled connections, which H2 then
            // reports as leaked in some database's trace file).
            awaitBorrowedConnections();
            try (Connection c = DriverManager.getConnection(h2Url, "sa", "")) {
                ownedPool.dispose();
                try (Statement s = c.createStatement()) {
                    if (otherSessions(s) == 0) {
                        s.execute(compactOnClose && liveFillPercent(s) < COMPACT_BELOW_FILL_PERCENT ? "SHUTDOWN COMPACT" : "SHUTDOWN");
                    }
                }
            } catch (SQLException e) {
                // The database is gone already; nothing more to close.
            } finally {
                ownedPool.dispose();
            }
        } else if (ownedPool != null) {
            // In memory (DB_CLOSE_DELAY=-1): SHUTDOWN frees the database; there is no trace file to keep clean.
            try (Connection c = ownedPool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // The database is gone already; nothing more to close.
            }
            ownedPool.dispose();
        }
        closeOwnedPostgresPool();
    }

    /**
     * Waits, for at most {@link JdbcTransactions#ROLLBACK_BOUND}, until every connection taken from the pool
     * is back. Axon's shutdown does not wait for every reader: the embedded event store's producer thread
     * can be in the middle of a fetch. Its open session made close skip SHUTDOWN (another session was
     * there), and the database then closed on that thread moments after {@code close()} had returned:
     * a connection opened right after found the file "already in use", and a directory deleted right
     * after was written into again (both seen in CI).
     */
    private void awaitBorrowedConnections() {
        long deadline = System.nanoTime() + JdbcTransactions.ROLLBACK_BOUND.toNanos();
        while (ownedPool.getActiveConnections() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(BORROWED_POLL_NANOS);
        }
    }

    private void closeOwnedPostgresPool() {
        if (ownedPostgresPool != null) {
            try {
                ownedPostgresPool.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many sessions other than this statement's have the H2 database open (0 when H2 does not say). */
    private static int otherSessions(Statement s) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The share of the H2 file's chunks that holds live data, in percent (100 when H2 does not say). */
    private static int liveFillPercent(Statement s) {
        try (ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 100;
        } catch (SQLException | NumberFormatException e) {
            return 100;
        }
    }
}
