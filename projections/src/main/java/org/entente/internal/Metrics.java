package org.entente.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.axonframework.config.Configurer;
import org.entente.Entente;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.BatchResult;
import org.entente.core.store.Recorded;

/**
 * What an {@link Entente} tells its meters: {@link #NONE} when no registry was given, Micrometer's otherwise.
 *
 * <p>This interface names no Micrometer type, so that an application without Micrometer on its class path loads
 * it (and {@link #NONE}) and nothing else: {@code MicrometerMetrics}, the only class that imports Micrometer, is
 * loaded by {@link #of(Object)} once a registry is given. With {@link #NONE} each hook is one call that does
 * nothing, and {@link #start()} reads no clock.
 */
public interface Metrics extends AutoCloseable {

    /** Measures nothing. */
    Metrics NONE = new Metrics() {
    };

    /**
     * {@return {@link #NONE} for null, else meters in this registry}
     *
     * @param registry a {@code io.micrometer.core.instrument.MeterRegistry}, typed {@code Object} so that this
     *                 interface loads without Micrometer; or null for no meters
     */
    static Metrics of(Object registry) {
        return registry == null ? NONE : MicrometerMetrics.of(registry);
    }

    /** The queries timed, each the value of the {@code query} tag. */
    enum Query {
        /** {@code partnership(dyad, when)}. */
        PARTNERSHIP,
        /** {@code portfolio(country, when)}. */
        PORTFOLIO,
        /** {@code members(organisation, when)}. */
        MEMBERS,
        /** {@code memberships(country, when)}. */
        MEMBERSHIPS,
        /** Both {@code timeline(...)}s. */
        TIMELINE,
        /** Every {@code changes(...)}. */
        CHANGES,
        /** {@code series(query)}. */
        SERIES,
        /** {@code history(dyad)}. */
        HISTORY,
        /** {@code simulate(scenario)}. */
        SIMULATE;

        /** {@return the tag value: the name in lower case} */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@return where a timing starts: {@link System#nanoTime()}, or 0 when nothing is measured} */
    default long start() {
        return 0;
    }

    /**
     * Counts a command the store accepted.
     *
     * @param command  the command
     * @param recorded what {@code record} returned, returned as is
     * @return {@code recorded}
     */
    default Recorded recorded(RelationshipCommand command, Recorded recorded) {
        return recorded;
    }

    /**
     * Counts a command the store refused ({@code RuleViolationException} and the like) or failed to write.
     *
     * @param command the command
     * @param failure what {@code record} threw
     */
    default void refused(RelationshipCommand command, RuntimeException failure) {
    }

    /**
     * Counts a batch the store wrote, and each of its commands.
     *
     * @param commands the batch
     * @param start    {@link #start()} when the batch began
     * @param result   what {@code recordAll} returned, returned as is
     * @return {@code result}
     */
    default BatchResult batch(List<? extends RelationshipCommand> commands, long start, BatchResult result) {
        return result;
    }

    /**
     * Counts a batch that was rejected (each violation) or failed while writing (each command).
     *
     * @param commands the batch
     * @param start    {@link #start()} when the batch began
     * @param failure  what {@code recordAll} threw
     */
    default void batchFailed(List<? extends RelationshipCommand> commands, long start, RuntimeException failure) {
    }

    /**
     * Times a query that answered.
     *
     * @param query  which query
     * @param start  {@link #start()} when it began
     * @param answer its answer, returned as is
     * @param <T>    the answer's type
     * @return {@code answer}
     */
    default <T> T query(Query query, long start, T answer) {
        return answer;
    }

    /**
     * Registers the gauges that read an open Entente on each scrape: projection lag and the projection cache.
     * The registry holds the Entente weakly, and a gauge that cannot be read (closed, database down) says NaN.
     *
     * @param entente the Entente
     */
    default void watch(Entente entente) {
    }

    /**
     * Adds Axon's processor meters ({@code axon-micrometer}, when on the class path) to the processors.
     *
     * @param configurer the store's Axon configurer, before it starts
     */
    default void configure(Configurer configurer) {
    }

    /** Counts a change delivered to a subscriber. */
    default void delivered() {
    }

    /** Counts a delivery that failed (the listener threw; it is retried). */
    default void deliveryFailed() {
    }

    /**
     * Registers the subscriptions' gauges; the registry holds the suppliers until {@link #close()}.
     *
     * @param active how many subscriptions are running
     * @param maxLag the most events any subscription is behind the store's head
     */
    default void subscriptionGauges(LongSupplier active, LongSupplier maxLag) {
    }

    /** Removes this Entente's meters from the registry (a closed Entente has nothing to report). */
    @Override
    default void close() {
    }
}
