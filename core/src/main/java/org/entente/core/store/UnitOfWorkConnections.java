package org.entente.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The small JDBC transaction manager Axon lacks outside Spring. Inside a unit of work (up to its
 * prepare-commit phase) every caller gets the same connection with auto-commit off, committed when
 * the unit of work commits and rolled back when it rolls back (Axon's
 * {@link UnitOfWorkAwareConnectionProviderWrapper} does the binding); everywhere else a connection is
 * in auto-commit mode. So events, fact ids, projection rows and processor tokens written in one unit
 * of work share one transaction.
 */
final class UnitOfWorkConnections {

    private UnitOfWorkConnections() {
    }

    /** The provider to give every Axon JDBC component and every Entente table. */
    static ConnectionProvider bound(DataSource dataSource) {
        ConnectionProvider raw = () -> {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(!insideTransaction());
            return connection;
        };
        return new UnitOfWorkAwareConnectionProviderWrapper(raw);
    }

    /** The same condition under which Axon's wrapper binds a connection to the unit of work. */
    private static boolean insideTransaction() {
        return CurrentUnitOfWork.isStarted()
                && !CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT);
    }

    /** Whether an exception is a duplicate key (SQLState 23505), looking through causes and chained exceptions. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
