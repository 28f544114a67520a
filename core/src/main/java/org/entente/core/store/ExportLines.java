package org.entente.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines of an export file: a format line, one JSON object per row, and (from format 2) a
 * manifest as the last line; format 3 adds the organisation rows and their count in the manifest.
 * Encodes rows read from a store and decodes lines read from a file into the same values: {@code Long}
 * for numeric columns, {@code byte[]} for binary ones, else strings.
 */
final class ExportLines {

    static final String FORMAT_1 = "entente-store-export/1";
    static final String FORMAT_2 = "entente-store-export/2";
    static final String FORMAT_3 = "entente-store-export/3";

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ExportLines() {
    }

    /** A row of a copied table; {@code number} is its line in a file, or its place in a store's rows. */
    record Row(CopiedTable table, Object[] values, long number, byte[] line) {
        Object get(String column) {
            return values[table.index(column)];
        }

        String text(String column) {
            return (String) get(column);
        }

        long whole(String column) {
            return (Long) get(column);
        }
    }

    /** A row's line, without the line feed. */
    static byte[] encode(CopiedTable table, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", table.table());
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            row.put(table.columns().get(i), v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v);
        }
        try {
            return JSON.writeValueAsBytes(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest line, without the line feed. */
    static byte[] encode(StoreCopy.Manifest m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", m.format());
        body.put("events", m.events());
        body.put("snapshots", m.snapshots());
        body.put("factIds", m.factIds());
        if (m.format() >= 3) {
            body.put("organisations", m.organisations());
        }
        body.put("lastGlobalIndex", m.lastGlobalIndex());
        body.put("sha256", m.sha256());
        try {
            return JSON.writeValueAsBytes(Map.of("manifest", body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed line: a row, or the manifest. */
    record Parsed(Row row, StoreCopy.Manifest manifest) {
    }

    /**
     * Decodes a data line or the manifest line.
     *
     * @throws BackupRejectedException naming the line and what is wrong with it
     */
    static Parsed decode(String text, long number) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new BackupRejectedException(number, "not JSON (" + firstLine(e.getMessage()) + "): " + abbreviate(text));
        }
        if (node == null || !node.isObject()) {
            throw new BackupRejectedException(number, "expected a JSON object, found " + abbreviate(text));
        }
        if (node.has("manifest")) {
            return new Parsed(null, manifest(node.get("manifest"), number));
        }
        String name = node.path("table").asText();
        CopiedTable table = CopiedTable.byName(name);
        if (table == null) {
            throw new BackupRejectedException(number, "unknown table '" + abbreviate(name) + "'; expected one of " + CopiedTable.names()
                    + " or the manifest");
        }
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            String column = table.columns().get(i);
            JsonNode v = node.get(column);
            if (v == null || v.isNull()) {
                if (table.required(column)) {
                    throw new BackupRejectedException(number, table.table() + " row without " + column);
                }
                continue;
            }
            if (CopiedTable.NUMERIC.contains(column)) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new BackupRejectedException(number, column + " must be a whole number, found " + abbreviate(v.toString()));
                }
                values[i] = v.longValue();
            } else if (!v.isTextual()) {
                throw new BackupRejectedException(number, column + " must be text, found " + abbreviate(v.toString()));
            } else if (CopiedTable.BINARY.contains(column)) {
                try {
                    values[i] = Base64.getDecoder().decode(v.asText());
                } catch (IllegalArgumentException e) {
                    throw new BackupRejectedException(number, column + " is not valid Base64 (" + e.getMessage() + ")");
                }
            } else {
                values[i] = v.asText();
            }
        }
        return new Parsed(new Row(table, values, number, text.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static StoreCopy.Manifest manifest(JsonNode m, long number) {
        if (!(m instanceof ObjectNode)) {
            throw new BackupRejectedException(number, "the manifest must be a JSON object, found " + abbreviate(String.valueOf(m)));
        }
        for (String field : new String[] {"format", "events", "snapshots", "factIds", "lastGlobalIndex"}) {
            if (!m.path(field).isIntegralNumber()) {
                throw new BackupRejectedException(number, "the manifest's " + field + " must be a whole number, found "
                        + abbreviate(String.valueOf(m.get(field))));
            }
        }
        int format = m.get("format").intValue();
        JsonNode organisations = m.get("organisations");
        if (format >= 3 && (organisations == null || !organisations.isIntegralNumber())) {
            throw new BackupRejectedException(number, "the manifest's organisations must be a whole number, found "
                    + abbreviate(String.valueOf(organisations)));
        }
        if (format < 3 && organisations != null) {
            throw new BackupRejectedException(number, "a manifest of format " + format + " has no organisations count;"
                    + " organisations travel from format 3");
        }
        String sha = m.path("sha256").asText("");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new BackupRejectedException(number, "the manifest's sha256 must be 64 lowercase hexadecimal digits, found '"
                    + abbreviate(sha) + "'");
        }
        return new StoreCopy.Manifest(format, m.get("events").longValue(), m.get("snapshots").longValue(),
                m.get("factIds").longValue(), organisations == null ? 0 : organisations.longValue(), m.get("lastGlobalIndex").longValue(), sha);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "nothing";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        // A garbled line may hold control characters; an error message never passes them to a terminal.
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
