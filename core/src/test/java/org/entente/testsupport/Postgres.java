package org.entente.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own for one test class, dropped afterwards. The server is named by the
 * system properties {@code entente.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test})
 * and {@code entente.postgres.user} (default {@code postgres}). When no server answers, the test is
 * skipped with a message, unless {@code entente.postgres.required=true} (CI), where it fails.
 */
public final class Postgres implements AutoCloseable {

    private final String url;
    private final String user;
    private final String schema;

    private Postgres(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /** Creates a fresh schema, or skips (or fails, when required) if PostgreSQL is not reachable. */
    public static Postgres freshSchema(String prefix) {
        String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("entente.postgres.user", "postgres");
        boolean required = Boolean.getBoolean("entente.postgres.required");
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + url + " as " + user + " (" + e.getMessage() + ")";
            if (required) {
                Assertions.fail(message + "; entente.postgres.required=true, so PostgreSQL tests must run");
            }
            Assumptions.abort(message + "; PostgreSQL tests skipped (set -Dentente.postgres.required=true to make this a failure)");
        }
        return new Postgres(url, user, schema);
    }

    /** A data source whose connections use this schema. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
