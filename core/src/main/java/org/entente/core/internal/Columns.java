package org.entente.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Internal, not API. The declared width of the columns that hold an actor code or a dyad id, and the
 * one way, on H2 and PostgreSQL, to read a text column's declared length and to widen it in place.
 */
public final class Columns {

    /**
     * The width of a column holding an actor code or a dyad id. An organisation's code is up to 16
     * characters ({@code ORG:} and an acronym of up to 12), so a dyad of two organisations is up to
     * 33; 64 leaves room without making the keys that hold them much wider.
     */
    public static final int ACTOR_WIDTH = 64;
    /** The SQL type of such a column. */
    public static final String ACTOR = "VARCHAR(" + ACTOR_WIDTH + ")";
    /** What {@link #declaredLength} returns for a text column declared without a length on PostgreSQL. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    private Columns() {
    }

    /**
     * The declared maximum length of a column of a table in the connection's current schema: -1 when
     * there is no such column, {@link #UNBOUNDED} when it has none (PostgreSQL's {@code VARCHAR}; H2
     * reports 1,000,000,000 for its own).
     *
     * @param c a connection to the store's database
     * @param table the table, in any case
     * @param column the column, in any case
     * @return the declared length, -1 or {@link #UNBOUNDED}
     * @throws SQLException when the database cannot be read
     */
    public static long declaredLength(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE UPPER(TABLE_NAME) = ? AND UPPER(COLUMN_NAME) = ? AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            ps.setString(2, column.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                long length = rs.getLong(1);
                return rs.wasNull() ? UNBOUNDED : length;
            }
        }
    }

    /**
     * Widens a text column declared narrower than {@code width} to {@code VARCHAR(width)}, keeping its
     * nullability and keys ({@code SET DATA TYPE} changes the type only, on H2 and PostgreSQL alike;
     * PostgreSQL rewrites no row to lengthen a {@code VARCHAR}). A column as wide or wider, or missing,
     * is left alone, so running it again changes nothing. Run it under the store's schema lock, so that
     * two instances opening at once do not both alter the table.
     *
     * @param c a connection to the store's database, in auto-commit (H2 commits an open transaction on DDL)
     * @param table the table
     * @param column the column
     * @param width the least width wanted
     * @return whether the column was altered
     * @throws SQLException when the database cannot be read or altered
     */
    public static boolean widen(Connection c, String table, String column, int width) throws SQLException {
        long declared = declaredLength(c, table, column);
        if (declared < 0 || declared >= width) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR(" + width + ")");
        }
        return true;
    }
}
