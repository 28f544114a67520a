package org.entente.spring.boot;

import org.entente.Entente;

/**
 * Changes the builder of the auto-configured {@link Entente} after the {@code entente.*} properties are
 * applied and before it is built: for what has no property, such as the clock or the projection cache.
 * Every bean of this type is called, in {@link org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * EntenteBuilderCustomizer ententeClock() {
 *     return builder -> builder.clock(Clock.system(ZoneId.of("Africa/Niamey")));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EntenteBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(Entente.Builder builder);
}
