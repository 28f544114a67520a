package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.store.BatchRejectedException;
import org.entente.core.store.BatchResult;
import org.entente.core.store.BatchViolation;
import org.entente.internal.Metrics;
import org.entente.internal.Projections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Entente.Builder.meterRegistry}: a known sequence of commands and queries gives exact counts and timer counts
 * in a {@link SimpleMeterRegistry}; projection lag follows a paused H2 processor; no meter carries a tag outside the
 * fixed sets below, which are derived from Entente's enums, not from what the registry holds; the README's table
 * names every meter.
 */
class MetricsTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final When APRIL_30 = When.asOf(LocalDate.of(2024, 4, 30));

    /** Every tag key a meter may carry, and the values each may take. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "kind", union(Arrays.stream(FactKind.values()).map(FactKind::slug), Stream.of("correction", "retraction")),
            "outcome", Set.of("accepted", "rejected", "failed", "delivered"),
            "rule", union(Arrays.stream(Rule.values()).map(Rule::name), Stream.of("none", "error")),
            "query", union(Arrays.stream(Metrics.Query.values()).map(q -> q.name().toLowerCase(java.util.Locale.ROOT))),
            "result", Set.of("hit", "miss"),
            "processor", Set.of(Projections.PROCESSOR, Projections.INDEX_PROCESSOR));

    @SafeVarargs
    private static Set<String> union(Stream<String>... values) {
        return Stream.of(values).flatMap(s -> s).collect(Collectors.toUnmodifiableSet());
    }

    @Test
    void aKnownSequenceOfCommandsAndQueriesGivesExactCountsAndTimerCounts() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<FactCommand> story = NigerStory.facts();
        List<RelationshipCommand> accepted = new ArrayList<>();
        int events = 0;
        try (Entente entente = Entente.builder().inMemory().meterRegistry(registry).build()) {
            // Three facts one by one.
            for (FactCommand c : story.subList(0, 3)) {
                events += entente.record(c).events();
                accepted.add(c);
            }
            // One fact the rules refuse: it denounces an agreement never signed.
            assertThatThrownBy(() -> entente.record(denounce("fra-denounce-x", "2024-01-01", NER, FRA, "no-such-agreement")))
                    .isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo(Rule.AGREEMENT_NOT_SIGNED);
            // One fact whose id names other content: refused, not by a rule.
            assertThatThrownBy(() -> entente.record(talks(story.get(0).id().value(), "2024-01-02", NER, USA)))
                    .isInstanceOf(FactConflictException.class);
            // The rest of the story as one batch.
            List<FactCommand> rest = story.subList(3, story.size());
            BatchResult batch = entente.recordAll(rest);
            events += batch.events();
            accepted.addAll(rest);
            // A batch with two violations (and one valid command): nothing written, each violation counted.
            List<FactCommand> bad = List.of(talks("chn-talks-x", "2024-05-01", CHN, NER),
                    denounce("chn-denounce-x", "2024-05-02", NER, CHN, "no-such-agreement"),
                    complete("rus-complete-x", "2024-05-03", RUS, NER, "no-such-forces"));
            BatchRejectedException rejected = org.assertj.core.api.Assertions.catchThrowableOfType(BatchRejectedException.class,
                    () -> entente.recordAll(bad));
            assertThat(rejected.violations()).extracting(BatchViolation::index).containsExactly(1, 2);
            Rule completeRule = ((RuleViolationException) rejected.violations().get(1).error()).rule();
            // A correction and a retraction accepted, a correction refused for changing the fact's kind.
            events += entente.correct(FactId.of("tur-attache"), "promoted", b -> b.as(FactBuilder.AppointAttache.class).rank("General")).events();
            events += entente.retract("not confirmed", FactId.of("tur-visit")).events();
            RelationshipCommand changesKind = new RelationshipCommand.CorrectFact(talks("tur-pledge", "2024-04-26", TUR, NER),
                    "talks, not a pledge");
            assertThatThrownBy(() -> entente.record(changesKind)).isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo(Rule.CORRECTION_CHANGES_KIND);
            // Queries: two partnerships, one portfolio.
            entente.partnership(NER_USA, APRIL_30);
            entente.partnership(Dyad.of(NER, FRA), APRIL_30);
            entente.portfolio(NER, APRIL_30);

            Map<String, Double> expectedAccepted = new TreeMap<>();
            accepted.forEach(c -> expectedAccepted.merge(((FactCommand) c).kind().slug(), 1.0, Double::sum));
            expectedAccepted.merge("correction", 1.0, Double::sum);
            expectedAccepted.merge("retraction", 1.0, Double::sum);
            assertThat(countsByKind(registry, "accepted", "none")).isEqualTo(expectedAccepted);
            assertThat(commands(registry, "denounce-agreement", "rejected", Rule.AGREEMENT_NOT_SIGNED.name())).isEqualTo(2.0);
            assertThat(commands(registry, "hold-talks", "rejected", "error")).isEqualTo(1.0);
            assertThat(commands(registry, "complete-withdrawal", "rejected", completeRule.name())).isEqualTo(1.0);
            assertThat(commands(registry, "correction", "rejected", Rule.CORRECTION_CHANGES_KIND.name())).isEqualTo(1.0);
            assertThat(registry.get("entente.commands").tag("outcome", "rejected").counters().stream().mapToDouble(Counter::count).sum())
                    .as("every rejection is counted once").isEqualTo(5.0);
            assertThat(registry.find("entente.commands").tag("outcome", "failed").counters()).isEmpty();

            Timer acceptedBatches = registry.get("entente.batch.duration").tag("outcome", "accepted").timer();
            assertThat(acceptedBatches.count()).isEqualTo(1);
            assertThat(acceptedBatches.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get("entente.batch.duration").tag("outcome", "rejected").timer().count()).isEqualTo(1);
            DistributionSummary sizes = registry.get("entente.batch.size").tag("outcome", "accepted").summary();
            assertThat(sizes.count()).isEqualTo(1);
            assertThat(sizes.totalAmount()).isEqualTo(rest.size());
            assertThat(registry.get("entente.batch.size").tag("outcome", "rejected").summary().totalAmount()).isEqualTo(bad.size());

            Map<String, Long> queries = registry.get("entente.queries").timers().stream()
                    .collect(Collectors.toMap(t -> t.getId().getTag("query"), Timer::count));
            assertThat(queries).hasSize(Metrics.Query.values().length)
                    .containsEntry("partnership", 2L).containsEntry("portfolio", 1L);
            assertThat(queries.values().stream().mapToLong(Long::longValue).sum()).as("no other query").isEqualTo(3);

            // In memory, projections are applied inside each write: no lag.
            assertThat(registry.get("entente.projection.lag").gauge().value()).isZero();
            ProjectionCache.Statistics cache = entente.cacheStatistics();
            assertThat(registry.get("entente.cache.size").gauge().value()).isEqualTo(cache.dyads()).isPositive();
            assertThat(registry.get("entente.cache.versions").gauge().value()).isEqualTo(cache.versions());
            assertThat(registry.get("entente.cache.budget").gauge().value()).isEqualTo(cache.budget());
            assertThat(registry.get("entente.cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(cache.hits());
            assertThat(registry.get("entente.cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(cache.misses());
            assertThat(registry.get("entente.cache.evictions").functionCounter().count()).isEqualTo(cache.evictions());
            assertThat(registry.get("entente.cache.hit.ratio").gauge().value())
                    .isEqualTo((double) cache.hits() / (cache.hits() + cache.misses()));

            // Axon's processor meters (axon-micrometer), tagged with the processor only: one success per event applied.
            assertThat(registry.get("entente.processor.successCounter").tag("processor", Projections.PROCESSOR)
                    .counter().count()).isEqualTo(events);

            assertNoTagOutsideTheFixedSets(registry);
        }
        assertThat(registry.getMeters()).as("closing the Entente removes its meters").isEmpty();
    }

    @Test
    void projectionLagCountsTheEventsAPausedProcessorHasNotReadAndIsNaNOnceClosed(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<FactCommand> story = NigerStory.facts();
        Gauge lag;
        try (Entente entente = Entente.builder().h2(dir.resolve("store")).meterRegistry(registry).build()) {
            lag = registry.get("entente.projection.lag").gauge();
            entente.recordAll(story.subList(0, 5));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(lag.value()).isZero();

            entente.pauseProcessing();
            for (FactCommand c : story.subList(5, 8)) {
                entente.record(c);
            }
            assertThat(lag.value()).isEqualTo(entente.processingStatus().behind()).isEqualTo(3);

            entente.resumeProcessing();
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(lag.value()).isZero();
            assertThat(registry.get("entente.processor.successCounter").tag("processor", Projections.PROCESSOR)
                    .counter().count()).isEqualTo(8);
            assertThat(registry.get("entente.processor.failureCounter").tag("processor", Projections.PROCESSOR)
                    .counter().count()).isZero();
            assertNoTagOutsideTheFixedSets(registry);
        }
        assertThat(lag.value()).as("a gauge read after close (a scrape racing the close) says NaN, it does not throw").isNaN();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void aCommandTheStoreCannotWriteIsCountedFailedAndTheGaugesSayNaNWhenTheStoreIsGone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Entente entente = Entente.builder().inMemory().meterRegistry(registry).build()) {
            entente.record(talks("usa-talks", "2024-03-12", USA, NER));
            entente.store().close(); // the database is gone under an open Entente
            assertThatThrownBy(() -> entente.record(talks("usa-talks-2", "2024-03-20", USA, NER)))
                    .isNotInstanceOf(RuleViolationException.class);
            assertThat(commands(registry, "hold-talks", "accepted", "none")).isEqualTo(1.0);
            assertThat(commands(registry, "hold-talks", "failed", "error")).isEqualTo(1.0);
            assertThat(registry.get("entente.projection.lag").gauge().value()).isNaN();
            assertNoTagOutsideTheFixedSets(registry);
        }
    }

    @Test
    void theSubscriptionHooksCountDeliveriesAndReadTheirGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics metrics = Metrics.of(registry);
        metrics.delivered();
        metrics.delivered();
        metrics.deliveryFailed();
        long[] lag = {7};
        metrics.subscriptionGauges(() -> 3, () -> {
            if (lag[0] < 0) {
                throw new IllegalStateException("the store is closed");
            }
            return lag[0];
        });
        assertThat(registry.get("entente.subscriptions.deliveries").tag("outcome", "delivered").counter().count()).isEqualTo(2);
        assertThat(registry.get("entente.subscriptions.deliveries").tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("entente.subscriptions.active").gauge().value()).isEqualTo(3);
        Gauge gauge = registry.get("entente.subscriptions.lag").gauge();
        assertThat(gauge.value()).isEqualTo(7);
        lag[0] = -1;
        assertThat(gauge.value()).isNaN();
        assertNoTagOutsideTheFixedSets(registry);
        metrics.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void theTagGuardFailsOnATagOutsideTheFixedSets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.counter("entente.commands", "kind", "hold-talks", "outcome", "accepted", "rule", "none");
        assertNoTagOutsideTheFixedSets(registry);
        registry.counter("entente.commands", "kind", "hold-talks", "outcome", "accepted", "rule", "none", "dyad", "NER-USA");
        assertThatThrownBy(() -> assertNoTagOutsideTheFixedSets(registry)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("dyad=NER-USA");
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        other.counter("entente.commands", "kind", "usa-sofa-2012", "outcome", "accepted", "rule", "none");
        assertThatThrownBy(() -> assertNoTagOutsideTheFixedSets(other)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("kind=usa-sofa-2012");
    }

    @Test
    void theReadmesTableNamesEveryMeterAndNoOther() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Entente entente = Entente.builder().inMemory().meterRegistry(registry).build()) {
            entente.record(talks("usa-talks", "2024-03-12", USA, NER));
            Metrics.of(registry).subscriptionGauges(() -> 0, () -> 0);
            Set<String> registered = registry.getMeters().stream().map(m -> m.getId().getName())
                    .filter(n -> !n.startsWith("entente.processor.")).collect(Collectors.toCollection(TreeSet::new));
            String readme = Files.readString(Path.of("..", "README.md"));
            String section = readme.split("\n## Metrics\n", 2)[1].split("\n## ", 2)[0];
            Set<String> documented = new TreeSet<>();
            Matcher row = Pattern.compile("(?m)^\\| `(entente\\.[a-z.]+)` \\|").matcher(section);
            while (row.find()) {
                documented.add(row.group(1));
            }
            assertThat(documented).isEqualTo(registered);
            assertThat(section).contains("`entente.processor.successCounter`", "`entente.processor.failureCounter`");
        }
    }

    private static Map<String, Double> countsByKind(MeterRegistry registry, String outcome, String rule) {
        return registry.get("entente.commands").tag("outcome", outcome).tag("rule", rule).counters().stream()
                .collect(Collectors.toMap(c -> c.getId().getTag("kind"), Counter::count, Double::sum, TreeMap::new));
    }

    private static double commands(MeterRegistry registry, String kind, String outcome, String rule) {
        return registry.get("entente.commands").tag("kind", kind).tag("outcome", outcome).tag("rule", rule).counter().count();
    }

    /**
     * Fails on a meter not named {@code entente.*}, a tag key not in {@link #ALLOWED}, or a value outside its key's set.
     */
    private static void assertNoTagOutsideTheFixedSets(MeterRegistry registry) {
        List<String> outside = new ArrayList<>();
        for (Meter m : registry.getMeters()) {
            String name = m.getId().getName();
            if (!name.startsWith("entente.")) {
                outside.add(name + ": not an entente.* name");
            }
            for (Tag t : m.getId().getTags()) {
                Set<String> values = ALLOWED.get(t.getKey());
                if (values == null || !values.contains(t.getValue())) {
                    outside.add(name + " " + t.getKey() + "=" + t.getValue());
                }
            }
        }
        assertThat(outside).as("tags outside the fixed sets").isEmpty();
    }
}
