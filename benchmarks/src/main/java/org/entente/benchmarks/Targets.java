package org.entente.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.entente.Entente;
import org.entente.ProjectionCache;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.internal.Columns;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.EntenteStore;

/**
 * The figures of issue 14's targets, measured on one big store through Entente's public API: open
 * (build to first answer), cold and warm as-of queries, a cold portfolio of a country with many
 * partners, a second instance joining (PostgreSQL), commands on a cold dyad of 16k+ events built
 * through Entente, appends of the same facts by {@code recordAll} and raw batches (and their
 * catch-up against a raw scan writing the same rows), {@code record()} against raw single commits,
 * the persisted rebuild against a raw scan writing the same rows, and the heap of a child JVM under
 * {@code -Xmx512m} answering 10,000 partnership queries.
 */
final class Targets {

    /**
     * Where the big store is and how to reach it.
     *
     * @param backend   {@code h2} or {@code postgresql}
     * @param entente   a new builder of an Entente on the store
     * @param store     a new builder of a bare store on it
     * @param h2Dir     the H2 directory (null on PostgreSQL)
     * @param probeArgs how the heap probe opens the store (see {@link HeapProbe})
     */
    record Store(String backend, Supplier<Entente.Builder> entente, Supplier<EntenteStore.Builder> store, Path h2Dir, List<String> probeArgs) {
        boolean postgres() {
            return backend.equals("postgresql");
        }
    }

    /**
     * What to measure.
     *
     * @param coldDyads     dyads queried cold (each once)
     * @param warmQueries   warm queries timed after them
     * @param commandEvents events of the command dyad (built through Entente)
     * @param appendFacts   facts appended by recordAll and raw batches (0: not measured here)
     * @param recordFacts   facts recorded one at a time and by raw single commits (0: not measured here)
     * @param heapQueries   partnership queries of the heap probe
     * @param seed          the draws' seed
     */
    record Plan(int coldDyads, int warmQueries, int commandEvents, int appendFacts, int recordFacts, int heapQueries, long seed) {
    }

    private static final String SCRATCH = "bench_projection_fact";

    private final Store target;
    private final Plan plan;
    private final Map<Dyad, Integer> factsPerDyad;
    private final Path work;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final Random random;

    private Targets(Store target, Plan plan, Map<Dyad, Integer> factsPerDyad, Path work) {
        this.target = target;
        this.plan = plan;
        this.factsPerDyad = factsPerDyad;
        this.work = work;
        this.random = new Random(plan.seed());
    }

    /** Measures every figure of the plan on the store; returns them under the result keys. */
    static Map<String, Object> measure(Store target, Plan plan, Map<Dyad, Integer> factsPerDyad, Path work) throws Exception {
        return new Targets(target, plan, factsPerDyad, work).run();
    }

    private Map<String, Object> run() throws Exception {
        out.put("backend", target.backend());
        Dyad commandDyad = buildCommandDyad();
        reads();
        if (plan.appendFacts() > 0) {
            appends(commandDyad);
        }
        commands(commandDyad);
        persistedRebuild();
        heap();
        return out;
    }

    // ------------------------------------------------------------------------------ command dyad

    /** A dyad outside the store's, its story recorded through Entente (so it has Entente's snapshots), then closed. */
    private Dyad buildCommandDyad() {
        List<Actor> countries = new ArrayList<>(Country.all());
        countries.sort(null);
        Dyad dyad = null;
        for (int i = 0; i < countries.size() && dyad == null; i++) {
            for (int j = countries.size() - 1; j > i && dyad == null; j--) {
                Dyad d = Dyad.of(countries.get(i), countries.get(j));
                if (!factsPerDyad.containsKey(d)) {
                    dyad = d;
                }
            }
        }
        List<FactCommand> story = Generator.story(dyad, plan.commandEvents(), plan.seed() + 3, "cmd-");
        long t0 = System.nanoTime();
        try (Entente entente = target.entente().get().build()) {
            for (int from = 0; from < story.size(); from += Harness.BATCH) {
                entente.recordAll(story.subList(from, Math.min(story.size(), from + Harness.BATCH)));
            }
            entente.awaitCaughtUp(Duration.ofHours(1));
        }
        out.put("command_dyad", dyad.id());
        out.put("command_dyad_events", story.size());
        out.put("command_dyad_build_seconds", Stats.seconds(System.nanoTime() - t0));
        Harness.log(String.format(Locale.ROOT, "targets: command dyad %s, %d facts recorded through Entente in %.1f s", dyad, story.size(),
                Stats.seconds(System.nanoTime() - t0)));
        return dyad;
    }

    // ------------------------------------------------------------------------------------- reads

    private void reads() {
        List<Dyad> dyads = new ArrayList<>(factsPerDyad.keySet());
        dyads.sort(null);
        Collections.shuffle(dyads, random);
        Dyad first = dyads.get(0);
        List<Dyad> cold = dyads.subList(1, Math.min(dyads.size(), 1 + plan.coldDyads()));
        When[] whens = new When[cold.size()];
        for (int i = 0; i < whens.length; i++) {
            whens[i] = When.asOf(randomDay());
        }
        long t0 = System.nanoTime();
        Entente a = target.entente().get().build();
        Entente b = null;
        try {
            a.awaitCaughtUp(Duration.ofHours(2));
            a.partnership(first, When.asOf(Generator.LAST_DAY));
            double open = Stats.seconds(System.nanoTime() - t0);
            out.put("open_seconds", open);
            double[] coldMs = new double[cold.size()];
            for (int i = 0; i < cold.size(); i++) {
                long q = System.nanoTime();
                a.partnership(cold.get(i), whens[i]);
                coldMs[i] = (System.nanoTime() - q) / 1e6;
            }
            out.put("asof_cold_queries", cold.size());
            out.put("asof_cold_p50_ms", Stats.median(coldMs));
            out.put("asof_cold_p99_ms", Stats.percentile(coldMs, 99));
            // Warm: the first cold dyads whose facts fit in half the default projection cache, so that
            // every timed query is a hit (the cold pass read more dyads than the cache keeps).
            int warmDyads = 0;
            long warmFacts = 0;
            while (warmDyads < cold.size() && (warmDyads == 0
                    || warmFacts + factsPerDyad.get(cold.get(warmDyads)) <= ProjectionCache.DEFAULT_VERSIONS / 2)) {
                warmFacts += factsPerDyad.get(cold.get(warmDyads));
                warmDyads++;
            }
            out.put("asof_warm_dyads", warmDyads);
            int n = plan.warmQueries();
            for (int i = 0; i < Math.min(n, 20_000); i++) { // loads the warm dyads and warms the JIT, not timed
                a.partnership(cold.get(i % warmDyads), whens[i % warmDyads]);
            }
            double[] warmUs = new double[n];
            for (int i = 0; i < n; i++) {
                int k = i % warmDyads;
                long q = System.nanoTime();
                a.partnership(cold.get(k), whens[k]);
                warmUs[i] = (System.nanoTime() - q) / 1e3;
            }
            out.put("asof_warm_queries", n);
            out.put("asof_warm_p50_micros", Stats.median(warmUs));
            out.put("asof_warm_p99_micros", Stats.percentile(warmUs, 99));
            Harness.log(String.format(Locale.ROOT, "targets: open %.2f s; as-of cold p99 %.2f ms (%d dyads), warm p50 %.2f µs", open,
                    Stats.percentile(coldMs, 99), cold.size(), Stats.median(warmUs)));

            // The portfolio is read on a fresh instance, whose dyads are all cold: a second instance
            // joining on PostgreSQL (while the first runs), a reopened one on H2 (one process per file).
            long t1;
            if (target.postgres()) {
                t1 = System.nanoTime();
                b = target.entente().get().build();
                b.awaitCaughtUp(Duration.ofHours(2));
                b.partnership(first, When.asOf(Generator.LAST_DAY));
                out.put("second_instance_ready_seconds", Stats.seconds(System.nanoTime() - t1));
            } else {
                a.close();
                b = target.entente().get().build();
                b.awaitCaughtUp(Duration.ofHours(2));
            }
            portfolios(b);
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    private void portfolios(Entente entente) {
        Map<Actor, Set<Dyad>> partners = new HashMap<>();
        factsPerDyad.keySet().forEach(d -> {
            partners.computeIfAbsent(d.first(), c -> new HashSet<>()).add(d);
            partners.computeIfAbsent(d.second(), c -> new HashSet<>()).add(d);
        });
        List<Actor> byPartners = new ArrayList<>(partners.keySet());
        byPartners.sort((x, y) -> partners.get(y).size() != partners.get(x).size()
                ? partners.get(y).size() - partners.get(x).size() : x.compareTo(y));
        List<Actor> chosen = byPartners.stream().filter(c -> partners.get(c).size() >= 150).limit(20).toList();
        if (chosen.isEmpty()) {
            chosen = byPartners.subList(0, Math.min(5, byPartners.size()));
            Harness.log("targets: no country has 150+ partners at this size; the portfolios of the " + chosen.size() + " with most");
        }
        double[] ms = new double[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            When when = When.asOf(randomDay());
            long q = System.nanoTime();
            entente.portfolio(chosen.get(i), when);
            ms[i] = (System.nanoTime() - q) / 1e6;
        }
        out.put("portfolio_cold_countries", chosen.size());
        out.put("portfolio_cold_min_partners", partners.get(chosen.get(chosen.size() - 1)).size());
        out.put("portfolio_cold_max_partners", partners.get(chosen.get(0)).size());
        out.put("portfolio_cold_p99_ms", Stats.percentile(ms, 99));
        Harness.log(String.format(Locale.ROOT, "targets: portfolio cold p99 %.1f ms (%d countries of %d to %d partners)", Stats.percentile(ms, 99),
                chosen.size(), partners.get(chosen.get(chosen.size() - 1)).size(), partners.get(chosen.get(0)).size()));
    }

    private LocalDate randomDay() {
        long span = Generator.LAST_DAY.toEpochDay() - Generator.FIRST_DAY.toEpochDay();
        return Generator.FIRST_DAY.plusDays((long) (random.nextDouble() * (span + 1)));
    }

    // ----------------------------------------------------------------------------------- appends

    /**
     * The same facts appended twice to the big store, on dyads new to it: first by raw JDBC batches
     * (then a raw scan writes their projection rows), which are then deleted again with the global
     * index reset; then by {@code recordAll} with processing paused, then the catch-up.
     */
    private void appends(Dyad commandDyad) throws Exception {
        Set<Dyad> taken = new HashSet<>(factsPerDyad.keySet());
        taken.add(commandDyad);
        Generator.Dataset append = Generator.generate(plan.appendFacts(), plan.seed() + 11, taken, "app-");
        taken.addAll(append.factsPerDyad().keySet());
        Generator.Dataset single = Generator.generate(Math.max(100, plan.recordFacts()), plan.seed() + 13, taken, "one-");
        List<RelationshipCommand> ones = single.commands().subList(0, Math.min(single.size(), plan.recordFacts()));
        long head;
        double rawIngest;
        double rawCatchup;
        double rawRecord;
        try (EntenteStore store = target.store().get().build(); Connection c = store.connections().getConnection()) {
            head = store.head();
            long t0 = System.nanoTime();
            new RawStore().insert(c, append.commands(), append.dyadOf(), Harness.CHUNK);
            rawIngest = Stats.seconds(System.nanoTime() - t0);
            t0 = System.nanoTime();
            new RawStore().scanWritingRows(c, head, "entente_projection_fact");
            rawCatchup = Stats.seconds(System.nanoTime() - t0);
            undo(c, head, "app-");
            t0 = System.nanoTime();
            new RawStore().insert(c, ones, single.dyadOf(), 1);
            rawRecord = Stats.seconds(System.nanoTime() - t0);
            undo(c, head, "one-");
        }
        Harness.log(String.format(Locale.ROOT, "targets: raw append of %d facts %.1f s, raw catch-up %.1f s, raw single commits of %d: %.1f s",
                append.size(), rawIngest, rawCatchup, ones.size(), rawRecord));
        double ente;
        double catchup;
        double record;
        AtomicLong maxFile = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(target.h2Dir() != null);
        Thread sampler = fileSampler(maxFile, sampling);
        try (Entente entente = target.entente().get().build()) {
            entente.awaitCaughtUp(Duration.ofHours(2));
            entente.pauseProcessing();
            long t0 = System.nanoTime();
            for (int from = 0; from < append.size(); from += Harness.BATCH) {
                entente.recordAll(append.commands().subList(from, Math.min(append.size(), from + Harness.BATCH)));
            }
            ente = Stats.seconds(System.nanoTime() - t0);
            t0 = System.nanoTime();
            entente.resumeProcessing();
            entente.awaitCaughtUp(Duration.ofHours(2));
            catchup = Stats.seconds(System.nanoTime() - t0);
            entente.pauseProcessing();
            t0 = System.nanoTime();
            for (RelationshipCommand command : ones) {
                entente.record(command);
            }
            record = Stats.seconds(System.nanoTime() - t0);
            entente.resumeProcessing();
            entente.awaitCaughtUp(Duration.ofHours(1));
        } finally {
            sampling.set(false);
            if (sampler != null) {
                sampler.join();
            }
        }
        out.put("append_facts", append.size());
        out.put("ingest_entente_seconds", ente);
        out.put("ingest_raw_seconds", rawIngest);
        out.put("ingest_ratio", rawIngest / ente);
        out.put("catchup_seconds", catchup);
        out.put("catchup_raw_seconds", rawCatchup);
        out.put("catchup_ratio", rawCatchup / catchup);
        out.put("catchup_facts_per_sec", append.size() / catchup);
        out.put("record_facts", ones.size());
        out.put("record_seconds", record);
        out.put("record_raw_seconds", rawRecord);
        out.put("record_ratio", rawRecord / record);
        if (target.h2Dir() != null) {
            out.put("h2_live_file_bytes_max", maxFile.get());
        }
        Harness.log(String.format(Locale.ROOT, "targets: recordAll %.1f s (ratio %.2f), catch-up %.1f s (ratio %.2f, %.0f facts/s), record() %.1f s"
                + " (ratio %.2f)", ente, rawIngest / ente, catchup, rawCatchup / catchup, append.size() / catchup, record, rawRecord / record));
    }

    /** Samples the H2 file's size every 100 ms while {@code sampling} holds (a sampler, not a timer). */
    Thread fileSampler(AtomicLong max, AtomicBoolean sampling) {
        if (target.h2Dir() == null) {
            return null;
        }
        Thread t = new Thread(() -> {
            Path file = Harness.h2File(target.h2Dir());
            while (sampling.get()) {
                try {
                    max.accumulateAndGet(Files.size(file), Math::max);
                    Thread.sleep(100);
                } catch (java.io.IOException e) {
                    // The file is replaced during a compaction: the next sample reads it again.
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "h2-file-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Removes the raw baseline's rows (events after {@code head}, fact ids and projection rows tagged {@code tag}) and resets the global index. */
    private void undo(Connection c, long head, String tag) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement events = c.prepareStatement("DELETE FROM DomainEventEntry WHERE globalIndex > ?");
             PreparedStatement ids = c.prepareStatement("DELETE FROM entente_fact_id WHERE fact_id LIKE ?");
             PreparedStatement rows = c.prepareStatement("DELETE FROM entente_projection_fact WHERE fact_id LIKE ?")) {
            events.setLong(1, head);
            events.executeUpdate();
            ids.setString(1, tag + "%");
            ids.executeUpdate();
            rows.setString(1, tag + "%");
            rows.executeUpdate();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
        try (Statement s = c.createStatement()) {
            if (target.postgres()) {
                s.execute("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), " + Math.max(1, head) + ", " + (head >= 1)
                        + ")");
            } else {
                s.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (head + 1));
            }
        }
    }

    // ----------------------------------------------------------------------------------- commands

    /** Single facts appended to the command dyad, the aggregate cache off so that each command loads the dyad cold. */
    private void commands(Dyad dyad) {
        int warm = 5;
        int n = 40;
        double[] ms = Harness.latencies(target.store().get().aggregateCache(false), dyad, Generator.LAST_DAY.plusDays(30), "cold", warm, n);
        out.put("command_cold_commands", n);
        out.put("command_cold_p50_ms", Stats.median(ms));
        out.put("command_cold_p99_ms", Stats.percentile(ms, 99));
        Harness.log(String.format(Locale.ROOT, "targets: command on cold %s: p50 %.2f ms, p99 %.2f ms", dyad, Stats.median(ms),
                Stats.percentile(ms, 99)));
    }

    // ------------------------------------------------------------------------------------ rebuild

    /** Entente's persisted rebuild against a raw scan writing the same rows into a scratch table of the same shape. */
    private void persistedRebuild() throws SQLException {
        double raw;
        long events;
        try (EntenteStore store = target.store().get().build(); Connection c = store.connections().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + SCRATCH);
                s.execute("CREATE TABLE " + SCRATCH + " (dyad " + Columns.ACTOR + " NOT NULL, seq BIGINT NOT NULL, fact_id VARCHAR(128) NOT NULL,"
                        + " revision INT NOT NULL, recorded_at VARCHAR(40) NOT NULL, payload VARCHAR, reason VARCHAR,"
                        + " PRIMARY KEY (dyad, seq, fact_id))");
            }
            long t0 = System.nanoTime();
            events = new RawStore().scanWritingRows(c, -1, SCRATCH);
            raw = Stats.seconds(System.nanoTime() - t0);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + SCRATCH);
            }
        }
        double ente;
        try (Entente entente = target.entente().get().build()) {
            entente.awaitCaughtUp(Duration.ofHours(2));
            long t0 = System.nanoTime();
            entente.rebuildProjections();
            ente = Stats.seconds(System.nanoTime() - t0);
        }
        out.put("rebuild_events", events);
        out.put("persisted_rebuild_seconds", ente);
        out.put("persisted_rebuild_raw_seconds", raw);
        out.put("persisted_rebuild_ratio", raw / ente);
        Harness.log(String.format(Locale.ROOT, "targets: persisted rebuild of %d events %.1f s, raw scan writing the rows %.1f s (ratio %.2f)",
                events, ente, raw, raw / ente));
    }

    // --------------------------------------------------------------------------------------- heap

    private void heap() throws Exception {
        Path dyads = work.resolve("probe-dyads.txt");
        Files.createDirectories(work);
        List<String> ids = factsPerDyad.keySet().stream().map(Dyad::id).sorted().toList();
        Files.write(dyads, ids);
        List<String> args = new ArrayList<>(target.probeArgs());
        args.add(dyads.toAbsolutePath().toString());
        args.add(Integer.toString(plan.heapQueries()));
        args.add(Long.toString(plan.seed()));
        Map<String, Object> probe = ChildJvm.run(HeapProbe.class, HeapProbe.HEAP_LIMIT_MB, args);
        out.put("heap_probe", probe);
        out.put("heap_peak_mb", probe.getOrDefault("peak_heap_mb", 0.0));
        out.put("heap_limit_mb", HeapProbe.HEAP_LIMIT_MB);
        out.put("heap_ok", Boolean.TRUE.equals(probe.get("ok")));
    }
}
