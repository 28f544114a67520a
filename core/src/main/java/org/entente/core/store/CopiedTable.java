package org.entente.core.store;

import java.util.List;
import java.util.Set;

/**
 * The tables a store copy or an export carries, in the order they are written: events by position,
 * snapshots, the fact-id table, then the organisations registered in the store (from export format 3).
 * Binary columns are Base64 in export files; numeric columns are whole numbers.
 */
enum CopiedTable {
    EVENTS("DomainEventEntry", List.of("globalIndex", "aggregateIdentifier", "sequenceNumber", "type", "eventIdentifier",
            "metaData", "payload", "payloadRevision", "payloadType", "timeStamp"),
            Set.of("globalIndex", "aggregateIdentifier", "sequenceNumber", "eventIdentifier", "payload", "payloadType", "timeStamp"),
            "globalIndex"),
    SNAPSHOTS("SnapshotEventEntry", List.of("aggregateIdentifier", "sequenceNumber", "type", "eventIdentifier",
            "metaData", "payload", "payloadRevision", "payloadType", "timeStamp"),
            Set.of("aggregateIdentifier", "sequenceNumber", "eventIdentifier", "payload", "payloadType", "timeStamp"),
            "aggregateIdentifier, sequenceNumber"),
    FACT_IDS(FactIdRegistry.TABLE, List.of("fact_id", "dyad"), Set.of("fact_id", "dyad"), "fact_id"),
    ORGANISATIONS(OrganisationRegistry.TABLE, List.of("acronym", "name", "cameo"), Set.of("acronym", "name"), "acronym");

    static final Set<String> BINARY = Set.of("metaData", "payload");
    static final Set<String> NUMERIC = Set.of("globalIndex", "sequenceNumber");

    private final String table;
    private final List<String> columns;
    private final Set<String> required;
    private final String order;

    CopiedTable(String table, List<String> columns, Set<String> required, String order) {
        this.table = table;
        this.columns = columns;
        this.required = required;
        this.order = order;
    }

    /** The SQL table name, as written in export lines' {@code "table"} field. */
    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    boolean required(String column) {
        return required.contains(column);
    }

    String select() {
        return "SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY " + order;
    }

    String insert() {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    int index(String column) {
        return columns.indexOf(column);
    }

    static CopiedTable byName(String name) {
        for (CopiedTable t : values()) {
            if (t.table.equals(name)) {
                return t;
            }
        }
        return null;
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(CopiedTable::table).toList();
    }
}
