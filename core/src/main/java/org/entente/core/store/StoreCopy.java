package org.entente.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.entente.core.EntenteException;

/**
 * Copies a store's history, as recorded, to another store or to a file: events with their original
 * global positions, recording timestamps and fact ids (not re-recorded), snapshots and the fact-id
 * table. The target must hold no event. Projections are not copied: the target rebuilds them from
 * the events when it is next opened through {@code Entente}, so it answers every {@code asOf} and
 * {@code knownAt} query as the source did.
 *
 * <pre>{@code
 * try (EntenteStore h2 = EntenteStore.builder().h2(dir).build();
 *      EntenteStore pg = EntenteStore.builder().postgres(dataSource).build()) {
 *     StoreCopy.Summary copied = StoreCopy.copy(h2, pg, (done, total) -> { });
 * }
 * }</pre>
 */
public final class StoreCopy {

    /** The format line of an export file. */
    public static final String FORMAT = "entente-store-export/1";
    private static final int CHUNK = 1000;

    /** A copied table: its name and columns; binary columns are Base64 in files. */
    private record Table(String name, List<String> columns, List<String> binary, String order) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("DomainEventEntry", List.of("globalIndex", "aggregateIdentifier", "sequenceNumber", "type", "eventIdentifier",
                    "metaData", "payload", "payloadRevision", "payloadType", "timeStamp"), List.of("metaData", "payload"), "globalIndex"),
            new Table("SnapshotEventEntry", List.of("aggregateIdentifier", "sequenceNumber", "type", "eventIdentifier",
                    "metaData", "payload", "payloadRevision", "payloadType", "timeStamp"), List.of("metaData", "payload"),
                    "aggregateIdentifier, sequenceNumber"),
            new Table(FactIdRegistry.TABLE, List.of("fact_id", "dyad"), List.of(), "fact_id"));

    /**
     * What was copied.
     *
     * @param events    events copied
     * @param snapshots snapshots copied
     * @param factIds   fact ids copied
     */
    public record Summary(long events, long snapshots, long factIds) {
    }

    private StoreCopy() {
    }

    /**
     * Copies everything recorded in {@code from} into {@code to}, which must hold no event.
     *
     * @param progress told (rows done, rows total) after each chunk
     * @throws EntenteException when the target is not empty, naming what it holds
     */
    public static Summary copy(EntenteStore from, EntenteStore to, BatchProgress progress) {
        requireEmpty(to);
        long total = 0;
        for (Table t : TABLES) {
            total += count(from, t.name());
        }
        long[] copied = new long[TABLES.size()];
        long done = 0;
        for (int i = 0; i < TABLES.size(); i++) {
            Table t = TABLES.get(i);
            List<Object[]> chunk = new ArrayList<>();
            try (Connection c = from.connections().getConnection(); Statement s = c.createStatement()) {
                s.setFetchSize(CHUNK);
                try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", t.columns()) + " FROM " + t.name() + " ORDER BY " + t.order())) {
                    while (rs.next()) {
                        Object[] row = new Object[t.columns().size()];
                        for (int col = 0; col < row.length; col++) {
                            row[col] = t.binary().contains(t.columns().get(col)) ? rs.getBytes(col + 1) : rs.getObject(col + 1);
                        }
                        chunk.add(row);
                        if (chunk.size() == CHUNK) {
                            insert(to, t, chunk);
                            copied[i] += chunk.size();
                            done += chunk.size();
                            progress.written((int) Math.min(Integer.MAX_VALUE, done), (int) Math.min(Integer.MAX_VALUE, total));
                            chunk.clear();
                        }
                    }
                }
            } catch (SQLException e) {
                throw new EntenteException("could not read " + t.name() + " from " + from + ": " + e.getMessage(), e);
            }
            insert(to, t, chunk);
            copied[i] += chunk.size();
            done += chunk.size();
            progress.written((int) Math.min(Integer.MAX_VALUE, done), (int) Math.min(Integer.MAX_VALUE, total));
        }
        restartGlobalIndex(to);
        return new Summary(copied[0], copied[1], copied[2]);
    }

    /** Writes everything recorded in a store to a file: a format line, then one JSON object per row. */
    public static Summary export(EntenteStore from, OutputStream out) {
        ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        long[] copied = new long[TABLES.size()];
        try {
            out.write((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < TABLES.size(); i++) {
                Table t = TABLES.get(i);
                try (Connection c = from.connections().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT " + String.join(", ", t.columns()) + " FROM " + t.name() + " ORDER BY " + t.order())) {
                    while (rs.next()) {
                        Map<String, Object> row = new java.util.LinkedHashMap<>();
                        row.put("table", t.name());
                        for (int col = 0; col < t.columns().size(); col++) {
                            String name = t.columns().get(col);
                            Object v = t.binary().contains(name) ? encode(rs.getBytes(col + 1)) : rs.getObject(col + 1);
                            row.put(name, v);
                        }
                        out.write(json.writeValueAsBytes(row));
                        out.write('\n');
                        copied[i]++;
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new EntenteException("could not read " + from + ": " + e.getMessage(), e);
        }
        return new Summary(copied[0], copied[1], copied[2]);
    }

    /**
     * Reads an export file into a store that holds no event.
     *
     * @throws EntenteException when the file is not an export (naming the line) or the target is not empty
     */
    public static Summary importInto(EntenteStore to, InputStream in) {
        requireEmpty(to);
        ObjectMapper json = new ObjectMapper();
        long[] copied = new long[TABLES.size()];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (!FORMAT.equals(first)) {
                throw new EntenteException("line 1: expected '" + FORMAT + "', found '" + abbreviate(first) + "'; not an Entente store export");
            }
            Table current = null;
            List<Object[]> chunk = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                JsonNode row;
                try {
                    row = json.readTree(line);
                } catch (IOException e) {
                    throw new EntenteException("line " + number + ": not JSON (" + e.getMessage() + ")");
                }
                String name = row.path("table").asText();
                int at = number;
                Table t = TABLES.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                        new EntenteException("line " + at + ": unknown table '" + abbreviate(name) + "'; expected one of "
                                + TABLES.stream().map(Table::name).toList()));
                if (current != null && t != current) {
                    insert(to, current, chunk);
                    copied[TABLES.indexOf(current)] += chunk.size();
                    chunk.clear();
                }
                current = t;
                Object[] values = new Object[t.columns().size()];
                for (int col = 0; col < values.length; col++) {
                    String column = t.columns().get(col);
                    JsonNode v = row.get(column);
                    values[col] = v == null || v.isNull() ? null
                            : t.binary().contains(column) ? Base64.getDecoder().decode(v.asText())
                            : v.isNumber() ? v.numberValue() : v.asText();
                }
                chunk.add(values);
                if (chunk.size() == CHUNK) {
                    insert(to, t, chunk);
                    copied[TABLES.indexOf(t)] += chunk.size();
                    chunk.clear();
                }
            }
            if (current != null) {
                insert(to, current, chunk);
                copied[TABLES.indexOf(current)] += chunk.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restartGlobalIndex(to);
        return new Summary(copied[0], copied[1], copied[2]);
    }

    private static void insert(EntenteStore to, Table t, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(t.columns().size(), "?"));
        org.axonframework.common.transaction.Transaction tx = to.transactionManager().startTransaction();
        try (Connection c = to.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name() + " (" + String.join(", ", t.columns())
                     + ") VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int col = 0; col < row.length; col++) {
                    ps.setObject(col + 1, row[col]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            tx.commit();
        } catch (SQLException | RuntimeException e) {
            tx.rollback();
            throw new EntenteException("could not write " + t.name() + " into " + to + ": " + e.getMessage(), e);
        }
    }

    /** The target's global index continues after the copied positions. */
    private static void restartGlobalIndex(EntenteStore to) {
        try (Connection c = to.connections().getConnection(); Statement s = c.createStatement()) {
            long max;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")) {
                rs.next();
                max = rs.getLong(1);
            }
            if (to.backend() == EntenteStore.Backend.POSTGRES) {
                s.execute("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), " + Math.max(1, max)
                        + ", " + (max > 0) + ")");
            } else {
                s.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (max + 1));
            }
        } catch (SQLException e) {
            throw new EntenteException("could not move the global index of " + to + " past the copied events: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(EntenteStore to) {
        long events = count(to, "DomainEventEntry");
        long ids = count(to, FactIdRegistry.TABLE);
        if (events > 0 || ids > 0) {
            throw new EntenteException(to + " already holds " + events + " event(s) and " + ids
                    + " fact id(s); copy into an empty database");
        }
    }

    private static long count(EntenteStore store, String table) {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EntenteException("could not count " + table + " in " + store + ": " + e.getMessage(), e);
        }
    }

    private static String encode(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "end of file";
        }
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

}
