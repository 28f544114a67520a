package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.entente.core.EntenteException;

/** Writes rows in chunks, each committed with the marker's count of rows done. */
final class ChunkWriter {

    private static final long CHUNK_BYTES = 4L << 20;
    private final EntenteStore to;
    private final List<ExportLines.Row> rows = new ArrayList<>();
    private long bytes;

    ChunkWriter(EntenteStore to) {
        this.to = to;
    }

    void add(ExportLines.Row row) {
        rows.add(row);
        bytes += row.line().length;
    }

    boolean full() {
        return rows.size() >= StoreCopy.CHUNK_ROWS || bytes >= CHUNK_BYTES;
    }

    void flush(long rowsDone) {
        if (rows.isEmpty()) {
            return;
        }
        Transaction tx = to.transactionManager().startTransaction();
        try (Connection c = to.connections().getConnection()) {
            int from = 0;
            while (from < rows.size()) {
                CopiedTable table = rows.get(from).table();
                int end = from;
                try (PreparedStatement ps = c.prepareStatement(table.insert())) {
                    while (end < rows.size() && rows.get(end).table() == table) {
                        bind(ps, rows.get(end));
                        ps.addBatch();
                        end++;
                    }
                    ps.executeBatch();
                }
                from = end;
            }
            ImportMarker.advance(c, rowsDone);
        } catch (SQLException | RuntimeException e) {
            rollback(tx);
            throw new EntenteException("could not write rows " + (rowsDone - rows.size() + 1) + " to " + rowsDone + " into " + to
                    + " (" + e.getMessage() + "); the rows before are kept: run the same import again to resume", e);
        }
        try {
            tx.commit();
        } catch (RuntimeException e) {
            throw new EntenteException("could not commit rows up to " + rowsDone + " into " + to + " (" + e.getMessage()
                    + "); run the same import again to resume", e);
        }
        rows.clear();
        bytes = 0;
    }

    private static void bind(PreparedStatement ps, ExportLines.Row row) throws SQLException {
        List<String> columns = row.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row.values()[i];
            String column = columns.get(i);
            if (v == null) {
                ps.setNull(i + 1, CopiedTable.NUMERIC.contains(column) ? Types.BIGINT
                        : CopiedTable.BINARY.contains(column) ? Types.BINARY : Types.VARCHAR);
            } else if (v instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    private static void rollback(Transaction tx) {
        try {
            tx.rollback();
        } catch (RuntimeException ignored) {
            // the connection is gone with its transaction
        }
    }
}
