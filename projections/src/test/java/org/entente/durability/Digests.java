package org.entente.durability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HexFormat;
import org.entente.Entente;

/** Digests of database rows, to compare projections across restarts, rebuilds and instances. */
public final class Digests {

    private Digests() {
    }

    /** SHA-256 of every projection row in a stable order, and their count. */
    public static String projectionRows(Entente entente) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dyad, seq, fact_id, revision, recorded_at, payload, reason"
                     + " FROM entente_projection_fact ORDER BY dyad, seq, fact_id")) {
            ResultSetMetaData meta = rs.getMetaData();
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            sha.update(Integer.toString(rows).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
