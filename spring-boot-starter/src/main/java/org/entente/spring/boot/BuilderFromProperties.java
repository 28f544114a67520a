package org.entente.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.spring.boot.EntenteProperties.Store;

/**
 * The {@code entente.*} properties applied to a builder: where the store lives ({@code entente.store},
 * {@code entente.h2.*}, {@code entente.postgres.*} and the application's DataSource), the window and the read
 * timeout. A value the builder refuses is reported with the property's name.
 */
final class BuilderFromProperties {

    /** The H2 version Entente is built and tested with (entente-parent's h2.version; a test keeps them equal). */
    static final String H2_VERSION = "2.5.252";

    /** Its line: H2 writes its files in a format of its line, which an older line does not read. */
    static final String H2_LINE = H2_VERSION.substring(0, H2_VERSION.lastIndexOf('.'));

    private BuilderFromProperties() {
    }

    /**
     * Sets the store, the window and the read timeout.
     *
     * @param dataSource the application's only DataSource, or null
     * @return the store chosen
     */
    static Store apply(EntenteProperties properties, DataSource dataSource, Entente.Builder builder) {
        Store store = store(properties, dataSource, builder);
        property("entente.window-days", properties.getWindowDays(), builder::windowDays);
        property("entente.read-timeout", properties.getReadTimeout(), builder::readTimeout);
        return store;
    }

    private static Store store(EntenteProperties properties, DataSource dataSource, Entente.Builder builder) {
        EntenteProperties.Postgres pg = properties.getPostgres();
        boolean url = pg.getUrl() != null && !pg.getUrl().isBlank();
        Store store = properties.getStore() != null ? properties.getStore()
                : url || dataSource != null ? Store.POSTGRES : Store.H2;
        switch (store) {
            case H2 -> {
                requireH2(h2Version());
                property("entente.h2.directory", properties.getH2().getDirectory(), builder::h2);
            }
            case MEMORY -> {
                requireH2(h2Version());
                builder.inMemory();
            }
            case POSTGRES -> {
                if (url) {
                    if (pg.getUser() == null || pg.getUser().isBlank()) {
                        throw new IllegalArgumentException("entente.postgres.user is not set; entente.postgres.url=" + pg.getUrl()
                                + " needs the database user's name (and entente.postgres.password unless the server trusts it)");
                    }
                    try {
                        builder.postgres(pg.getUrl(), pg.getUser(), pg.getPassword(), pg.getPoolSize());
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        throw new IllegalArgumentException("entente.postgres (url " + pg.getUrl() + ", pool-size " + pg.getPoolSize()
                                + "): " + e.getMessage(), e);
                    }
                } else if (dataSource != null) {
                    requirePostgres(dataSource, properties.getStore() == null);
                    builder.postgres(dataSource);
                } else {
                    throw new IllegalArgumentException("entente.store=postgres needs entente.postgres.url (with entente.postgres.user)"
                            + " or a single DataSource bean in the application; found neither");
                }
            }
        }
        return store;
    }

    /** The application's DataSource serves Entente only when it is PostgreSQL: say so now rather than fail on a table. */
    private static void requirePostgres(DataSource dataSource, boolean chosenByDefault) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Entente's store is the application's DataSource (" + (chosenByDefault
                    ? "entente.store is not set and the application has one" : "entente.store=postgres")
                    + "), and it gave no connection: " + e.getMessage(), e);
        }
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new IllegalStateException("the application's DataSource is " + product + ", not PostgreSQL, so Entente cannot"
                    + " keep its store there; set entente.store=h2 (a directory, entente.h2.directory) or entente.postgres.url");
        }
    }

    /** The H2 driver's version on the class path, read from its jar (not a constant, which the compiler would copy). */
    static String h2Version() {
        String version = org.h2.Driver.class.getPackage().getImplementationVersion();
        return version != null ? version : new org.h2.Driver().getMajorVersion() + "." + new org.h2.Driver().getMinorVersion();
    }

    /**
     * Refuses an H2 of another line than Entente's: Spring Boot's dependency management chooses its own H2 for every
     * application that uses it, and files written by one line of H2 are not read by an older one.
     */
    static void requireH2(String found) {
        if (!(found + ".").startsWith(H2_LINE + ".")) {
            throw new IllegalStateException("Entente's H2 store needs H2 " + H2_LINE + ".x, found H2 " + found + " on the class path"
                    + " (Spring Boot's dependency management chooses its own); set <h2.version>" + H2_VERSION + "</h2.version>"
                    + " in the application's pom (see the README, \"Spring Boot\")");
        }
    }

    /** Sets one property on the builder, naming the property when the builder refuses the value. */
    static <T> void property(String name, T value, Consumer<T> setter) {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "=" + value + " is refused: " + e.getMessage(), e);
        }
    }
}
