package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.subscription.Subscription;
import org.entente.subscription.Watch;

/**
 * The overhead of issue 17's metrics and subscribers: the same generated history recorded and queried in
 * two configurations, alternately in one JVM: <em>off</em> (a plain H2 Entente) and <em>on</em> (a fresh
 * {@code SimpleMeterRegistry} on the builder, with Axon's processor meters since {@code axon-micrometer} is
 * on the class path, and ten subscribers with counting listeners: four of {@code Watch.all()}, three of the
 * busiest country's dyads, three of the longest dyad; {@code --mix} changes them, to find what costs what).
 *
 * <p>Each run records the history into a fresh H2 file store with {@code recordAll} in batches of
 * {@value Harness#BATCH} commands, projections running (subscribers read what the projections have applied,
 * so neither configuration pauses them), and times the calls alone: facts per second. The subscribers run
 * meanwhile and may lag; the time from the write's end until the projections, then every subscriber, have
 * caught up is reported beside it, not as a target, and so are the writer thread's and the process's CPU
 * time. Then both stores of the round are opened again side by side, "on" with a fresh registry and its ten
 * subscribers (from now: attached and idle), and asked {@code partnership(dyad, When.asOf(date))} on
 * {@value #DRAWS} seeded (dyad, date) draws (dyads uniform, dates uniform in 1990..2025): each draw once and
 * {@code --warm} more queries untimed on each, then {@code --queries} timed one by one with
 * {@code System.nanoTime} on each, in alternating blocks of {@value #BLOCK} (off, on, on, off, ...), so that a
 * p50 of a few microseconds is compared under the same JIT, heap and machine load: p50 and p99. (The "on"
 * store's idle subscribers are in the process while "off" is asked too; idle, they wake every 50 ms.)
 *
 * <pre>java -cp benchmarks/target/entente-benchmarks.jar org.entente.benchmarks.OverheadBench [--size N] [--rounds R]
 *     [--queries Q] [--warm W] [--seed S] [--work DIR] [--out FILE] [--jfr DIR] [--mix A,C,D]</pre>
 *
 * <p>Defaults: 100,000 commands, 3 rounds (off then on, each round), 100,000 timed queries of each configuration
 * after 20,000 untimed, seed 20240426 (the harness's), work under {@code benchmarks/target/overhead-work} (deleted at the
 * end), results in {@code benchmarks/target/overhead.json}. A warm-up records a {@value #WARM_UP_COMMANDS}-command
 * history (fewer when {@code --size} is smaller) in one round first, so that neither side's first run pays the JIT. Targets (issue 17): {@code recordAll} facts per second on / off at least 0.9,
 * partnership p50 off / on at least 0.9. The subscribers' clock is fixed at 2026-01-01 (the day after the
 * history's last), so every run evaluates the same statuses and delivers the same changes.
 */
public final class OverheadBench {

    /** Target: {@code recordAll} facts per second, on / off. */
    static final double WRITE_TARGET = 0.9;
    /** Target: partnership p50, off / on. */
    static final double QUERY_TARGET = 0.9;
    /** Seeded (dyad, date) draws the queries cycle through; a power of two. */
    static final int DRAWS = 4096;
    /** The warm-up's history (fewer when {@code --size} is smaller). */
    static final int WARM_UP_COMMANDS = 3000;
    /** Timed queries per block; the two configurations' blocks alternate. */
    static final int BLOCK = 1000;
    private static final Duration CAUGHT_UP = Duration.ofMinutes(30);
    private static final Clock CLOCK = Clock.fixed(Generator.LAST_DAY.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    /** Whether {@code axon-micrometer} is on the class path, so that Entente installs Axon's processor meters. */
    static boolean axonMeters() {
        try {
            Class.forName("org.axonframework.micrometer.MessageCountingMonitor", false, OverheadBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Command-line options. */
    record Options(int size, int rounds, int queries, int warm, long seed, Path work, Path out, Path jfr, Mix mix) {

        static final String USAGE = "options: --size N (commands, default 100000), --rounds R (off/on pairs, default 3),"
                + " --queries Q (timed partnership queries per run, default 100000), --warm W (untimed before them, default 20000),"
                + " --seed S (default 20240426), --work DIR (default benchmarks/target/overhead-work),"
                + " --out FILE (default benchmarks/target/overhead.json), --jfr DIR (a JFR recording of each measured run's write"
                + " and of its queries, for profiling: the figures then include JFR's cost), --mix A,C,D (the \"on\" subscribers:"
                + " A of every dyad, C of the busiest country's dyads, D of the longest dyad; default 4,3,3)";

        static Options parse(String... args) {
            int size = 100_000;
            int rounds = 3;
            int queries = 100_000;
            int warm = 20_000;
            long seed = 20240426L;
            Path work = Path.of("benchmarks/target/overhead-work");
            Path out = Path.of("benchmarks/target/overhead.json");
            Path jfr = null;
            Mix mix = Mix.ISSUE;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--size" -> size = positive(option, value(args, ++i), 100);
                    case "--rounds" -> rounds = positive(option, value(args, ++i), 1);
                    case "--queries" -> queries = positive(option, value(args, ++i), 1);
                    case "--warm" -> warm = positive(option, value(args, ++i), 0);
                    case "--seed" -> seed = seed(value(args, ++i));
                    case "--work" -> work = Path.of(value(args, ++i));
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--jfr" -> jfr = Path.of(value(args, ++i));
                    case "--mix" -> mix = Mix.parse(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                }
            }
            return new Options(size, rounds, queries, warm, seed, work, out, jfr, mix);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
            }
            return args[i];
        }

        private static long seed(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed " + text + ": expected a whole number such as 20240426");
            }
        }

        private static int positive(String option, String text, int least) {
            int v;
            try {
                v = Integer.parseInt(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + text + ": expected a whole number of at least " + least);
            }
            if (v < least) {
                throw new IllegalArgumentException(option + " " + v + ": expected at least " + least);
            }
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> results = run(options);
        System.out.println(table(results));
        System.out.println("results: " + options.out().toAbsolutePath());
    }

    /** Runs the bench and writes the results file; returns what it wrote. */
    static Map<String, Object> run(Options options) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Harness.deleteTree(options.work());
        Files.createDirectories(options.work());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("bench", "overhead of metrics and subscribers (issue 17)");
        results.put("size", options.size());
        results.put("rounds", options.rounds());
        results.put("seed", options.seed());
        results.put("metrics", "SimpleMeterRegistry");
        results.put("axon_meters", axonMeters());
        results.put("clock", CLOCK.instant().toString());
        results.put("machine", Harness.machine());
        results.put("load_average_start", loadAverage());
        try {
            int warmSize = Math.min(WARM_UP_COMMANDS, options.size());
            Generator.Dataset warmData = Generator.generate(warmSize, options.seed() + 1);
            long t = System.nanoTime();
            round(warmData, 0, Watches.of(warmData, options.mix()), new Draws(warmData, options.seed() + 1),
                    Math.min(options.queries(), 5000), 0, options.work().resolve("warm-up"), null);
            Harness.log(String.format(Locale.ROOT, "warm-up (%,d commands, one round): %.1f s", warmSize,
                    Stats.seconds(System.nanoTime() - t)));

            Generator.Dataset data = Generator.generate(options.size(), options.seed());
            Draws draws = new Draws(data, options.seed());
            Watches watches = Watches.of(data, options.mix());
            results.put("facts", data.facts());
            results.put("retractions", data.retractions());
            results.put("dyads", data.factsPerDyad().size());
            results.put("subscribers", watches.describe());
            results.put("mix", List.of(options.mix().all(), options.mix().actor(), options.mix().dyad()));
            List<Map<String, Object>> runs = new ArrayList<>();
            results.put("runs", runs);
            for (int round = 1; round <= options.rounds(); round++) {
                List<Map<String, Object>> both = round(data, round, watches, draws, options.queries(), options.warm(),
                        options.work().resolve("round-" + round), options.jfr() == null ? null : options.jfr().resolve("round-" + round));
                runs.addAll(both);
                for (Map<String, Object> r : both) {
                    Harness.log(String.format(Locale.ROOT, "round %d %s: %,.0f facts/s, partnership p50 %.2f µs, load %s", round,
                            r.get("configuration"), r.get("facts_per_sec"), r.get("p50_micros"), r.get("load_average_end")));
                }
            }
            results.put("summary", summary(runs));
            results.put("load_average_end", loadAverage());
        } finally {
            Harness.deleteTree(options.work());
            Files.deleteIfExists(options.work());
        }
        Path parent = options.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), results);
        return results;
    }

    // ------------------------------------------------------------------------------------ one round

    /**
     * One round: the write "off" into a fresh store, then "on" into another; then both stores opened again side by
     * side ("on" with a fresh registry and its subscribers, idle at the head) and queried in alternating blocks of
     * {@value #BLOCK}. With {@code jfr}, each write and its catch-up are recorded in {@code jfr-off-write.jfr} and
     * {@code jfr-on-write.jfr}, the timed queries of both in {@code jfr-queries.jfr}.
     *
     * @return the figures of "off", then of "on"
     */
    private static List<Map<String, Object>> round(Generator.Dataset data, int round, Watches watches, Draws draws, int queries,
                                                   int warm, Path dir, Path jfr) throws IOException, java.text.ParseException {
        Map<String, Object> off = write(data, false, watches, dir.resolve("off"), jfr == null ? null : Path.of(jfr + "-off"));
        Map<String, Object> on = write(data, true, watches, dir.resolve("on"), jfr == null ? null : Path.of(jfr + "-on"));
        query(dir, watches, draws, queries, warm, jfr, off, on);
        off.put("round", round);
        on.put("round", round);
        Harness.deleteTree(dir);
        return List.of(off, on);
    }

    /** The entente of one configuration on {@code dir}: "on" with {@code registry} and the mix's subscribers, counting. */
    private record Opened(Entente entente, List<Subscription> subscriptions, List<AtomicLong> delivered) implements AutoCloseable {

        static Opened open(Path dir, boolean on, Watches watches, SimpleMeterRegistry registry) {
            Entente.Builder builder = Entente.builder().h2(dir).clock(CLOCK);
            Entente entente = (on ? builder.meterRegistry(registry) : builder).build();
            List<Subscription> subscriptions = new ArrayList<>();
            List<AtomicLong> delivered = new ArrayList<>();
            if (on) {
                for (Watch w : watches.all()) {
                    AtomicLong count = new AtomicLong();
                    delivered.add(count);
                    subscriptions.add(entente.subscribe(w, change -> count.incrementAndGet()));
                }
            }
            return new Opened(entente, subscriptions, delivered);
        }

        /** Waits for the projections, then for every subscriber; returns the nanoTime when the projections had caught up. */
        long awaitCaughtUp() {
            entente.awaitCaughtUp(CAUGHT_UP);
            long projections = System.nanoTime();
            for (Subscription s : subscriptions) {
                if (!s.awaitCaughtUp(CAUGHT_UP)) {
                    throw new IllegalStateException("subscription " + s + " did not catch up within " + CAUGHT_UP + ": " + s.status());
                }
            }
            return projections;
        }

        @Override
        public void close() {
            entente.close();
        }
    }

    /**
     * One configuration's write into a fresh store in {@code dir} ("on": a fresh registry and the subscribers
     * attached first), and the catch-up after it; with {@code jfr}, recorded in {@code jfr-write.jfr}.
     */
    private static Map<String, Object> write(Generator.Dataset data, boolean on, Watches watches, Path dir, Path jfr)
            throws IOException, java.text.ParseException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("configuration", on ? "on" : "off");
        r.put("load_average_start", loadAverage());
        // "on": a fresh registry per run. axon-micrometer is on the bench's class path too, so Axon's processor meters
        // are installed as well (the heavier of the two ways an application may run; the results say axon_meters).
        SimpleMeterRegistry registry = on ? new SimpleMeterRegistry() : null;
        System.gc();
        try (Opened o = Opened.open(dir, on, watches, registry)) {
            List<RelationshipCommand> all = data.commands();
            Recording recording = record(jfr, "-write.jfr");
            long cpu0 = processCpuNanos();
            long writerCpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int from = 0; from < all.size(); from += Harness.BATCH) {
                o.entente().recordAll(all.subList(from, Math.min(all.size(), from + Harness.BATCH)));
            }
            long t1 = System.nanoTime();
            long writerCpu1 = THREADS.getCurrentThreadCpuTime();
            long cpu1 = processCpuNanos();
            long t2 = o.awaitCaughtUp();
            long t3 = System.nanoTime();
            long cpu3 = processCpuNanos();
            stop(recording);
            r.put("write_seconds", Stats.seconds(t1 - t0));
            r.put("facts_per_sec", data.size() / Stats.seconds(t1 - t0));
            // CPU time: less disturbed by other processes than wall time, it says whether the "on" cost is work or waiting.
            r.put("writer_cpu_seconds", Stats.seconds(writerCpu1 - writerCpu0));
            r.put("process_cpu_seconds_during_write", Stats.seconds(cpu1 - cpu0));
            r.put("process_cpu_seconds_write_to_caught_up", Stats.seconds(cpu3 - cpu0));
            r.put("projections_caught_up_after_write_seconds", Stats.seconds(t2 - t1));
            if (on) {
                r.put("subscribers_caught_up_after_write_seconds", Stats.seconds(t3 - t1));
                Map<String, Object> changes = new LinkedHashMap<>();
                long failures = 0;
                for (int i = 0; i < o.subscriptions().size(); i++) {
                    changes.merge(o.subscriptions().get(i).watch().toString(), o.delivered().get(i).get(), (a, b) -> (Long) a + (Long) b);
                    failures += o.subscriptions().get(i).status().failures();
                }
                r.put("changes_delivered", changes);
                r.put("listener_failures", failures);
                // What the registry saw: proof that the metrics were on (read before closing removes Entente's meters).
                r.put("meters", registry.getMeters().size());
                r.put("metered_commands", registry.get("entente.commands").counters().stream().mapToDouble(c -> c.count()).sum());
            }
        }
        r.put("load_average_end_of_write", loadAverage());
        return r;
    }

    /**
     * Both stores of a round opened again side by side, "off" plain and "on" with a fresh registry and its subscribers
     * (from now: idle at the head), each warmed ({@value #DRAWS} draws once, then {@code warm} queries), then queried
     * in alternating blocks of {@value #BLOCK} timed queries (off then on, then on then off, ...), so that both
     * configurations meet the same JIT, heap and machine; p50 and p99 go into {@code off} and {@code on}.
     */
    private static void query(Path dir, Watches watches, Draws draws, int queries, int warm, Path jfr, Map<String, Object> off,
                              Map<String, Object> on) throws IOException, java.text.ParseException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        System.gc();
        try (Opened a = Opened.open(dir.resolve("off"), false, watches, null); Opened b = Opened.open(dir.resolve("on"), true, watches, registry)) {
            a.awaitCaughtUp();
            b.awaitCaughtUp();
            for (Opened o : List.of(a, b)) {
                for (int i = 0; i < DRAWS; i++) { // loads every drawn dyad into the projection cache
                    o.entente().partnership(draws.dyads[i], draws.whens[i]);
                }
                for (int i = 0; i < warm; i++) {
                    o.entente().partnership(draws.dyads[i & (DRAWS - 1)], draws.whens[i & (DRAWS - 1)]);
                }
            }
            Recording recording = record(jfr, "-queries.jfr");
            double[] offMicros = new double[queries];
            double[] onMicros = new double[queries];
            for (int from = 0, block = 0; from < queries; from += BLOCK, block++) {
                int to = Math.min(queries, from + BLOCK);
                if (block % 2 == 0) {
                    time(a.entente(), draws, from, to, offMicros);
                    time(b.entente(), draws, from, to, onMicros);
                } else {
                    time(b.entente(), draws, from, to, onMicros);
                    time(a.entente(), draws, from, to, offMicros);
                }
            }
            stop(recording);
            for (Map.Entry<Map<String, Object>, double[]> e : List.of(Map.entry(off, offMicros), Map.entry(on, onMicros))) {
                e.getKey().put("queries", queries);
                e.getKey().put("p50_micros", Stats.median(e.getValue()));
                e.getKey().put("p99_micros", Stats.percentile(e.getValue(), 99));
            }
            on.put("metered_partnership_queries", registry.get("entente.queries").tag("query", "partnership").timer().count());
            on.put("subscriptions_running_after_queries", b.subscriptions().stream().filter(s -> s.status().running()).count());
        }
        off.put("load_average_end", loadAverage());
        on.put("load_average_end", loadAverage());
    }

    /** Times the queries {@code from} to {@code to} (exclusive) one by one into {@code micros}. */
    private static void time(Entente entente, Draws draws, int from, int to, double[] micros) {
        for (int i = from; i < to; i++) {
            int k = i & (DRAWS - 1);
            long q = System.nanoTime();
            entente.partnership(draws.dyads[k], draws.whens[k]);
            micros[i] = (System.nanoTime() - q) / 1e3;
        }
    }

    /** Starts a recording with JFR's "profile" settings into {@code jfr + suffix}, or returns null without {@code jfr}. */
    private static Recording record(Path jfr, String suffix) throws IOException, java.text.ParseException {
        if (jfr == null) {
            return null;
        }
        Files.createDirectories(jfr.toAbsolutePath().getParent());
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(jfr + suffix));
        recording.start();
        return recording;
    }

    private static void stop(Recording recording) {
        if (recording != null) {
            recording.stop();
            Harness.log("JFR recording written: " + recording.getDestination());
            recording.close();
        }
    }

    /**
     * How many subscribers of each kind the "on" configuration has: of every dyad, of the busiest country's dyads,
     * of the longest dyad. The issue's ten are {@link #ISSUE}; others are for finding what costs what.
     *
     * @param all    subscribers of {@code Watch.all()}
     * @param actor  subscribers of {@code Watch.actor(the busiest country)}
     * @param dyad   subscribers of {@code Watch.dyad(the longest dyad)}
     */
    record Mix(int all, int actor, int dyad) {
        /** Issue 17's ten: four of every dyad, three of the busiest country's dyads, three of the longest dyad. */
        static final Mix ISSUE = new Mix(4, 3, 3);

        static Mix parse(String text) {
            String[] parts = text.split(",", -1);
            try {
                if (parts.length == 3) {
                    Mix mix = new Mix(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim()));
                    if (mix.all() >= 0 && mix.actor() >= 0 && mix.dyad() >= 0) {
                        return mix;
                    }
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("--mix " + text + ": expected three counts A,C,D of at least 0, such as 4,3,3");
        }
    }

    /** The "on" subscribers' watches: of every dyad, of the busiest country's dyads and of the longest dyad, as many as the mix says. */
    record Watches(Mix mix, Actor country, long countryFacts, Dyad dyad, long dyadFacts) {

        static Watches of(Generator.Dataset data, Mix mix) {
            Map<Actor, Long> perCountry = new HashMap<>();
            data.factsPerDyad().forEach((d, n) -> {
                perCountry.merge(d.first(), (long) n, Long::sum);
                perCountry.merge(d.second(), (long) n, Long::sum);
            });
            Actor busiest = perCountry.entrySet().stream()
                    .max(Map.Entry.<Actor, Long>comparingByValue().thenComparing(e -> e.getKey().code(), java.util.Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            Dyad longest = data.longest();
            return new Watches(mix, busiest, perCountry.get(busiest), longest, data.factsPerDyad().get(longest));
        }

        List<Watch> all() {
            List<Watch> w = new ArrayList<>();
            for (int i = 0; i < mix.all(); i++) {
                w.add(Watch.all());
            }
            for (int i = 0; i < mix.actor(); i++) {
                w.add(Watch.actor(country));
            }
            for (int i = 0; i < mix.dyad(); i++) {
                w.add(Watch.dyad(dyad));
            }
            return w;
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("every dyad", mix.all());
            m.put(country.code() + "'s dyads (" + countryFacts + " facts)", mix.actor());
            m.put(dyad + " (" + dyadFacts + " facts)", mix.dyad());
            return m;
        }
    }

    /** Seeded (dyad, date) draws: dyads uniform over the history's, dates uniform in 1990..2025. */
    static final class Draws {
        final Dyad[] dyads = new Dyad[DRAWS];
        final When[] whens = new When[DRAWS];

        Draws(Generator.Dataset data, long seed) {
            List<Dyad> list = new ArrayList<>(data.factsPerDyad().keySet());
            list.sort(null);
            Random random = new Random(seed);
            long first = Generator.FIRST_DAY.toEpochDay();
            long span = Generator.LAST_DAY.toEpochDay() - first + 1;
            for (int i = 0; i < DRAWS; i++) {
                dyads[i] = list.get(random.nextInt(list.size()));
                whens[i] = When.asOf(LocalDate.ofEpochDay(first + (long) (random.nextDouble() * span)));
            }
        }
    }

    // ---------------------------------------------------------------------------------- the figures

    /** Medians per configuration, the ratios of the medians, and each round's ratio (the spread). */
    static Map<String, Object> summary(List<Map<String, Object>> runs) {
        Map<String, Object> s = new LinkedHashMap<>();
        double[] offRate = column(runs, "off", "facts_per_sec");
        double[] onRate = column(runs, "on", "facts_per_sec");
        double[] offP50 = column(runs, "off", "p50_micros");
        double[] onP50 = column(runs, "on", "p50_micros");
        double[] writeRatios = new double[offRate.length];
        double[] queryRatios = new double[offRate.length];
        for (int i = 0; i < offRate.length; i++) {
            writeRatios[i] = onRate[i] / offRate[i];
            queryRatios[i] = offP50[i] / onP50[i];
        }
        s.put("off_facts_per_sec_median", Stats.median(offRate));
        s.put("on_facts_per_sec_median", Stats.median(onRate));
        s.put("write_ratio", Stats.median(onRate) / Stats.median(offRate));
        s.put("write_ratio_per_round", writeRatios);
        s.put("write_ratio_met", Stats.median(onRate) / Stats.median(offRate) >= WRITE_TARGET);
        s.put("off_p50_micros_median", Stats.median(offP50));
        s.put("on_p50_micros_median", Stats.median(onP50));
        s.put("query_ratio", Stats.median(offP50) / Stats.median(onP50));
        s.put("query_ratio_per_round", queryRatios);
        s.put("query_ratio_met", Stats.median(offP50) / Stats.median(onP50) >= QUERY_TARGET);
        s.put("off_p99_micros_median", Stats.median(column(runs, "off", "p99_micros")));
        s.put("on_p99_micros_median", Stats.median(column(runs, "on", "p99_micros")));
        for (String c : new String[] {"off", "on"}) {
            s.put(c + "_writer_cpu_seconds_median", Stats.median(column(runs, c, "writer_cpu_seconds")));
            s.put(c + "_process_cpu_seconds_write_to_caught_up_median", Stats.median(column(runs, c, "process_cpu_seconds_write_to_caught_up")));
        }
        s.put("off_projections_caught_up_after_write_seconds_median",
                Stats.median(column(runs, "off", "projections_caught_up_after_write_seconds")));
        s.put("on_projections_caught_up_after_write_seconds_median",
                Stats.median(column(runs, "on", "projections_caught_up_after_write_seconds")));
        s.put("on_subscribers_caught_up_after_write_seconds_median",
                Stats.median(column(runs, "on", "subscribers_caught_up_after_write_seconds")));
        return s;
    }

    private static double[] column(List<Map<String, Object>> runs, String configuration, String key) {
        return runs.stream().filter(r -> configuration.equals(r.get("configuration")))
                .mapToDouble(r -> ((Number) r.get(key)).doubleValue()).toArray();
    }

    /** The Markdown tables of BENCHMARKS.md's section. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results) {
        StringBuilder b = new StringBuilder();
        List<Map<String, Object>> runs = (List<Map<String, Object>>) results.get("runs");
        Map<String, Object> s = (Map<String, Object>) results.get("summary");
        b.append(String.format(Locale.ROOT, "%,d commands (%,d facts, %d dyads), %d rounds, metrics %s; subscribers: %s%n%n",
                ((Number) results.get("size")).intValue(), ((Number) results.get("facts")).intValue(),
                ((Number) results.get("dyads")).intValue(), runs.size() / 2,
                results.get("metrics") + (Boolean.TRUE.equals(results.get("axon_meters")) ? " with Axon's processor meters" : ""),
                results.get("subscribers")));
        b.append("| round | configuration | recordAll (s) | facts/s | writer thread CPU (s) | process CPU, write to all caught up (s) "
                + "| projections caught up after the write (s) | subscribers caught up after the write (s) "
                + "| partnership p50 (µs) | p99 (µs) | load average (1 min) at the end |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : runs) {
            Object subs = r.get("subscribers_caught_up_after_write_seconds");
            b.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %,.0f | %.2f | %.2f | %.2f | %s | %.2f | %.2f | %s |%n", r.get("round"),
                    r.get("configuration"), num(r, "write_seconds"), num(r, "facts_per_sec"), num(r, "writer_cpu_seconds"),
                    num(r, "process_cpu_seconds_write_to_caught_up"), num(r, "projections_caught_up_after_write_seconds"),
                    subs == null ? "" : String.format(Locale.ROOT, "%.2f", ((Number) subs).doubleValue()), num(r, "p50_micros"),
                    num(r, "p99_micros"), firstOrBlank((List<Object>) r.get("load_average_end"))));
        }
        b.append('\n');
        b.append("| target | off (median) | on (median) | ratio | per round | limit | met |\n");
        b.append("|---|---:|---:|---:|---|---:|---|\n");
        b.append(String.format(Locale.ROOT, "| recordAll facts/s, on / off | %,.0f | %,.0f | %.3f | %s | >= %.1f | %s |%n",
                num(s, "off_facts_per_sec_median"), num(s, "on_facts_per_sec_median"), num(s, "write_ratio"),
                ratios((double[]) s.get("write_ratio_per_round")), WRITE_TARGET, yes(s.get("write_ratio_met"))));
        b.append(String.format(Locale.ROOT, "| partnership p50 (µs), off / on | %.2f | %.2f | %.3f | %s | >= %.1f | %s |%n",
                num(s, "off_p50_micros_median"), num(s, "on_p50_micros_median"), num(s, "query_ratio"),
                ratios((double[]) s.get("query_ratio_per_round")), QUERY_TARGET, yes(s.get("query_ratio_met"))));
        b.append('\n');
        b.append("| not a target (medians) | off | on |\n");
        b.append("|---|---:|---:|\n");
        b.append(String.format(Locale.ROOT, "| writer thread CPU during recordAll (s) | %.2f | %.2f |%n", num(s, "off_writer_cpu_seconds_median"),
                num(s, "on_writer_cpu_seconds_median")));
        b.append(String.format(Locale.ROOT, "| process CPU from the write's start until everything caught up (s) | %.2f | %.2f |%n",
                num(s, "off_process_cpu_seconds_write_to_caught_up_median"), num(s, "on_process_cpu_seconds_write_to_caught_up_median")));
        b.append(String.format(Locale.ROOT, "| projections caught up, after the write (s) | %.2f | %.2f |%n",
                num(s, "off_projections_caught_up_after_write_seconds_median"), num(s, "on_projections_caught_up_after_write_seconds_median")));
        b.append(String.format(Locale.ROOT, "| every subscriber caught up, after the write (s) | | %.2f |%n",
                num(s, "on_subscribers_caught_up_after_write_seconds_median")));
        b.append(String.format(Locale.ROOT, "| partnership p99 (µs) | %.2f | %.2f |%n", num(s, "off_p99_micros_median"), num(s, "on_p99_micros_median")));
        return b.toString();
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static String ratios(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.3f", x)).reduce((a, c) -> a + ", " + c).orElse("")
                + String.format(Locale.ROOT, " (%.3f to %.3f)", sorted[0], sorted[sorted.length - 1]);
    }

    private static String firstOrBlank(List<Object> values) {
        return values.isEmpty() ? "" : String.valueOf(values.get(0));
    }

    private static String yes(Object met) {
        return Boolean.TRUE.equals(met) ? "yes" : "**no**";
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** This process's CPU time (all threads), or -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or an empty list where there is none. */
    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
