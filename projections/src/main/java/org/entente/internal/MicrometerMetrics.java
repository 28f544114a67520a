package org.entente.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.axonframework.config.Configurer;
import org.entente.Entente;
import org.entente.ProjectionCache;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.relationship.UnknownFactException;
import org.entente.core.store.BatchRejectedException;
import org.entente.core.store.BatchResult;
import org.entente.core.store.BatchViolation;
import org.entente.core.store.Recorded;

/**
 * {@link Metrics} in a Micrometer {@link MeterRegistry}: with {@code AxonProcessorMeters} (Axon's own meters), the
 * only class of Entente that imports Micrometer. The README's "Metrics" section lists every meter.
 *
 * <p>Every tag value comes from a fixed set (an enum of Entente's, or a word written here), never from the data:
 * no fact id, dyad, country or message is a tag. Meters are looked up once: counters are kept in arrays indexed by
 * kind, outcome and rule, filled on first use (the registry returns the same meter to two threads that race to
 * fill a slot); timers and summaries are fields.
 */
final class MicrometerMetrics implements Metrics {

    /** The values of the {@code outcome} tag of {@code entente.commands}. */
    enum Outcome {
        /** Recorded (or found recorded already, by the same id and content). */
        ACCEPTED,
        /** Refused for what it says: a {@link Rule}, a fact id with other content, an unknown fact. */
        REJECTED,
        /** Not written for another reason (database, contention, time): the command may be tried again. */
        FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String COMMANDS = "entente.commands";
    static final String BATCH_DURATION = "entente.batch.duration";
    static final String BATCH_SIZE = "entente.batch.size";
    static final String QUERIES = "entente.queries";
    static final String DELIVERIES = "entente.subscriptions.deliveries";

    private static final FactKind[] KINDS = FactKind.values();
    private static final Rule[] RULES = Rule.values();
    /** Kind indexes after the fact kinds'. */
    private static final int CORRECTION = KINDS.length;
    private static final int RETRACTION = KINDS.length + 1;
    private static final int KIND_TAGS = KINDS.length + 2;
    /** Rule indexes after the rules'. */
    private static final int NONE = RULES.length;
    private static final int ERROR = RULES.length + 1;
    private static final int RULE_TAGS = RULES.length + 2;
    private static final Outcome[] OUTCOMES = Outcome.values();
    /** Whether {@code axon-micrometer} is on the class path: it is an optional dependency, as Micrometer is. */
    private static final boolean AXON_MICROMETER = present("org.axonframework.micrometer.MessageCountingMonitor");

    private final MeterRegistry registry;
    /** Every meter this instance registered, removed on {@link #close()}. */
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final AtomicReferenceArray<Counter> commands = new AtomicReferenceArray<>(KIND_TAGS * OUTCOMES.length * RULE_TAGS);
    private final Map<Outcome, Timer> batchDurations = new EnumMap<>(Outcome.class);
    private final Map<Outcome, DistributionSummary> batchSizes = new EnumMap<>(Outcome.class);
    private final Timer[] queries = new Timer[Query.values().length];
    private final Counter delivered;
    private final Counter deliveryFailed;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : OUTCOMES) {
            batchDurations.put(outcome, keep(Timer.builder(BATCH_DURATION)
                    .description("Time to check and write one recordAll batch")
                    .tag("outcome", outcome.tag()).register(registry)));
            batchSizes.put(outcome, keep(DistributionSummary.builder(BATCH_SIZE)
                    .description("Commands in one recordAll batch").baseUnit("commands")
                    .tag("outcome", outcome.tag()).register(registry)));
        }
        for (Query q : Query.values()) {
            queries[q.ordinal()] = keep(Timer.builder(QUERIES).description("Time to answer one query")
                    .tag("query", q.tag()).register(registry));
        }
        delivered = keep(Counter.builder(DELIVERIES).description("Changes delivered to subscribers, or attempts that failed")
                .tag("outcome", "delivered").register(registry));
        deliveryFailed = keep(Counter.builder(DELIVERIES).description("Changes delivered to subscribers, or attempts that failed")
                .tag("outcome", "failed").register(registry));
    }

    /**
     * {@return meters in a registry}
     *
     * @param registry a {@link MeterRegistry}
     * @throws IllegalArgumentException when it is something else
     */
    static Metrics of(Object registry) {
        if (!(registry instanceof MeterRegistry r)) {
            throw new IllegalArgumentException("a Micrometer MeterRegistry was expected, got " + registry.getClass().getName());
        }
        return new MicrometerMetrics(r);
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    // ------------------------------------------------------------------------------------ commands

    @Override
    public long start() {
        return System.nanoTime();
    }

    @Override
    public Recorded recorded(RelationshipCommand command, Recorded recorded) {
        counter(kindOf(command), Outcome.ACCEPTED, NONE).increment();
        return recorded;
    }

    @Override
    public void refused(RelationshipCommand command, RuntimeException failure) {
        counter(kindOf(command), outcomeOf(failure), ruleOf(failure)).increment();
    }

    @Override
    public BatchResult batch(List<? extends RelationshipCommand> commands, long start, BatchResult result) {
        countEach(commands, Outcome.ACCEPTED, NONE);
        timeBatch(Outcome.ACCEPTED, commands.size(), start);
        return result;
    }

    @Override
    public void batchFailed(List<? extends RelationshipCommand> commands, long start, RuntimeException failure) {
        if (failure instanceof BatchRejectedException rejected) {
            for (BatchViolation v : rejected.violations()) {
                int kind = v.index() >= 0 && v.index() < commands.size() ? kindOf(commands.get(v.index())) : -1;
                if (kind >= 0) {
                    counter(kind, Outcome.REJECTED, ruleOf(v.error())).increment();
                }
            }
            timeBatch(Outcome.REJECTED, commands.size(), start);
        } else {
            // The batch as a whole was refused (an argument) or failed while writing; chunks committed before a
            // failure are not told apart from the rest: running the batch again completes it.
            Outcome outcome = outcomeOf(failure);
            countEach(commands, outcome, ERROR);
            timeBatch(outcome, commands.size(), start);
        }
    }

    private void countEach(List<? extends RelationshipCommand> commands, Outcome outcome, int rule) {
        int[] perKind = new int[KIND_TAGS];
        for (RelationshipCommand c : commands) {
            perKind[kindOf(c)]++;
        }
        for (int kind = 0; kind < KIND_TAGS; kind++) {
            if (perKind[kind] > 0) {
                counter(kind, outcome, rule).increment(perKind[kind]);
            }
        }
    }

    private void timeBatch(Outcome outcome, int size, long start) {
        batchDurations.get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSizes.get(outcome).record(size);
    }

    private Counter counter(int kind, Outcome outcome, int rule) {
        int slot = (kind * OUTCOMES.length + outcome.ordinal()) * RULE_TAGS + rule;
        Counter c = commands.get(slot);
        if (c == null) {
            c = Counter.builder(COMMANDS).description("Commands recorded or refused, by fact kind, outcome and rule")
                    .tag("kind", kindTag(kind)).tag("outcome", outcome.tag()).tag("rule", ruleTag(rule))
                    .register(registry);
            if (commands.compareAndSet(slot, null, c)) {
                meters.add(c);
            }
        }
        return c;
    }

    private static int kindOf(RelationshipCommand command) {
        if (command instanceof FactCommand f) {
            return f.kind().ordinal();
        }
        return command instanceof RelationshipCommand.CorrectFact ? CORRECTION : RETRACTION;
    }

    static String kindTag(int kind) {
        return kind == CORRECTION ? "correction" : kind == RETRACTION ? "retraction" : KINDS[kind].slug();
    }

    static String ruleTag(int rule) {
        return rule == NONE ? "none" : rule == ERROR ? "error" : RULES[rule].name();
    }

    private static int ruleOf(Throwable failure) {
        return failure instanceof RuleViolationException v ? v.rule().ordinal() : ERROR;
    }

    private static Outcome outcomeOf(RuntimeException failure) {
        return failure instanceof RuleViolationException || failure instanceof FactConflictException
                || failure instanceof UnknownFactException || failure instanceof IllegalArgumentException
                ? Outcome.REJECTED : Outcome.FAILED;
    }

    // ------------------------------------------------------------------------------------- queries

    @Override
    public <T> T query(Query query, long start, T answer) {
        queries[query.ordinal()].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answer;
    }

    // -------------------------------------------------------------------------------------- gauges

    @Override
    public void watch(Entente entente) {
        // The Entente is held weakly (Micrometer's default for a gauge's object): a registry that outlives it keeps
        // no store open. Each function reads it at scrape time and says NaN when it cannot.
        keep(Gauge.builder("entente.projection.lag", entente, MicrometerMetrics::lag)
                .description("Events stored that the projections have not processed yet").baseUnit("events")
                .register(registry));
        keep(Gauge.builder("entente.cache.size", entente, cache(ProjectionCache.Statistics::dyads))
                .description("Dyads held in the projection cache").baseUnit("dyads").register(registry));
        keep(Gauge.builder("entente.cache.versions", entente, cache(ProjectionCache.Statistics::versions))
                .description("Fact versions held in the projection cache").baseUnit("versions").register(registry));
        keep(Gauge.builder("entente.cache.budget", entente, cache(ProjectionCache.Statistics::budget))
                .description("The projection cache's budget").baseUnit("versions").register(registry));
        keep(Gauge.builder("entente.cache.hit.ratio", entente, cache(MicrometerMetrics::hitRatio))
                .description("Share of dyad reads answered from the projection cache (NaN before the first read)")
                .register(registry));
        keep(FunctionCounter.builder("entente.cache.gets", entente, cache(ProjectionCache.Statistics::hits))
                .description("Dyad reads of the projection cache").tag("result", "hit").register(registry));
        keep(FunctionCounter.builder("entente.cache.gets", entente, cache(ProjectionCache.Statistics::misses))
                .description("Dyad reads of the projection cache").tag("result", "miss").register(registry));
        keep(FunctionCounter.builder("entente.cache.evictions", entente, cache(ProjectionCache.Statistics::evictions))
                .description("Dyads dropped from the projection cache to stay within its budget").register(registry));
    }

    private static double lag(Entente entente) {
        try {
            return entente.processingStatus().behind();
        } catch (RuntimeException closedOrUnreachable) {
            return Double.NaN;
        }
    }

    private static ToDoubleFunction<Entente> cache(ToDoubleFunction<ProjectionCache.Statistics> value) {
        return entente -> {
            try {
                return value.applyAsDouble(entente.cacheStatistics());
            } catch (RuntimeException closed) {
                return Double.NaN;
            }
        };
    }

    private static double hitRatio(ProjectionCache.Statistics s) {
        long gets = s.hits() + s.misses();
        return gets == 0 ? Double.NaN : (double) s.hits() / gets;
    }

    @Override
    public void configure(Configurer configurer) {
        if (AXON_MICROMETER) {
            AxonProcessorMeters.install(configurer, registry);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MicrometerMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------- subscriptions

    @Override
    public void delivered() {
        delivered.increment();
    }

    @Override
    public void deliveryFailed() {
        deliveryFailed.increment();
    }

    @Override
    public void subscriptionGauges(LongSupplier active, LongSupplier maxLag) {
        // Strong references: the suppliers are often lambdas nothing else holds; close() removes them.
        keep(Gauge.builder("entente.subscriptions.active", active, MicrometerMetrics::read)
                .description("Subscriptions running").strongReference(true).register(registry));
        keep(Gauge.builder("entente.subscriptions.lag", maxLag, MicrometerMetrics::read)
                .description("The most events any subscription is behind the store's head").baseUnit("events")
                .strongReference(true).register(registry));
    }

    private static double read(LongSupplier supplier) {
        try {
            return supplier.getAsLong();
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        for (Meter m : meters) {
            registry.remove(m);
        }
        meters.clear();
        if (AXON_MICROMETER) {
            // Axon registers its meters as messages come, out of this instance's sight: they are found by name.
            for (Meter m : registry.getMeters()) {
                if (m.getId().getName().startsWith(AxonProcessorMeters.PREFIX + ".")) {
                    registry.remove(m);
                }
            }
        }
    }
}
