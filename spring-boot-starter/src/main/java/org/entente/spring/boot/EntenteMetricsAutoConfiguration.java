package org.entente.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.Entente;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Entente's meters in the application's Micrometer registry: when Micrometer is on the class path (Spring Boot's
 * Actuator brings it), the auto-configured {@link Entente} is built with the application's {@link MeterRegistry}
 * ({@link Entente.Builder#meterRegistry}), so {@code entente.commands}, {@code entente.queries},
 * {@code entente.projection.lag}, the subscriptions' meters and the others of the README's "Metrics" section appear
 * beside the application's own. Without a registry bean nothing is measured. Spring Boot's
 * {@code management.metrics.enable.entente=false} turns them off.
 */
@AutoConfiguration(before = EntenteAutoConfiguration.class)
@ConditionalOnClass({Entente.class, MeterRegistry.class})
public final class EntenteMetricsAutoConfiguration {

    /** Made by Spring Boot. */
    public EntenteMetricsAutoConfiguration() {
    }

    /**
     * {@return a customizer giving the builder the application's registry (its primary one when it has several)}
     * It comes first, so an application's own customizer can give another.
     *
     * @param registries the application's registries, resolved when the Entente is built
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EntenteBuilderCustomizer ententeMeterRegistry(ObjectProvider<MeterRegistry> registries) {
        return builder -> registries.ifUnique(builder::meterRegistry);
    }
}
