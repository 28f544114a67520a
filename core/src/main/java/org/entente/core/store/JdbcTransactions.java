package org.entente.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.entente.core.EntenteException;

/**
 * The small JDBC transaction manager Axon lacks outside Spring. A transaction binds one connection
 * (auto-commit off) to the thread that started it; every component that asks {@link #connections()}
 * for a connection on that thread gets it, so events, fact ids, projection rows and processor tokens
 * written in one unit of work share one transaction, and token claims (a {@code SELECT ... FOR
 * UPDATE} then an update) are atomic, which several instances on one database need. A transaction
 * started while one is open on the thread joins it: only the outermost commits, and a rollback of
 * any marks the whole rollback-only. Outside a transaction a connection is in auto-commit mode.
 *
 * <h2>A database that stopped</h2>
 * When a write fails (a full disk) H2 2.x stops its store, and a later statement on a session whose
 * transaction was open can spin forever in {@code MVStore.registerVersionUsage} at 100% CPU, deaf to
 * interrupts: the second rollback of such a transaction throws after deregistering its version usage
 * and deregisters it again as the statement ends, the version's counter stays at -1, and a stopped store
 * never moves to a new version (H2's {@code Transaction.closeIt} and {@code releaseSnapshot}). So
 * <ul>
 * <li>before a rollback, and after a failed commit, the {@link StopProbe} asks whether the database
 * stopped; if it did, no statement runs on it again: the connection's session is closed directly and
 * the store takes no more work ({@link #stopped()}), each attempt failing with the cause at once;</li>
 * <li>a rollback, and the release of a connection whose commit failed, run on a helper thread for at
 * most {@link #ROLLBACK_BOUND}: past it the caller gets an {@link EntenteException} saying so, the store
 * takes no more work, and the stuck helper is a daemon thread that does not keep the JVM alive.</li>
 * </ul>
 */
final class JdbcTransactions implements TransactionManager {

    /** How long a rollback may take before it is given up (a chunk's transaction is capped far below). */
    static final Duration ROLLBACK_BOUND = Duration.ofSeconds(30);

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "entente-rollback");
        t.setDaemon(true);
        return t;
    });

    /** Tells whether the database behind a connection has stopped, without running a statement on it. */
    interface StopProbe {
        /** A probe for databases that never stop this way (PostgreSQL). */
        StopProbe NEVER = new StopProbe() {
            @Override
            public Throwable stoppedBy(Connection c) {
                return null;
            }

            @Override
            public void abandon(Connection c) {
            }
        };

        /** The failure that stopped the database behind the connection, or null while it runs. */
        Throwable stoppedBy(Connection c);

        /** Lets go of a connection to a stopped database without running a statement on it. */
        void abandon(Connection c);
    }

    private final DataSource dataSource;
    private final Duration rollbackBound;
    private final StopProbe probe;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();
    /** Why the store takes no more work (its database stopped, or a rollback did not complete), or null. */
    private volatile EntenteException stopped;
    /** Outermost transactions started, and ended (committed, rolled back or given up): equal when none is open. */
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();

    /** The connection of the thread's transaction. */
    private static final class Bound {
        final Connection connection;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    JdbcTransactions(DataSource dataSource) {
        this(dataSource, ROLLBACK_BOUND, StopProbe.NEVER);
    }

    JdbcTransactions(DataSource dataSource, Duration rollbackBound, StopProbe probe) {
        this.dataSource = dataSource;
        this.rollbackBound = rollbackBound;
        this.probe = probe;
    }

    /** Why the store takes no more work (its database stopped, or a rollback did not complete), or null when it is usable. */
    EntenteException stopped() {
        return stopped;
    }

    private void stop(Throwable cause) {
        if (stopped == null) {
            stopped = new EntenteException("the database stopped after a failed write (" + H2Files.rootMessage(cause)
                    + "); close the store and open it again", cause);
        }
    }

    /** Whether the connection's database stopped: if so the store stops too and the connection is let go. */
    private boolean stoppedAndAbandoned(Connection c) {
        Throwable cause = probe.stoppedBy(c);
        if (cause == null) {
            return false;
        }
        stop(cause);
        probe.abandon(c);
        return true;
    }

    @Override
    public Transaction startTransaction() {
        EntenteException stuck = stopped;
        if (stuck != null) {
            throw new EntenteException(stuck.getMessage(), stuck);
        }
        Bound open = current.get();
        if (open != null) {
            return new Transaction() {
                @Override
                public void commit() {
                    // the outermost transaction commits
                }

                @Override
                public void rollback() {
                    open.rollbackOnly = true;
                }
            };
        }
        Bound bound;
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            bound = new Bound(c);
        } catch (SQLException e) {
            throw new JdbcException("could not start a transaction: " + e.getMessage(), e);
        }
        started.incrementAndGet();
        current.set(bound);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    commitOutermost(bound);
                } finally {
                    ended.incrementAndGet();
                }
            }

            @Override
            public void rollback() {
                try {
                    rollbackAndRelease(bound);
                } finally {
                    ended.incrementAndGet();
                }
            }
        };
    }

    /**
     * {@return how many transactions have ended so far, or -1 while one is open} Read twice around a read of the
     * event table, an equal value says no transaction was open in between: a position missing from that read was
     * given up by its transaction (rolled back, or lost with the sequence's cache in a crash), not still being written.
     */
    long endedWhenIdle() {
        long e = ended.get();
        return started.get() == e ? e : -1;
    }

    private void commitOutermost(Bound bound) {
        if (bound.rollbackOnly) {
            rollbackAndRelease(bound);
            throw new EntenteException("the transaction was marked rollback-only by a failed part and was rolled back");
        }
        try {
            bound.connection.commit();
        } catch (SQLException e) {
            JdbcException failure = new JdbcException("could not commit: " + e.getMessage(), e);
            current.remove();
            if (stoppedAndAbandoned(bound.connection)) {
                throw failure;
            }
            try {
                // The pool rolls a returned connection back: bounded too.
                bounded("releasing a connection after a failed commit", () -> release(bound), failure);
            } catch (RuntimeException stuck) {
                failure.addSuppressed(stuck);
            }
            throw failure;
        }
        release(bound);
    }

    private void rollbackAndRelease(Bound bound) {
        current.remove();
        if (stopped != null && probe != StopProbe.NEVER) {
            // The database stopped: it kept no uncommitted write to roll back, and a statement could spin.
            probe.abandon(bound.connection);
            return;
        }
        if (stoppedAndAbandoned(bound.connection)) {
            return;
        }
        bounded("rolling back", () -> {
            try {
                bound.connection.rollback();
            } catch (SQLException e) {
                if (stoppedAndAbandoned(bound.connection)) {
                    return;
                }
                release(bound);
                throw new JdbcException("could not roll back: " + e.getMessage(), e);
            }
            release(bound);
        }, null);
    }

    /**
     * Runs work on a helper thread for at most the rollback bound. Past it the store is stopped and
     * an {@link EntenteException} says what did not complete (with the failure that led there, if any).
     */
    private void bounded(String what, Runnable work, Throwable after) {
        Future<?> done = HELPERS.submit(work);
        try {
            done.get(rollbackBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            EntenteException stuck = new EntenteException(what + " did not complete within " + rollbackBound.toMillis()
                    + " ms; the database is failing" + (after == null ? "" : " (" + after.getMessage() + ")")
                    + ", so this store takes no more work: close it and open it again", after);
            stopped = stuck;
            throw stuck;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new JdbcException(what + " failed: " + cause, (Exception) cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntenteException("interrupted while " + what, e);
        }
    }

    private void release(Bound bound) {
        current.remove();
        try {
            bound.connection.setAutoCommit(true);
            bound.connection.close();
        } catch (SQLException e) {
            // The pool discards a connection it cannot reset; nothing is lost here.
        }
    }

    /** Whether the calling thread has a transaction open. */
    boolean inTransaction() {
        return current.get() != null;
    }

    /** Connections: the thread's transaction's (closing it does nothing), or else a new auto-commit one. */
    ConnectionProvider connections() {
        return () -> {
            Bound bound = current.get();
            if (bound != null) {
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            String name = method.getName();
                            boolean noArgs = args == null || args.length == 0;
                            if (name.equals("close") || name.equals("setAutoCommit") || (name.equals("commit") && noArgs)) {
                                return null; // the transaction's owner commits and closes
                            }
                            if (name.equals("rollback") && noArgs) {
                                bound.rollbackOnly = true;
                                return null;
                            }
                            if (name.equals("getAutoCommit")) {
                                return false;
                            }
                            try {
                                return method.invoke(bound.connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            EntenteException stuck = stopped;
            if (stuck != null) {
                throw new SQLException(stuck.getMessage(), stuck);
            }
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            return c;
        };
    }
}
