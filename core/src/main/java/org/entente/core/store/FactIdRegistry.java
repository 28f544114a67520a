package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.internal.Columns;
import org.entente.core.relationship.FactConflictException;

/**
 * Fact ids are unique across the whole store: a table of (fact id, dyad) whose primary key is the
 * fact id, written in the same transaction as the events that record the facts. A fact id already
 * used by another dyad is a conflict; two writers racing for one id are stopped by the key.
 */
final class FactIdRegistry {

    static final String TABLE = "entente_fact_id";
    private static final int IN_LIST = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FactIdRegistry.class);

    private final ConnectionProvider connections;

    FactIdRegistry(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** The table's DDL under a name: {@link StoreIntegrity}'s rebuild creates its new table with it. */
    static String ddl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (fact_id VARCHAR(128) NOT NULL PRIMARY KEY, dyad " + Columns.ACTOR + " NOT NULL)";
    }

    /**
     * Creates the table where missing, and widens a {@code dyad} column of a store created before
     * organisations (declared {@code VARCHAR(16)}) in place. Runs under the store's schema lock.
     */
    void createSchema() {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl(TABLE));
            if (Columns.widen(c, TABLE, "dyad", Columns.ACTOR_WIDTH)) {
                LOG.info("{}: column dyad widened to {} for organisations' codes", TABLE, Columns.ACTOR);
            }
        } catch (SQLException e) {
            throw new EntenteException("could not create table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /** The dyad that owns the fact id, if it is recorded. */
    Optional<Dyad> dyadOf(FactId id) {
        return Optional.ofNullable(dyadsOf(List.of(id)).get(id));
    }

    /** The dyads owning those of the ids that are recorded. */
    Map<FactId, Dyad> dyadsOf(List<FactId> ids) {
        Map<FactId, Dyad> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = connections.getConnection()) {
            for (int from = 0; from < ids.size(); from += IN_LIST) {
                List<FactId> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT fact_id, dyad FROM " + TABLE + " WHERE fact_id IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i).value());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(FactId.of(rs.getString(1)), Dyad.parse(rs.getString(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read table " + TABLE + ": " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Claims new fact ids for a dyad inside the current transaction.
     *
     * @throws FactConflictException when an id already belongs to another dyad
     */
    void claim(Dyad dyad, List<FactId> ids) {
        claimAll(Map.of(dyad, ids));
    }

    /**
     * Claims the new fact ids of several dyads at once, in the current transaction, with one query for
     * the ids already taken and one batch of inserts; ids recorded already under their own dyad are
     * skipped (the dyad decides whether they name the same fact).
     *
     * @throws FactConflictException when an id already belongs to another dyad, or another writer
     *                               claimed one at the same time
     */
    void claimAll(Map<Dyad, List<FactId>> idsByDyad) {
        List<FactId> all = new ArrayList<>();
        idsByDyad.values().forEach(all::addAll);
        if (all.isEmpty()) {
            return;
        }
        Map<FactId, Dyad> taken = dyadsOf(all);
        List<FactId> fresh = new ArrayList<>();
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (fact_id, dyad) VALUES (?, ?)")) {
            for (Map.Entry<Dyad, List<FactId>> e : idsByDyad.entrySet()) {
                for (FactId id : e.getValue()) {
                    Dyad owner = taken.get(id);
                    if (owner != null) {
                        if (!owner.equals(e.getKey())) {
                            throw otherDyad(id, owner, e.getKey());
                        }
                        continue; // recorded already under this dyad: the dyad decides whether it is the same fact
                    }
                    ps.setString(1, id.value());
                    ps.setString(2, e.getKey().id());
                    ps.addBatch();
                    fresh.add(id);
                }
            }
            if (!fresh.isEmpty()) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                if (idsByDyad.size() == 1) {
                    Dyad dyad = idsByDyad.keySet().iterator().next();
                    throw new FactConflictException(fresh.get(0), "fact ids " + fresh + " of " + dyad
                            + ": another writer recorded one of them at the same time; fact ids are unique across the store");
                }
                throw new FactConflictException(all.get(0), "fact ids of this batch were recorded by another writer at the"
                        + " same time; fact ids are unique across the store (retry the batch)");
            }
            throw new EntenteException("could not write table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    static FactConflictException otherDyad(FactId id, Dyad owner, Dyad wanted) {
        return new FactConflictException(id, "fact id " + id + " already names a fact of " + owner
                + ", so it cannot name a fact of " + wanted + "; fact ids are unique across the store");
    }
}
