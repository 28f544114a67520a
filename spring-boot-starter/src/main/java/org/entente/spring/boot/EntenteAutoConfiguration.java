package org.entente.spring.boot;

import javax.sql.DataSource;
import org.entente.Entente;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures one {@link Entente} bean from the {@code entente.*} properties ({@link EntenteProperties}),
 * closed when the application stops, and an {@link EntenteListeners} that subscribes the listener beans
 * ({@link EntenteHealthAutoConfiguration} adds the health indicator).
 *
 * <p>Where the store lives, when {@code entente.store} is not set: PostgreSQL through Entente's own pool when
 * {@code entente.postgres.url} is set, else PostgreSQL through the application's {@code DataSource} when it has
 * one (and only one), else H2 in {@code entente.h2.directory}. An application that defines its own
 * {@code Entente} bean keeps it: this configuration then makes none, and the listeners and health indicator use
 * the application's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Entente.class)
@EnableConfigurationProperties(EntenteProperties.class)
public final class EntenteAutoConfiguration {

    /** Made by Spring Boot. */
    public EntenteAutoConfiguration() {
    }

    /**
     * {@return the Entente, built from the properties and then the customizers; Spring closes it on shutdown}
     *
     * @param properties  the {@code entente.*} properties
     * @param dataSources the application's DataSource, if it has exactly one
     * @param customizers the application's customizers, in order
     */
    @Bean
    @ConditionalOnMissingBean
    Entente entente(EntenteProperties properties, ObjectProvider<DataSource> dataSources,
                    ObjectProvider<EntenteBuilderCustomizer> customizers) {
        Entente.Builder builder = Entente.builder();
        BuilderFromProperties.apply(properties, dataSources.getIfUnique(), builder);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * {@return the subscriptions of the application's listener beans, made once the context is refreshed}
     *
     * @param entente the application's Entente
     * @param beans   where the listener beans are looked for
     */
    @Bean
    @ConditionalOnSingleCandidate(Entente.class)
    @ConditionalOnBooleanProperty(name = "entente.listeners.enabled", matchIfMissing = true)
    EntenteListeners ententeListeners(Entente entente, ListableBeanFactory beans) {
        return new EntenteListeners(entente, beans);
    }
}
