package org.entente.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.entente.core.EntenteException;

/**
 * A store's tables: Axon's event, snapshot and token tables, Entente's fact-id and organisation
 * tables and indexes, created when missing, one instance at a time on a shared database.
 *
 * <p>One DDL serves H2 and PostgreSQL for the events ({@code PostgresEventTableFactory} works unchanged
 * on H2 2.x, where Axon's HSQL factory does not); tokens need each database's own factory.
 */
final class StoreSchema {

    /**
     * How many global positions H2 hands out between two writes of the event table's identity
     * sequence (H2's default is 32). H2 writes the sequence's new bound in a commit of its own, which
     * on a file opened with {@code WRITE_DELAY=0} is a whole store operation: at 32 it was a fifth of
     * the time of a batch ingest. The bound is written before any position under it is handed out, so
     * a position is never reused; a process killed between two writes leaves a gap of at most this
     * many positions, which readers skip like the gap of a rolled-back write (far below the event
     * engine's {@code MAX_GAP_OFFSET}). PostgreSQL's sequence needs no such setting.
     */
    static final int H2_IDENTITY_CACHE = 1_000;

    /** The PostgreSQL advisory lock key that serializes schema work ("ENTENTE" in ASCII, truncated). */
    private static final long SCHEMA_LOCK = 0x454E54454E5445L;

    private final StoreDatabase database;
    private final ConnectionProvider connections;

    StoreSchema(StoreDatabase database, ConnectionProvider connections) {
        this.database = database;
        this.connections = connections;
    }

    /** Creates the event and snapshot tables, the fact-id and organisation tables and Entente's indexes where missing. */
    void create(JdbcEventStorageEngine engine, FactIdRegistry registry, OrganisationRegistry organisations) {
        withSchemaLock(() -> {
            engine.createSchema(PostgresEventTableFactory.INSTANCE);
            registry.createSchema();
            organisations.createSchema();
            createIndexes();
        });
    }

    /** Creates the token table where missing, with the factory of the store's database. */
    void createTokenTable(JdbcTokenStore tokens) {
        withSchemaLock(() -> tokens.createSchema(database.backend() == EntenteStore.Backend.POSTGRES
                ? PostgresTokenTableFactory.INSTANCE : GenericTokenTableFactory.INSTANCE));
    }

    /**
     * Runs schema work so that instances starting at once on one database take turns (a PostgreSQL
     * advisory lock; H2 files are opened by one process at a time anyway).
     */
    void withSchemaLock(Runnable work) {
        if (database.backend() != EntenteStore.Backend.POSTGRES) {
            work.run();
            return;
        }
        try (Connection lock = database.dataSource().getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(true);
            s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                work.run();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new EntenteException("could not take the schema lock: " + e.getMessage(), e);
        }
    }

    private void createIndexes() {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            // createTokenAt(instant) and knownAt queries look events up by recording time.
            s.execute("CREATE INDEX IF NOT EXISTS entente_event_time ON DomainEventEntry (timeStamp)");
            if (database.backend() != EntenteStore.Backend.POSTGRES) {
                // Also on stores created before: the setting lives in the file, and changing it moves no row.
                // Only when it differs, so that opening a store that has it (to check it, say) writes nothing.
                long cache = -1;
                try (ResultSet rs = s.executeQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE UPPER(TABLE_NAME) = 'DOMAINEVENTENTRY' AND UPPER(COLUMN_NAME) = 'GLOBALINDEX'"
                        + " AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
                    if (rs.next()) {
                        cache = rs.getLong(1);
                    }
                }
                if (cache != H2_IDENTITY_CACHE) {
                    s.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex SET CACHE " + H2_IDENTITY_CACHE);
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not create Entente's indexes: " + e.getMessage(), e);
        }
    }
}
