package org.entente.spring.boot;

import org.entente.Entente;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code entente} (see {@link EntenteProperties.Health} for its thresholds), when Spring
 * Boot's health module is on the class path and the application has one {@link Entente} bean, the starter's or its
 * own. Turned off as any other: {@code management.health.entente.enabled=false}.
 */
@AutoConfiguration(after = EntenteAutoConfiguration.class)
@ConditionalOnClass({Entente.class, HealthIndicator.class})
public final class EntenteHealthAutoConfiguration {

    /** Made by Spring Boot. */
    public EntenteHealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnSingleCandidate(Entente.class)
    @ConditionalOnEnabledHealthIndicator("entente")
    @ConditionalOnMissingBean(name = "ententeHealthIndicator")
    EntenteHealthIndicator ententeHealthIndicator(Entente entente, EntenteProperties properties,
                                                  ObjectProvider<EntenteListeners> listeners) {
        return new EntenteHealthIndicator(entente, properties.getHealth(), listeners);
    }
}
