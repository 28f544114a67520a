package org.entente.core.store;

import java.io.Closeable;
import javax.sql.DataSource;

/**
 * The HikariCP pool a store opens for {@link EntenteStore.Builder#postgres(String, String, String, int)}.
 *
 * <p>PostgreSQL support is optional: the driver ({@code org.postgresql:postgresql}) and HikariCP
 * ({@code com.zaxxer:HikariCP}) are optional dependencies, so an application that uses the embedded H2
 * store does not carry them. This class is the only one that names HikariCP's types, and it is loaded
 * only when a store is opened on PostgreSQL by URL; {@link #check()} turns a missing jar into a
 * message that says which dependency to add.
 */
final class PostgresPool {

    /** What the builder keeps: no HikariCP type, so the builder loads without HikariCP. */
    record Settings(String jdbcUrl, String user, String password, int poolSize) {
        @Override
        public String toString() {
            return "Settings[user " + user + ", pool " + poolSize + ", password hidden]";
        }
    }

    private PostgresPool() {
    }

    /** Fails with the dependencies to add when the driver or HikariCP is not on the classpath. */
    static void check() {
        requireClass("com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP");
        requireClass("org.postgresql.Driver", "org.postgresql:postgresql");
    }

    private static void requireClass(String name, String artifact) {
        try {
            Class.forName(name, false, PostgresPool.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("PostgreSQL support needs " + artifact + " on the classpath (it is an optional "
                    + "dependency of entente-core); add it to the application's dependencies (README, Getting started)", e);
        }
    }

    /**
     * Opens the pool; the caller closes it through the returned {@link Closeable} (the same object).
     * The jars were checked when the builder took the URL ({@link #check()}), which made the settings.
     */
    static DataSource open(Settings s) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(s.jdbcUrl());
        config.setUsername(s.user());
        config.setPassword(s.password());
        config.setMaximumPoolSize(s.poolSize());
        config.setPoolName("entente");
        return new com.zaxxer.hikari.HikariDataSource(config);
    }
}
