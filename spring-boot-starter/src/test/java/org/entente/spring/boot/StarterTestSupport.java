package org.entente.spring.boot;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

/** Small things the starter's tests share. */
final class StarterTestSupport {

    private StarterTestSupport() {
    }

    /**
     * A runner with the starter's auto-configuration, whose contexts see only the properties a test gives: the
     * build hands every test JVM the system properties {@code entente.postgres.url} and {@code entente.postgres.user}
     * (for the PostgreSQL test helper), which an application context would otherwise read as the starter's own.
     */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withInitializer(context -> {
                    context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
                    context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
                })
                .withConfiguration(AutoConfigurations.of(EntenteMetricsAutoConfiguration.class, EntenteAutoConfiguration.class,
                        EntenteHealthAutoConfiguration.class));
    }

    /** An application DataSource that is not PostgreSQL: H2 in memory, private to this call. */
    static DataSource h2DataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:app" + System.nanoTime());
        return ds;
    }
}
