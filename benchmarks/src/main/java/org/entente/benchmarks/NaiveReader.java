package org.entente.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.relationship.RelationshipState;

/**
 * The as-of baseline: no projection at all. A dyad's events are read from the event table, the
 * facts in force are kept (retractions and corrections applied), those on or before the date are
 * sorted in the rules' order and folded with {@link Decider#stateOf}. One connection, one prepared
 * statement; not thread-safe.
 */
final class NaiveReader implements AutoCloseable {

    private final RawStore stored = new RawStore();
    private final Connection connection;
    private final PreparedStatement byDyad;

    NaiveReader(Connection connection) throws SQLException {
        this.connection = connection;
        this.byDyad = connection.prepareStatement(
                "SELECT payloadType, payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
    }

    /** The facts in force now, in recording order. */
    List<FactEvent> facts(Dyad dyad) throws SQLException {
        Map<FactId, FactEvent> byId = new LinkedHashMap<>();
        byDyad.setString(1, dyad.id());
        try (ResultSet rs = byDyad.executeQuery()) {
            while (rs.next()) {
                RelationshipEvent e = stored.read(rs.getString(1), rs.getBytes(2));
                e.match(fact -> byId.putIfAbsent(fact.fact().id(), fact),
                        retracted -> {
                            retracted.facts().forEach(byId::remove);
                            return null;
                        },
                        corrected -> byId.put(corrected.revised().fact().id(), corrected.revised()));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The dyad's state on a date, folded from its stored events. */
    RelationshipState stateOf(Dyad dyad, LocalDate date) throws SQLException {
        List<FactEvent> upTo = new ArrayList<>();
        for (FactEvent e : facts(dyad)) {
            if (!e.fact().happened().day().isAfter(date)) {
                upTo.add(e);
            }
        }
        upTo.sort(DyadHistory.ORDER);
        return Decider.stateOf(dyad, upTo);
    }

    /** Every dyad's state on a date (a naive portfolio). */
    List<RelationshipState> statesOf(List<Dyad> dyads, LocalDate date) throws SQLException {
        List<RelationshipState> out = new ArrayList<>(dyads.size());
        for (Dyad d : dyads) {
            out.add(stateOf(d, date));
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        byDyad.close();
        connection.close();
    }
}
