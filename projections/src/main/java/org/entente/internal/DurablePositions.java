package org.entente.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.entente.core.EntenteException;
import org.entente.core.store.EntenteStore;
import org.entente.subscription.SubscriptionPosition;

/**
 * The positions of durable subscriptions, one row per name in {@value #TABLE} (created on first use, under the
 * store's schema lock). Positions are global positions of this store's events: they do not travel with an
 * export, and a store rebuilt by {@code migrate} starts its durable subscriptions from its new head.
 */
final class DurablePositions {

    static final String TABLE = "entente_subscription";

    private final EntenteStore store;
    private volatile boolean created;

    DurablePositions(EntenteStore store) {
        this.store = store;
    }

    Optional<SubscriptionPosition> read(String name) {
        create();
        try (Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT position FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String text = rs.getString(1);
                try {
                    return Optional.of(SubscriptionPosition.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("durable subscription '" + name + "' (table " + TABLE + ") holds a position that"
                            + " cannot be read (" + e.getMessage() + "); to start it again from now, delete its row: DELETE FROM "
                            + TABLE + " WHERE name = '" + name + "'", e);
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read durable subscription " + name + " from table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    void write(String name, SubscriptionPosition position) {
        create();
        String text = position.toString();
        // One statement, atomic on both databases: two instances writing the first row do not collide.
        String upsert = store.backend() == EntenteStore.Backend.POSTGRES
                ? "INSERT INTO " + TABLE + " (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position"
                : "MERGE INTO " + TABLE + " (name, position) KEY (name) VALUES (?, ?)";
        try (Connection c = store.connections().getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, name);
            ps.setString(2, text);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EntenteException("could not write durable subscription " + name + " to table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private void create() {
        if (created) {
            return;
        }
        store.withSchemaLock(() -> {
            try (Connection c = store.connections().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(100) NOT NULL PRIMARY KEY, position VARCHAR(200) NOT NULL)");
            } catch (SQLException e) {
                throw new EntenteException("could not create table " + TABLE + ": " + e.getMessage(), e);
            }
        });
        created = true;
    }
}
