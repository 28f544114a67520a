package org.entente.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code entente.*} properties that {@link EntenteAutoConfiguration} builds the {@link org.entente.Entente}
 * bean from. Every one has a default: an application that sets none gets an H2 store in {@code ./entente-data},
 * or its own PostgreSQL database when it has a {@code DataSource}.
 *
 * <pre>{@code
 * entente.h2.directory=/var/lib/orders/entente
 * entente.window-days=180
 * entente.health.max-lag=10000
 * }</pre>
 *
 * <p>What the builder offers beyond these ({@code projectionCache}, {@code clock}, ...) is set by an
 * {@link EntenteBuilderCustomizer} bean.
 */
@ConfigurationProperties("entente")
public class EntenteProperties {

    /** Where the store lives, for {@link EntenteProperties#getStore()}. */
    public enum Store {
        /** An H2 database in a directory ({@code entente.h2.directory}). */
        H2,
        /** A PostgreSQL database: {@code entente.postgres.url}, or else the application's {@code DataSource}. */
        POSTGRES,
        /** An H2 database in memory, gone on shutdown: for tests and demonstrations. */
        MEMORY
    }

    /**
     * Where the store lives: h2 (a directory), postgres, or memory. When not set: postgres when
     * entente.postgres.url is set or the application has a DataSource bean, else h2.
     */
    private Store store;

    /**
     * The status and pledge window in days, 1 to 3650: on a date d, the facts of the days d - window + 1 to d
     * count.
     */
    private int windowDays = 180;

    /** How long a read waits for this instance's own writes to be projected. */
    private Duration readTimeout = Duration.ofSeconds(10);

    private final H2 h2 = new H2();
    private final Postgres postgres = new Postgres();
    private final Health health = new Health();
    private final Listeners listeners = new Listeners();

    /**
     * {@return the store chosen by {@code entente.store}; null when the application left the choice to the
     * starter (a JavaBean property, as Spring binds them)}
     */
    public Store getStore() {
        return store;
    }

    /**
     * Chooses where the store lives.
     *
     * @param store h2, postgres or memory; null to let the starter choose
     */
    public void setStore(Store store) {
        this.store = store;
    }

    /** {@return the status and pledge window, in days} */
    public int getWindowDays() {
        return windowDays;
    }

    /**
     * Sets the window; checked by {@link org.entente.Entente.Builder#windowDays(int)} when the bean is built.
     *
     * @param windowDays 1 to 3650
     */
    public void setWindowDays(int windowDays) {
        this.windowDays = windowDays;
    }

    /** {@return how long a read waits for this instance's writes} */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets how long a read waits for this instance's writes; checked by
     * {@link org.entente.Entente.Builder#readTimeout(Duration)} when the bean is built.
     *
     * @param readTimeout a positive duration, such as {@code 10s}
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** {@return the H2 store's settings} */
    public H2 getH2() {
        return h2;
    }

    /** {@return the PostgreSQL store's own connection settings} */
    public Postgres getPostgres() {
        return postgres;
    }

    /** {@return the health indicator's thresholds} */
    public Health getHealth() {
        return health;
    }

    /** {@return the listener beans' settings} */
    public Listeners getListeners() {
        return listeners;
    }

    /** {@code entente.h2.*}: the H2 store. */
    public static class H2 {

        /** The H2 database's directory, created (owner-only) if missing; relative to the working directory. */
        private Path directory = Path.of("entente-data");

        /** {@return the directory} */
        public Path getDirectory() {
            return directory;
        }

        /**
         * Sets the directory.
         *
         * @param directory relative to the working directory or absolute
         */
        public void setDirectory(Path directory) {
            this.directory = directory;
        }
    }

    /**
     * {@code entente.postgres.*}: a PostgreSQL database through a pool Entente opens and closes itself (HikariCP
     * and the PostgreSQL driver on the class path). Without a URL, the application's {@code DataSource} is used.
     */
    public static class Postgres {

        /** JDBC URL of the PostgreSQL database, such as jdbc:postgresql://localhost:5432/entente. */
        private String url;

        /** The database user (required with a URL). */
        private String user;

        /** The user's password; empty when the server asks for none. */
        private String password = "";

        /** The most connections Entente's own pool opens, 1 to 200. */
        private int poolSize = 10;

        /** {@return the JDBC URL; null (or blank) when Entente should use the application's DataSource} */
        public String getUrl() {
            return url;
        }

        /**
         * Sets the JDBC URL.
         *
         * @param url starting {@code jdbc:postgresql:}
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /** {@return the database user; null when not set} */
        public String getUser() {
            return user;
        }

        /**
         * Sets the database user.
         *
         * @param user the user's name
         */
        public void setUser(String user) {
            this.user = user;
        }

        /** {@return the password ({@code ""} for none)} */
        public String getPassword() {
            return password;
        }

        /**
         * Sets the password.
         *
         * @param password the password, empty for none
         */
        public void setPassword(String password) {
            this.password = password == null ? "" : password;
        }

        /** {@return the most connections of Entente's own pool} */
        public int getPoolSize() {
            return poolSize;
        }

        /**
         * Sets the pool's size.
         *
         * @param poolSize 1 to 200
         */
        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }
    }

    /** {@code entente.health.*}: when the health indicator reports DOWN. */
    public static class Health {

        /** The most events the projections may lag behind the store's head before health is DOWN. */
        private long maxLag = 10_000;

        /** The most failed deliveries in a row of one change to a listener bean before health is DOWN. */
        private int maxConsecutiveFailures = 5;

        /** {@return the largest lag still UP} */
        public long getMaxLag() {
            return maxLag;
        }

        /**
         * Sets the largest lag still UP.
         *
         * @param maxLag events behind the head, 0 or more
         */
        public void setMaxLag(long maxLag) {
            this.maxLag = maxLag;
        }

        /** {@return the most consecutive failures of a listener still UP} */
        public int getMaxConsecutiveFailures() {
            return maxConsecutiveFailures;
        }

        /**
         * Sets the most consecutive failures of a listener still UP.
         *
         * @param maxConsecutiveFailures 0 or more
         */
        public void setMaxConsecutiveFailures(int maxConsecutiveFailures) {
            this.maxConsecutiveFailures = maxConsecutiveFailures;
        }
    }

    /** {@code entente.listeners.*}: the listener beans. */
    public static class Listeners {

        /** Whether @EntenteListener methods and PartnershipListener beans are subscribed on start. */
        private boolean enabled = true;

        /** {@return whether listener beans are subscribed} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns subscribing the listener beans on or off.
         *
         * @param enabled false to leave them unsubscribed
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
