package org.entente.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full consistency checks of a store by SQL, independent of Entente's own code: the events are the
 * truth, and every derived table must agree with them. Written for stores whose events each record one
 * new fact (the crash harness's talks), so "fact ids" and "events" must be in one-to-one agreement.
 */
final class StoreIntegrity {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a check found. */
    record Report(long events, long factIds, Set<String> eventFactIds, List<String> problems) {
        boolean consistent() {
            return problems.isEmpty();
        }
    }

    private StoreIntegrity() {
    }

    /**
     * Checks the event and fact-id tables: the three ways of counting fact ids agree (H2's row count,
     * a scan filtered on a column, a count over a subquery, distinct keys), each fact id names exactly
     * one event of its dyad and each event's fact id is registered, and every dyad's sequence numbers
     * run 0, 1, 2, ... without a gap or a repeat.
     */
    static Report check(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        long events = one(c, "SELECT COUNT(*) FROM DomainEventEntry");
        long ids = one(c, "SELECT COUNT(*) FROM entente_fact_id");
        long idsFiltered = one(c, "SELECT COUNT(*) FROM entente_fact_id WHERE dyad IS NOT NULL");
        long idsSubquery = one(c, "SELECT COUNT(*) FROM (SELECT fact_id FROM entente_fact_id) t");
        long idsDistinct = one(c, "SELECT COUNT(DISTINCT fact_id) FROM entente_fact_id");
        if (ids != idsFiltered || ids != idsSubquery || ids != idsDistinct) {
            problems.add("entente_fact_id counts disagree: count(*) " + ids + ", where dyad is not null " + idsFiltered
                    + ", over a subquery " + idsSubquery + ", distinct " + idsDistinct);
        }
        Map<String, String> registered = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT fact_id, dyad FROM entente_fact_id")) {
            while (rs.next()) {
                if (registered.put(rs.getString(1), rs.getString(2)) != null) {
                    problems.add("fact id " + rs.getString(1) + " is registered twice");
                }
            }
        }
        Set<String> eventFactIds = new HashSet<>();
        Map<String, long[]> sequences = new HashMap<>(); // dyad -> {count, min, max}
        int duplicates = 0;
        int unregistered = 0;
        int wrongDyad = 0;
        String example = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT aggregateIdentifier, sequenceNumber, payload FROM DomainEventEntry")) {
            while (rs.next()) {
                String dyad = rs.getString(1);
                long seq = rs.getLong(2);
                long[] span = sequences.computeIfAbsent(dyad, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                span[0]++;
                span[1] = Math.min(span[1], seq);
                span[2] = Math.max(span[2], seq);
                String id = factId(rs.getBytes(3));
                if (!eventFactIds.add(id)) {
                    duplicates++;
                    example = "event fact id " + id + " recorded twice";
                }
                String owner = registered.get(id);
                if (owner == null) {
                    unregistered++;
                    example = "event of " + dyad + " with fact id " + id + " has no entente_fact_id row";
                } else if (!owner.equals(dyad)) {
                    wrongDyad++;
                    example = "fact id " + id + " is registered to " + owner + " but its event is in " + dyad;
                }
            }
        }
        if (duplicates + unregistered + wrongDyad > 0) {
            problems.add(duplicates + " duplicated fact(s), " + unregistered + " event(s) without a fact id row, " + wrongDyad
                    + " registered to another dyad (e.g. " + example + ")");
        }
        Set<String> ghosts = new HashSet<>(registered.keySet());
        ghosts.removeAll(eventFactIds);
        if (!ghosts.isEmpty()) {
            problems.add(ghosts.size() + " fact id row(s) without an event, e.g. " + ghosts.iterator().next());
        }
        for (Map.Entry<String, long[]> e : sequences.entrySet()) {
            long[] span = e.getValue();
            if (span[1] != 0 || span[2] != span[0] - 1) {
                problems.add("dyad " + e.getKey() + " has " + span[0] + " events with sequence numbers " + span[1] + " to " + span[2]);
            }
        }
        return new Report(events, ids, eventFactIds, problems);
    }

    /** Projection rows against events: one row per event (the harness records no corrections). */
    static List<String> checkProjection(Connection c) throws SQLException {
        long events = one(c, "SELECT COUNT(*) FROM DomainEventEntry");
        long rows = one(c, "SELECT COUNT(*) FROM entente_projection_fact");
        return rows == events ? List.of() : List.of("entente_projection_fact holds " + rows + " row(s) for " + events + " event(s)");
    }

    static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String factId(byte[] payload) {
        try {
            return JSON.readTree(payload).path("fact").path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable event payload: " + e.getMessage(), e);
        }
    }
}
