package org.entente.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.entente.core.EntenteException;

/**
 * A store's rows, read in one repeatable-read transaction of their own, or in the calling thread's
 * transaction when it has one (which is then left as it was: no rollback, no change of isolation).
 */
final class StoreRows implements CopySource.Rows {
    private final EntenteStore store;
    private final Connection connection;
    /** Whether this reader owns the connection's transaction (it was in auto-commit mode). */
    private final boolean owned;
    private final int isolation;
    private int table = -1;
    private Statement statement;
    private ResultSet results;
    private long number;

    StoreRows(EntenteStore store) {
        this.store = store;
        try {
            connection = store.connections().getConnection();
            owned = connection.getAutoCommit();
            isolation = connection.getTransactionIsolation();
            if (owned) {
                // One snapshot for the three tables: a concurrent writer cannot split events from their fact ids.
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read " + store + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ExportLines.Row next() {
        try {
            while (results == null || !results.next()) {
                closeResults();
                table++;
                if (table == CopiedTable.values().length) {
                    return null;
                }
                statement = connection.createStatement();
                statement.setFetchSize(StoreCopy.CHUNK_ROWS);
                results = statement.executeQuery(CopiedTable.values()[table].select());
            }
            CopiedTable t = CopiedTable.values()[table];
            Object[] values = new Object[t.columns().size()];
            for (int i = 0; i < values.length; i++) {
                String column = t.columns().get(i);
                if (CopiedTable.NUMERIC.contains(column)) {
                    long v = results.getLong(i + 1);
                    values[i] = results.wasNull() ? null : v;
                } else if (CopiedTable.BINARY.contains(column)) {
                    values[i] = results.getBytes(i + 1);
                } else {
                    values[i] = results.getString(i + 1);
                }
            }
            return new ExportLines.Row(t, values, ++number, ExportLines.encode(t, values));
        } catch (SQLException e) {
            throw new EntenteException("could not read " + CopiedTable.values()[table].table() + " from " + store + ": " + e.getMessage(), e);
        }
    }

    private void closeResults() throws SQLException {
        if (results != null) {
            results.close();
            results = null;
        }
        if (statement != null) {
            statement.close();
            statement = null;
        }
    }

    @Override
    public void close() {
        try {
            closeResults();
            if (owned) {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the pool discards a connection it cannot reset
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
