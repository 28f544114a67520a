package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.entente.core.EntenteException;

/**
 * The row that says a store is the target of an import that has not finished: table
 * {@code entente_import}, one row, committed before the first copied row, advanced in the same
 * transaction as each chunk of rows, and dropped when the import is complete. It names the source and
 * its manifest's checksum, so a retry from the same source resumes after the last committed chunk and
 * a retry from another source clears the unfinished rows first.
 */
final class ImportMarker {

    static final String TABLE = "entente_import";

    /**
     * An unfinished import.
     *
     * @param source    the file or store it reads, as the user named it
     * @param sha256    the checksum of the source's rows (its manifest's)
     * @param totalRows rows the source holds
     * @param rowsDone  rows committed to the target
     * @param started   when it started
     */
    record State(String source, String sha256, long totalRows, long rowsDone, String started) {
    }

    private ImportMarker() {
    }

    /** The unfinished import of a store, if any; reads without creating anything. */
    static Optional<State> read(EntenteStore store) {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            if (!exists(store, s)) {
                return Optional.empty();
            }
            try (ResultSet rs = s.executeQuery("SELECT source, sha256, total_rows, rows_done, started FROM " + TABLE + " WHERE id = 1")) {
                return rs.next() ? Optional.of(new State(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read table " + TABLE + " of " + store + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(EntenteStore store, Statement s) throws SQLException {
        String query = store.backend() == EntenteStore.Backend.POSTGRES
                ? "SELECT to_regclass('" + TABLE + "') IS NOT NULL"
                : "SELECT COUNT(*) > 0 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = '"
                  + TABLE.toUpperCase(java.util.Locale.ROOT) + "'";
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Records, committed, that an import of this source starts (or restarts from its first row).
     *
     * @param clock what gives the start's time, shown when the import is found unfinished
     */
    static void start(EntenteStore store, String source, StoreCopy.Manifest manifest, Clock clock) {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT NOT NULL PRIMARY KEY, source VARCHAR(4000) NOT NULL,"
                    + " sha256 VARCHAR(64) NOT NULL, total_rows BIGINT NOT NULL, rows_done BIGINT NOT NULL, started VARCHAR(40) NOT NULL)");
            s.execute("DELETE FROM " + TABLE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (id, source, sha256, total_rows, rows_done, started) VALUES (1, ?, ?, ?, 0, ?)")) {
                ps.setString(1, source.length() > 4000 ? source.substring(0, 4000) : source);
                ps.setString(2, manifest.sha256());
                ps.setLong(3, manifest.rows());
                ps.setString(4, clock.instant().toString());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new EntenteException("could not write table " + TABLE + " of " + store + ": " + e.getMessage(), e);
        }
    }

    /** Moves the marker on, on the connection of the chunk's transaction. */
    static void advance(Connection c, long rowsDone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET rows_done = ? WHERE id = 1")) {
            ps.setLong(1, rowsDone);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the import marker of table " + TABLE + " is gone; another process cleared it");
            }
        }
    }

    /** Removes the marker and its table: the import is complete. */
    static void finish(EntenteStore store) {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        } catch (SQLException e) {
            throw new EntenteException("could not drop table " + TABLE + " of " + store + ": " + e.getMessage(), e);
        }
    }
}
