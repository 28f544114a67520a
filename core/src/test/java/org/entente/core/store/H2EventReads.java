package org.entente.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/** Counts, through H2's query statistics, the event rows a store read from a dyad's sequence number on. */
final class H2EventReads {

    private H2EventReads() {
    }

    /** Switches H2's query statistics on for the store's database. */
    static void start(EntenteStore store) throws Exception {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** Rows that H2 statements reading a dyad's events from a sequence number on returned since {@link #start}. */
    static long rows(EntenteStore store) throws Exception {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            long rows = 0;
            while (rs.next()) {
                String sql = rs.getString(1).toUpperCase(Locale.ROOT);
                if (sql.contains("FROM DOMAINEVENTENTRY") && sql.contains("SEQUENCENUMBER >=")) {
                    rows += rs.getLong(2);
                }
            }
            return rows;
        }
    }
}
