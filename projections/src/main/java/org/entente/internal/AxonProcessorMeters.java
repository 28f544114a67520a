package org.entente.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;

/**
 * Axon's own processor meters ({@code axon-micrometer}) on Entente's processors, loaded only when that optional
 * jar is on the class path (see {@link MicrometerMetrics#configure}).
 *
 * <p>Only Axon's counting monitor is installed: {@value #PREFIX}{@code .ingestedCounter}, {@code .successCounter},
 * {@code .failureCounter} (each failed attempt at an event, which processing retries), {@code .processedCounter} and
 * {@code .ignoredCounter}, tagged with the processor's name alone ({@link Projections#PROCESSOR}, or
 * {@link Projections#INDEX_PROCESSOR} on PostgreSQL) instead of Axon's default payload type. Axon's other
 * processor monitors fit badly, measured on this project: its timers publish six client-side percentiles each (24
 * extra gauges, about 2 to 3 µs an event), its capacity monitor costs about 2 µs an event, and its latency monitor
 * registers its gauge again on every event (a warning in the application's log); {@code entente.projection.lag}
 * says how far behind processing is, in events. The suffixes are Axon's, in camel case.
 */
final class AxonProcessorMeters {

    /** The prefix of every name Axon gives its meters here. */
    static final String PREFIX = "entente.processor";

    private AxonProcessorMeters() {
    }

    /**
     * Registers Axon's counting monitor on both of Entente's processors (the index processor exists only on
     * PostgreSQL; a monitor registered for a processor that is not built is never used).
     *
     * @param configurer the store's configurer
     * @param registry   where the meters go
     */
    static void install(Configurer configurer, MeterRegistry registry) {
        configurer.eventProcessing(ep -> {
            for (String processor : List.of(Projections.PROCESSOR, Projections.INDEX_PROCESSOR)) {
                Tags tags = Tags.of("processor", processor);
                Function<Message<?>, Iterable<Tag>> tagger = message -> tags;
                ep.registerMessageMonitor(processor, c -> MessageCountingMonitor.buildMonitor(PREFIX, registry, tagger));
            }
        });
    }
}
