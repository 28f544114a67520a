package org.entente.core.store;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
final class JdbcTransactions implements TransactionManager {

    private final DataSource dataSource;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    /** The connection of the thread's transaction. */
    private static final class Bound {
        final Connection connection;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
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
                try {
                    if (bound.rollbackOnly) {
                        bound.connection.rollback();
                        throw new EntenteException("the transaction was marked rollback-only by a failed part and was rolled back");
                    }
                    bound.connection.commit();
                } catch (SQLException e) {
                    throw new JdbcException("could not commit: " + e.getMessage(), e);
                } finally {
                    release(bound);
                }
            }

            @Override
            public void rollback() {
                try {
                    bound.connection.rollback();
                } catch (SQLException e) {
                    throw new JdbcException("could not roll back: " + e.getMessage(), e);
                } finally {
                    release(bound);
                }
            }
        };
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
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            return c;
        };
    }
}
