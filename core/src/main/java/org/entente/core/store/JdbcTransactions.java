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
 * <h2>A rollback that cannot complete</h2>
 * After a failed write (a full disk) H2 2.x can leave its version counter negative, and then every
 * later statement of that database, the rollback first, spins in {@code MVStore.registerVersionUsage}
 * at 100% CPU, never returning and never reading an interrupt. So a rollback, and the release of a
 * connection whose transaction failed, run on a helper thread for at most {@link #ROLLBACK_BOUND}: past it
 * the caller gets an {@link EntenteException} saying so, the store takes no more transactions
 * ({@link #broken()}), and the stuck helper is a daemon thread that does not keep the JVM alive.
 */
final class JdbcTransactions implements TransactionManager {

    /** How long a rollback may take before it is given up (a chunk's transaction is capped far below). */
    static final Duration ROLLBACK_BOUND = Duration.ofSeconds(30);

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "entente-rollback");
        t.setDaemon(true);
        return t;
    });

    private final DataSource dataSource;
    private final Duration rollbackBound;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();
    /** Why the store takes no more transactions (a rollback that did not complete), or null. */
    private volatile EntenteException broken;

    /** The connection of the thread's transaction. */
    private static final class Bound {
        final Connection connection;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    JdbcTransactions(DataSource dataSource) {
        this(dataSource, ROLLBACK_BOUND);
    }

    JdbcTransactions(DataSource dataSource, Duration rollbackBound) {
        this.dataSource = dataSource;
        this.rollbackBound = rollbackBound;
    }

    /** Why the database takes no more work (a rollback that did not complete), or null when it is usable. */
    EntenteException broken() {
        return broken;
    }

    @Override
    public Transaction startTransaction() {
        EntenteException stuck = broken;
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
        current.set(bound);
        return new Transaction() {
            @Override
            public void commit() {
                if (bound.rollbackOnly) {
                    rollbackAndRelease(bound);
                    throw new EntenteException("the transaction was marked rollback-only by a failed part and was rolled back");
                }
                try {
                    bound.connection.commit();
                } catch (SQLException e) {
                    JdbcException failure = new JdbcException("could not commit: " + e.getMessage(), e);
                    current.remove();
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

            @Override
            public void rollback() {
                rollbackAndRelease(bound);
            }
        };
    }

    private void rollbackAndRelease(Bound bound) {
        current.remove();
        bounded("rolling back", () -> {
            try {
                bound.connection.rollback();
            } catch (SQLException e) {
                throw new JdbcException("could not roll back: " + e.getMessage(), e);
            } finally {
                release(bound);
            }
        }, null);
    }

    /**
     * Runs work on a helper thread for at most the rollback bound. Past it the store is marked broken and
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
            broken = stuck;
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
            EntenteException stuck = broken;
            if (stuck != null) {
                throw new SQLException(stuck.getMessage(), stuck);
            }
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            return c;
        };
    }
}
