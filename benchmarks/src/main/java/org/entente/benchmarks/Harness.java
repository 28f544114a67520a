package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entente.Entente;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.EntenteStore;
import org.entente.internal.FactIndex;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark harness: for each size, a generated history is recorded, rebuilt, queried, commanded,
 * simulated, weighed and measured on disk, each against a raw baseline measured in the same run with
 * the same database settings, commit size and indexes. Writes {@code results.json}.
 *
 * <pre>
 * java -jar benchmarks/target/entente-benchmarks.jar --quick      # 10k and 100k facts, under 5 minutes
 * java -jar benchmarks/target/entente-benchmarks.jar              # full: 10k, 100k and 1M
 * java -jar benchmarks/target/entente-benchmarks.jar --tiny       # 1k and 4k, a smoke test
 * java -jar benchmarks/target/entente-benchmarks.jar --size 20000 # one size
 * java -jar benchmarks/target/entente-benchmarks.jar --profile-summary rec.jfr  # top frames of a JFR recording
 * </pre>
 */
public final class Harness {

    /** The commit size of both Entente's batch path (its default) and the raw baseline. */
    static final int CHUNK = 1000;
    /** Commands per {@code recordAll} call, as an importer feeding a news stream would batch them. */
    static final int BATCH = 10_000;

    private final Options options;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private WallProfiler profiler;

    private Harness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        if (options.profileSummary != null) {
            JfrSummary.print(options.profileSummary, options.top, options.focus, System.out);
            return;
        }
        if (options.scale) {
            System.setProperty("jmh.ignoreLock", "true");
            Map<String, Object> results = ScaleTier.run(options);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
            System.out.println("results: " + options.out.toAbsolutePath());
            return;
        }
        Map<String, Object> results = run(options);
        System.out.println(Report.table(results));
        System.out.println("results: " + options.out.toAbsolutePath());
    }

    /** Runs the harness and writes the results file; returns what it wrote. */
    static Map<String, Object> run(Options options) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        // JMH runs inside this JVM; its /tmp/jmh.lock would make two harness runs (or a run and the
        // smoke test of a build) fail each other.
        System.setProperty("jmh.ignoreLock", "true");
        return new Harness(options).runAll();
    }

    private Map<String, Object> runAll() throws Exception {
        if (options.wallProfile != null) {
            profiler = new WallProfiler(Thread.currentThread(), options.wallProfile, 5);
        }
        try {
            return runMeasured();
        } finally {
            if (profiler != null) {
                profiler.close();
            }
        }
    }

    private String phasePrefix = "";

    private void phase(String name) {
        if (profiler != null) {
            profiler.phase(phasePrefix + name);
        }
    }

    private Map<String, Object> runMeasured() throws Exception {
        Files.createDirectories(options.work);
        deleteTree(options.work);
        Files.createDirectories(options.work);
        results.put("mode", options.mode);
        results.put("seed", options.seed);
        results.put("started", Instant.now().toString());
        results.put("machine", machine());
        Map<String, Object> sizes = new LinkedHashMap<>();
        results.put("sizes", sizes);
        warmUp();
        for (int size : options.sizes) {
            log("=== size " + size);
            sizes.put(String.valueOf(size), runSize(size, size == options.sizes.get(options.sizes.size() - 1)));
            write();
        }
        if (options.only.isEmpty()) {
            headline(sizes);
        }
        write();
        if (!options.keep) {
            deleteTree(options.work);
        }
        return results;
    }

    /**
     * Runs every code path once on a small history before anything is measured, so that the first
     * size's figures are not mostly JIT compilation (and so that neither side of a ratio gets it).
     */
    private void warmUp() throws Exception {
        long t = System.nanoTime();
        phasePrefix = "warm-up ";
        Generator.Dataset data = Generator.generate(options.tiny ? 1000 : 3000, options.seed + 1);
        Path dir = options.work.resolve("warm-up");
        for (int r = 0; r < (options.tiny ? 1 : 2); r++) {
            rawIngest(data, dir.resolve("raw-" + r));
            enteIngest(data, dir.resolve("entente-" + r));
        }
        rebuildInMemory(data);
        try (Opened opened = open(dir.resolve("entente-0"))) {
            rawScan(opened.entente);
            opened.entente.rebuildProjections();
        }
        deleteTree(dir);
        phasePrefix = "";
        log(String.format(Locale.ROOT, "warm-up: %.1f s", Stats.seconds(System.nanoTime() - t)));
    }

    // ------------------------------------------------------------------------------------- one size

    private Map<String, Object> runSize(int size, boolean largest) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t = System.nanoTime();
        Generator.Dataset data = Generator.generate(size, options.seed);
        log(String.format(Locale.ROOT, "generated %d commands over %d dyads in %.1f s (longest %s: %d facts)", data.size(),
                data.factsPerDyad().size(), Stats.seconds(System.nanoTime() - t), data.longest(), data.factsPerDyad().get(data.longest())));
        out.put("dataset", dataset(data));
        Path dir = options.work.resolve(String.valueOf(size));
        Files.createDirectories(dir);

        Ingested ingested = ingest(data, dir);
        out.put("ingest", ingested.figures);
        write(out, size);

        Map<String, Object> rebuild = new LinkedHashMap<>();
        if (options.runs("rebuild")) {
            out.put("rebuild", rebuild);
            rebuild.put("memory", rebuildInMemory(data));
            write(out, size);
        }
        if (options.runs("rebuild") || options.runs("memory") || options.runs("asof") || options.runs("simulation")) {
            try (Opened opened = open(ingested.enteDir)) {
                if (options.runs("rebuild")) {
                    rebuild.put("persisted", rebuildPersisted(opened, data, size));
                }
                if (options.runs("memory")) {
                    out.put("memory", memory(opened.entente, data));
                }
                if (options.runs("asof")) {
                    out.put("asof", asOf(opened.entente, data));
                }
                if (options.runs("simulation")) {
                    out.put("simulation", simulation(opened.entente, data));
                }
            }
            write(out, size);
        }
        if (options.runs("disk")) {
            out.put("disk", disk(ingested, data, dir));
        }
        if (options.runs("commands")) {
            out.put("commands", commands(ingested, data));
        }
        if (largest && options.probeHeap && options.runs("probe")) {
            // The target: the offline rebuild of the stored projections. The online one (open, then a
            // second index aside) is reported beside it.
            out.put("rebuild_512m", RebuildProbe.runChild(ingested.enteDir, 512, "offline"));
            out.put("rebuild_512m_online", RebuildProbe.runChild(ingested.enteDir, 512, "online"));
        }
        if (largest && options.runs("targets")) {
            // Last: it adds a dyad of 16k facts and commands to the store the phases above measured.
            write(out, size);
            out.put("targets", quickTargets(ingested, data, dir, out));
        }
        write(out, size);
        return out;
    }

    /**
     * Issue 14's figures on the largest size's H2 store (built through Entente by the ingest phase);
     * ingest, record and catch-up come from the ingest phase (the same facts into an empty store),
     * the catch-up's raw side from the rebuild's raw scan writing rows (the same work per event).
     */
    private Map<String, Object> quickTargets(Ingested ingested, Generator.Dataset data, Path dir, Map<String, Object> sizeResults)
            throws Exception {
        phase("targets");
        long t = System.nanoTime();
        Path store = ingested.enteDir;
        Targets.Store target = new Targets.Store("h2", () -> Entente.builder().h2(store), () -> EntenteStore.builder().h2(store), store,
                List.of("h2", store.toAbsolutePath().toString()));
        Targets.Plan plan = options.tiny
                ? new Targets.Plan(50, 2_000, 2_000, 0, 0, 10_000, options.seed)
                : new Targets.Plan(200, 20_000, 16_064, 0, 0, 10_000, options.seed);
        Map<String, Object> f = Targets.measure(target, plan, data.factsPerDyad(), dir.resolve("targets"));
        Map<String, Object> ingest = ingested.figures;
        f.put("largest_size", data.size());
        f.put("ingest_ratio", ingest.get("ratio"));
        f.put("record_ratio", ingest.get("record_ratio"));
        f.put("catchup_facts_per_sec", ingest.get("catchup_facts_per_sec"));
        double rawRowsPerSec = ((Number) f.get("rebuild_events")).doubleValue() / (double) f.get("persisted_rebuild_raw_seconds");
        f.put("catchup_raw_facts_per_sec", rawRowsPerSec);
        f.put("catchup_ratio", (double) ingest.get("catchup_facts_per_sec") / rawRowsPerSec);
        Object compacted = sizeResults.get("disk") instanceof Map<?, ?> disk ? disk.get("file_bytes_compacted") : null;
        long live = ((Number) ingest.get("live_file_bytes_max")).longValue();
        if (compacted instanceof Number c) {
            f.put("h2_live_file_bytes_max", live);
            f.put("h2_live_file_ratio", live / c.doubleValue());
        }
        Map<String, Object> imports = ImportBench.rawRatio(dir.resolve("import"), options.tiny ? 2_000 : 100_000);
        f.put("import", imports);
        f.put("import_raw_ratio", imports.get("import_raw_ratio"));
        f.put("seconds", Stats.seconds(System.nanoTime() - t));
        log(String.format(Locale.ROOT, "targets: %.1f s", Stats.seconds(System.nanoTime() - t)));
        return f;
    }

    private void write(Map<String, Object> sizeResults, int size) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) results.get("sizes");
        sizes.put(String.valueOf(size), sizeResults);
        write();
    }

    private static Map<String, Object> dataset(Generator.Dataset data) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("commands", data.size());
        d.put("facts", data.facts());
        d.put("retractions", data.retractions());
        d.put("out_of_order", data.outOfOrder());
        d.put("dyads", data.factsPerDyad().size());
        d.put("countries", data.factsPerDyad().keySet().stream().flatMap(x -> Stream.of(x.first(), x.second())).distinct().count());
        d.put("longest_dyad", data.longest().id());
        d.put("longest_dyad_facts", data.factsPerDyad().get(data.longest()));
        int[] counts = data.factsPerDyad().values().stream().mapToInt(Integer::intValue).toArray();
        d.put("median_dyad_facts", Stats.median(Arrays.stream(counts).asDoubleStream().toArray()));
        d.put("dyads_with_10k_facts_or_more", Arrays.stream(counts).filter(c -> c >= 10_000).count());
        d.put("dyads_with_1k_facts_or_more", Arrays.stream(counts).filter(c -> c >= 1_000).count());
        Map<String, Object> kinds = new LinkedHashMap<>();
        data.kinds().forEach((k, v) -> kinds.put(k.slug(), v));
        d.put("kinds", kinds);
        return d;
    }

    // --------------------------------------------------------------------------------------- ingest

    private record Ingested(Map<String, Object> figures, Path enteDir, Path rawDir) {
    }

    private Ingested ingest(Generator.Dataset data, Path dir) throws Exception {
        int repeats = options.tiny ? 1 : data.size() <= 20_000 ? 3 : 1;
        double[] raw = new double[repeats];
        double[] ente = new double[repeats];
        double[] catchup = new double[repeats];
        Path enteDir = null;
        Path rawDir = null;
        int capFailures = 0;
        int fallbackChunk = 0;
        long liveFile = 0;
        for (int r = 0; r < repeats; r++) {
            rawDir = dir.resolve("raw-" + r);
            enteDir = dir.resolve("entente-" + r);
            raw[r] = rawIngest(data, rawDir);
            EnteIngest e = enteIngest(data, enteDir);
            ente[r] = e.seconds();
            catchup[r] = e.catchup();
            capFailures += e.capFailures();
            fallbackChunk = Math.max(fallbackChunk, e.fallbackChunk());
            liveFile = e.maxFileBytes();
            log(String.format(Locale.ROOT, "ingest #%d: raw %.2f s, entente %.2f s, catch-up %.2f s", r + 1, raw[r], ente[r], catchup[r]));
            if (r < repeats - 1) {
                deleteTree(rawDir);
                deleteTree(enteDir);
            }
        }
        int n = data.size();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("repeats", repeats);
        f.put("batch_commands", BATCH);
        f.put("chunk", CHUNK);
        putRates(f, n, ente, raw);
        f.put("catchup_seconds", Stats.median(catchup));
        f.put("catchup_facts_per_sec", n / Stats.median(catchup));
        f.put("transaction_cap_failures", capFailures);
        f.put("fallback_chunk", fallbackChunk);
        f.put("rows_identical", sameRows(enteDir, rawDir));
        f.put("live_file_bytes_max", liveFile);

        int subset = Math.max(100, Math.min(2000, n / 20));
        List<RelationshipCommand> first = data.commands().subList(0, subset);
        double rawOne = rawIngest(first, data.dyadOf(), dir.resolve("record-raw"), 1);
        double rec = recordOneByOne(first, dir.resolve("record"));
        f.put("record_subset", subset);
        f.put("record_seconds", rec);
        f.put("record_facts_per_sec", subset / rec);
        f.put("record_raw_seconds", rawOne);
        f.put("record_raw_facts_per_sec", subset / rawOne);
        f.put("record_ratio", rawOne / rec);
        log(String.format(Locale.ROOT, "record(): %d commands in %.2f s (raw, one commit each: %.2f s)", subset, rec, rawOne));
        deleteTree(dir.resolve("record"));
        deleteTree(dir.resolve("record-raw"));
        return new Ingested(f, enteDir, rawDir);
    }

    /**
     * Rebuild measurements are repeated for small sizes (median taken): they are short enough for
     * noise to dominate a single run. Ingest uses the same rule without the override.
     */
    private int repeats(int size) {
        if (options.repeats > 0) {
            return options.repeats;
        }
        return options.tiny ? 1 : size <= 20_000 ? 3 : 1;
    }

    /**
     * The raw baselines' URL for an H2 file in {@code dir}. The directory reaches the URL as text, so a
     * {@code ;} (which would start an H2 setting such as {@code INIT=}) or a control character is refused.
     */
    static String h2Url(Path dir) {
        String path = dir.toAbsolutePath().resolve("entente").toString();
        if (path.chars().anyMatch(ch -> ch == ';' || Character.isISOControl(ch))) {
            throw new IllegalArgumentException("the work directory " + dir + " holds a ';' or a control character,"
                    + " which an H2 URL would read as a setting; use a directory without them");
        }
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0";
    }

    static Path h2File(Path dir) {
        return dir.resolve("entente.mv.db");
    }

    /** Raw: the same rows, plain JDBC batches, the same chunk size, into tables Entente created (same DDL and indexes). */
    private double rawIngest(Generator.Dataset data, Path dir) throws SQLException {
        return rawIngest(data.commands(), data.dyadOf(), dir, CHUNK);
    }

    private double rawIngest(List<RelationshipCommand> commands, Map<FactId, Dyad> dyadOf, Path dir, int chunk) throws SQLException {
        phase("ingest-raw");
        EntenteStore.builder().h2(dir).build().close();
        try (Connection c = DriverManager.getConnection(h2Url(dir), "sa", "")) {
            long t0 = System.nanoTime();
            new RawStore().insert(c, commands, dyadOf, chunk);
            long t1 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return Stats.seconds(t1 - t0);
        }
    }

    /** What one Entente ingest measured. */
    private record EnteIngest(double seconds, double catchup, int capFailures, int fallbackChunk, long maxFileBytes) {
    }

    /**
     * Entente: recordAll with processing paused; then the time until projections catch up after
     * resuming. A chunk that overruns Entente's transaction cap is rolled back; as the README says,
     * the same batch is then run again. After three failures of one batch the rest is recorded with
     * chunks a quarter of the size (reported: the commit size then differs from the baseline's).
     */
    private EnteIngest enteIngest(Generator.Dataset data, Path dir) {
        phase("ingest-entente-open");
        int chunk = CHUNK;
        Entente entente = Entente.builder().h2(dir).build();
        // The file's size sampled every 100 ms during the load and the catch-up (for h2_live_file_ratio).
        java.util.concurrent.atomic.AtomicLong maxFile = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    maxFile.accumulateAndGet(Files.size(h2File(dir)), Math::max);
                    Thread.sleep(100);
                } catch (IOException e) {
                    // replaced during a compaction: sampled again next time
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "h2-file-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            entente.pauseProcessing();
            phase("ingest-entente");
            long t0 = System.nanoTime();
            List<RelationshipCommand> all = data.commands();
            int failures = 0;
            for (int from = 0; from < all.size(); from += BATCH) {
                List<RelationshipCommand> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                for (int attempt = 1; ; attempt++) {
                    try {
                        entente.recordAll(batch);
                        break;
                    } catch (org.entente.core.EntenteException e) {
                        // A chunk over the cap is rolled back (the first chunk) or ends a partly written batch
                        // (BatchWriteException caused by it); either way the batch is retried.
                        if (!(e instanceof org.entente.core.store.TransactionCapExceededException)
                                && !(e.getCause() instanceof org.entente.core.store.TransactionCapExceededException)) {
                            throw e;
                        }
                        failures++;
                        log("ingest: batch at command " + from + ", attempt " + attempt + ": " + e.getMessage());
                        if (attempt >= 3) {
                            chunk = Math.max(1, chunk / 4);
                            log("ingest: recording the rest with chunks of " + chunk + " commands");
                            entente.close();
                            entente = Entente.builder().h2(dir).chunkSize(chunk).build();
                            entente.pauseProcessing();
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            phase("ingest-catchup");
            entente.resumeProcessing();
            entente.awaitCaughtUp(Duration.ofHours(4));
            long t2 = System.nanoTime();
            sampling.set(false);
            return new EnteIngest(Stats.seconds(t1 - t0), Stats.seconds(t2 - t1), failures, chunk == CHUNK ? 0 : chunk, maxFile.get());
        } finally {
            sampling.set(false);
            entente.close();
        }
    }

    private double recordOneByOne(List<RelationshipCommand> commands, Path dir) {
        phase("record");
        try (Entente entente = Entente.builder().h2(dir).build()) {
            entente.pauseProcessing();
            long t0 = System.nanoTime();
            for (RelationshipCommand c : commands) {
                entente.record(c);
            }
            return Stats.seconds(System.nanoTime() - t0);
        }
    }

    /** Whether the baseline wrote the very rows Entente wrote (type, revision, payload), on a sample. */
    private static boolean sameRows(Path enteDir, Path rawDir) throws SQLException {
        String q = "SELECT aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, payload FROM DomainEventEntry"
                + " ORDER BY aggregateIdentifier, sequenceNumber";
        try (Connection a = DriverManager.getConnection(h2Url(enteDir), "sa", "");
             Connection b = DriverManager.getConnection(h2Url(rawDir), "sa", "");
             Statement sa = a.createStatement(); Statement sb = b.createStatement();
             ResultSet ra = sa.executeQuery(q); ResultSet rb = sb.executeQuery(q)) {
            int rows = 0;
            while (ra.next()) {
                if (!rb.next() || !ra.getString(1).equals(rb.getString(1)) || ra.getLong(2) != rb.getLong(2)
                        || !ra.getString(3).equals(rb.getString(3)) || !ra.getString(4).equals(rb.getString(4))
                        || !Arrays.equals(ra.getBytes(5), rb.getBytes(5))) {
                    log("rows differ at row " + rows + ": " + ra.getString(1) + "/" + ra.getLong(2));
                    return false;
                }
                rows++;
            }
            return !rb.next();
        } finally {
            shutdown(enteDir);
            shutdown(rawDir);
        }
    }

    private static void shutdown(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(h2Url(dir), "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    // -------------------------------------------------------------------------------------- rebuild

    private static final class Opened implements AutoCloseable {
        final Entente entente;
        final double openSeconds;

        Opened(Entente entente, double openSeconds) {
            this.entente = entente;
            this.openSeconds = openSeconds;
        }

        @Override
        public void close() {
            entente.close();
        }
    }

    private Opened open(Path dir) {
        long t0 = System.nanoTime();
        Entente entente = Entente.builder().h2(dir).build();
        entente.awaitCaughtUp(Duration.ofMinutes(30));
        return new Opened(entente, Stats.seconds(System.nanoTime() - t0));
    }

    /** Entente's rebuild of an H2 file store (rows and index, aside, then swapped) against the raw scan into the same index code. */
    private Map<String, Object> rebuildPersisted(Opened opened, Generator.Dataset data, int size) throws SQLException {
        Entente entente = opened.entente;
        long events;
        try (Connection c = entente.store().connections().getConnection()) {
            events = RawStore.count(c);
        }
        double[][] times = timeRebuilds(entente, repeats(size), "persisted");
        double[] raw = times[0];
        double[] ente = times[1];
        log(String.format(Locale.ROOT, "rebuild (H2 file): entente %.2f s, raw %.2f s, open %.2f s", Stats.median(ente),
                Stats.median(raw), opened.openSeconds));
        Map<String, Object> f = rebuildFigures(events, ente, raw);
        f.put("open_seconds", opened.openSeconds);
        f.put("open_facts_per_sec", events / opened.openSeconds);
        return f;
    }

    private static double rawScan(Entente entente) throws SQLException {
        try (Connection c = entente.store().connections().getConnection()) {
            long t0 = System.nanoTime();
            FactIndex index = new RawStore().scanIntoIndex(c);
            double s = Stats.seconds(System.nanoTime() - t0);
            if (index.all().isEmpty()) {
                throw new IllegalStateException("the raw scan found nothing");
            }
            return s;
        }
    }

    /** Median seconds and facts per second of Entente and the baseline, and their ratio (Entente / raw). */
    private static void putRates(Map<String, Object> f, double facts, double[] ente, double[] raw) {
        f.put("entente_seconds", Stats.median(ente));
        f.put("raw_seconds", Stats.median(raw));
        double enteRate = facts / Stats.median(ente);
        double rawRate = facts / Stats.median(raw);
        f.put("entente_facts_per_sec", enteRate);
        f.put("raw_facts_per_sec", rawRate);
        f.put("ratio", enteRate / rawRate);
    }

    private static Map<String, Object> rebuildFigures(long events, double[] ente, double[] raw) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("events", events);
        f.put("repeats", ente.length);
        putRates(f, events, ente, raw);
        return f;
    }

    /**
     * Times the raw scan and Entente's rebuild alternately, {@code repeats} times each, in phases
     * named after {@code kind}; returns the raw times, then Entente's, in seconds.
     */
    private double[][] timeRebuilds(Entente entente, int repeats, String kind) throws SQLException {
        double[] raw = new double[repeats];
        double[] ente = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            phase("rebuild-" + kind + "-raw");
            raw[r] = rawScan(entente);
            phase("rebuild-" + kind + "-entente");
            long t0 = System.nanoTime();
            entente.rebuildProjections();
            ente[r] = Stats.seconds(System.nanoTime() - t0);
        }
        return new double[][] {raw, ente};
    }

    /** The same on an in-memory Entente (H2 in memory), filled with the same rows by plain JDBC. */
    private Map<String, Object> rebuildInMemory(Generator.Dataset data) throws SQLException {
        phase("rebuild-memory-fill");
        try (Entente entente = Entente.inMemory()) {
            long t0 = System.nanoTime();
            try (Connection c = entente.store().connections().getConnection()) {
                new RawStore().insert(c, data.commands(), data.dyadOf(), CHUNK);
            }
            double fill = Stats.seconds(System.nanoTime() - t0);
            double[][] times = timeRebuilds(entente, repeats(data.size()), "memory");
            double[] raw = times[0];
            double[] ente = times[1];
            log(String.format(Locale.ROOT, "rebuild (in memory): entente %.2f s, raw %.2f s (filled in %.2f s)", Stats.median(ente),
                    Stats.median(raw), fill));
            Map<String, Object> f = rebuildFigures(data.size(), ente, raw);
            f.put("fill_seconds", fill);
            // Sanity: the rebuilt projections answer.
            entente.partnership(data.longest(), org.entente.When.asOf(Generator.LAST_DAY));
            return f;
        }
    }

    // --------------------------------------------------------------------------------------- memory

    /** Heap held by the in-memory projections (the index Entente's code builds), per fact. */
    private static Map<String, Object> memory(Entente entente, Generator.Dataset data) throws SQLException {
        FactIndex index;
        Map<String, long[]> histogramBefore = classHistogram();
        long before = usedHeapAfterGc();
        try (Connection c = entente.store().connections().getConnection()) {
            index = new RawStore().scanIntoIndex(c);
        }
        // Build every dyad's current view too: queries cache it per dyad (checkpoints every 32 facts).
        index.all().forEach(d -> d.snapshot().current());
        long withViews = usedHeapAfterGc();
        Map<String, long[]> histogramAfter = classHistogram();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("top_classes", histogramDelta(histogramBefore, histogramAfter, data.size(), 15));
        long bytes = Math.max(1, withViews - before);
        f.put("index_heap_bytes", bytes);
        f.put("heap_bytes_per_fact", (double) bytes / data.size());
        f.put("dyads", index.all().size());
        // Prototype: the same index read with equal strings, days and sources shared (see Canonical).
        index = null;
        long before2 = usedHeapAfterGc();
        FactIndex canonical;
        try (Connection c = entente.store().connections().getConnection()) {
            canonical = new RawStore(true).scanIntoIndex(c);
        }
        canonical.all().forEach(d -> d.snapshot().current());
        long after2 = usedHeapAfterGc();
        f.put("heap_bytes_per_fact_canonical_prototype", (double) Math.max(1, after2 - before2) / data.size());
        log(String.format(Locale.ROOT, "heap with canonical values (prototype): %.0f bytes per fact", (double) (after2 - before2) / data.size()));
        canonical.all().size();
        log(String.format(Locale.ROOT, "heap: %.0f bytes per fact (index with current views)", (double) bytes / data.size()));
        return f;
    }

    /** The heap's class histogram (instances, bytes by class name), from the HotSpot diagnostic command. */
    static Map<String, long[]> classHistogram() {
        Map<String, long[]> out = new HashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            for (String line : text.split("\n")) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length >= 4 && cells[0].endsWith(":")) {
                    out.put(cells[3], new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2])});
                }
            }
        } catch (Exception e) {
            log("no class histogram: " + e);
        }
        return out;
    }

    private static List<Map<String, Object>> histogramDelta(Map<String, long[]> before, Map<String, long[]> after, int facts, int top) {
        List<Map<String, Object>> rows = new ArrayList<>();
        after.forEach((name, v) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            long bytes = v[1] - b[1];
            if (bytes > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("class", name);
                row.put("instances", v[0] - b[0]);
                row.put("bytes", bytes);
                row.put("bytes_per_fact", (double) bytes / facts);
                rows.add(row);
            }
        });
        rows.sort((x, y) -> Long.compare((long) y.get("bytes"), (long) x.get("bytes")));
        return rows.subList(0, Math.min(top, rows.size()));
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------------------------------- as-of

    private Map<String, Object> asOf(Entente entente, Generator.Dataset data) throws SQLException, RunnerException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (NaiveReader naive = new NaiveReader(entente.store().connections().getConnection())) {
            AsOfContext context = new AsOfContext(entente, naive, data.factsPerDyad(), options.seed);
            long warm = System.nanoTime();
            int asked = context.askEveryDrawOnce();
            log(String.format(Locale.ROOT, "as-of: %d queries asked once before JMH in %.1f s (%s)", asked,
                    (System.nanoTime() - warm) / 1e9, entente.cacheStatistics()));
            AsOfContext.install(context);
            OptionsBuilder ob = new OptionsBuilder();
            ob.include(AsOfBenchmarks.class.getName() + "\\.(partnership|portfolio|naivePartnership|naivePortfolio)$");
            ob.forks(0).threads(1).shouldFailOnError(true).verbosity(VerboseMode.SILENT)
                    .warmupIterations(options.jmh.warmupIterations).warmupTime(options.jmh.warmupTime)
                    .measurementIterations(options.jmh.measurementIterations).measurementTime(options.jmh.measurementTime)
                    .timeUnit(TimeUnit.MICROSECONDS);
            long t0 = System.nanoTime();
            for (RunResult r : new Runner(ob.build()).run()) {
                String name = r.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                String mix = r.getParams().getParam("mix");
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) out.computeIfAbsent(mix, k -> new LinkedHashMap<>());
                var stats = r.getPrimaryResult().getStatistics();
                String key = snake(name);
                m.put(key + "_p50_us", stats.getPercentile(50));
                m.put(key + "_p99_us", stats.getPercentile(99));
                m.put(key + "_samples", stats.getN());
            }
            for (Object v : out.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) v;
                m.put("partnership_speedup_p50", (double) m.get("naive_partnership_p50_us") / (double) m.get("partnership_p50_us"));
                m.put("portfolio_speedup_p50", (double) m.get("naive_portfolio_p50_us") / (double) m.get("portfolio_p50_us"));
            }
            out.put("method", "JMH 1.37, Mode.SampleTime, forks 0 (in the harness JVM), 1 thread, warmup "
                    + options.jmh.warmupIterations + " x " + options.jmh.warmupTime + ", measurement " + options.jmh.measurementIterations
                    + " x " + options.jmh.measurementTime + "; " + AsOfContext.DRAWS + " seeded (dyad, country, date) draws per mix, dates uniform in "
                    + Generator.FIRST_DAY + ".." + Generator.LAST_DAY);
            log(String.format(Locale.ROOT, "as-of (%.0f s): %s", Stats.seconds(System.nanoTime() - t0), out.get("uniform")));
        } finally {
            AsOfContext.install(null);
        }
        return out;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    // ----------------------------------------------------------------------------------- simulation

    /**
     * One branch of the store: 10 hypothetical facts between the most active country and its five
     * main partners, then the comparison of that country's portfolio. Baseline: the same answer by
     * naive folds of stored events (the touched dyads replayed with the hypothetical facts, every
     * other dyad of the country folded as stored).
     */
    private Map<String, Object> simulation(Entente entente, Generator.Dataset data) throws SQLException {
        Map<Actor, Integer> perCountry = new HashMap<>();
        Map<Actor, List<Dyad>> dyadsOf = new HashMap<>();
        data.factsPerDyad().forEach((d, n) -> {
            perCountry.merge(d.first(), n, Integer::sum);
            perCountry.merge(d.second(), n, Integer::sum);
            dyadsOf.computeIfAbsent(d.first(), c -> new ArrayList<>()).add(d);
            dyadsOf.computeIfAbsent(d.second(), c -> new ArrayList<>()).add(d);
        });
        Actor hub = perCountry.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Dyad> partners = dyadsOf.get(hub).stream()
                .sorted(Comparator.comparing((Dyad d) -> data.factsPerDyad().get(d)).reversed()).limit(5).toList();
        LocalDate branch = Generator.LAST_DAY.minusYears(2);
        LocalDate compareOn = Generator.LAST_DAY;
        int runs = options.tiny ? 4 : 12;
        double[] sim = new double[runs];
        double[] naive = new double[runs];
        int touched = 0;
        try (NaiveReader reader = new NaiveReader(entente.store().connections().getConnection())) {
            for (int r = 0; r < runs; r++) {
                List<FactCommand> hypothetical = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    Dyad d = partners.get(i % partners.size());
                    FactHeader h = new FactHeader(FactId.of("hypo-" + r + "-" + i), HappenedOn.day(branch.plusDays(10 + i)), hub,
                            d.other(hub), List.of(Source.hypothetical()));
                    hypothetical.add(i % 2 == 0 ? new FactCommand.HoldTalks(h, Optional.of("what if"))
                            : new FactCommand.PledgeCooperation(h, List.of(CooperationDomain.MILITARY)));
                }
                long t0 = System.nanoTime();
                Simulation s = entente.simulate(Scenario.branchAt(branch).addAll(hypothetical));
                var comparison = s.compare(hub, compareOn);
                sim[r] = (System.nanoTime() - t0) / 1e6;
                touched = s.touched().size();
                if (comparison.baseline().partners().isEmpty()) {
                    throw new IllegalStateException("the simulation compared nothing");
                }
                long t1 = System.nanoTime();
                naiveBranch(reader, hub, dyadsOf.get(hub), hypothetical, compareOn);
                naive[r] = (System.nanoTime() - t1) / 1e6;
            }
        }
        // The first runs warm up.
        double[] simM = Arrays.copyOfRange(sim, runs / 4, runs);
        double[] naiveM = Arrays.copyOfRange(naive, runs / 4, runs);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("country", hub.code());
        f.put("country_dyads", dyadsOf.get(hub).size());
        f.put("touched_dyads", touched);
        f.put("hypothetical_facts", 10);
        f.put("runs", simM.length);
        f.put("p50_ms", Stats.median(simM));
        f.put("p99_ms", Stats.percentile(simM, 99));
        f.put("naive_p50_ms", Stats.median(naiveM));
        f.put("ratio", Stats.median(naiveM) / Stats.median(simM));
        log(String.format(Locale.ROOT, "simulation: %.1f ms (naive %.1f ms), %s with %d dyads", Stats.median(simM),
                Stats.median(naiveM), hub, dyadsOf.get(hub).size()));
        return f;
    }

    private static void naiveBranch(NaiveReader reader, Actor hub, List<Dyad> dyads, List<FactCommand> hypothetical,
                                    LocalDate date) throws SQLException {
        Map<Dyad, List<FactEvent>> added = new HashMap<>();
        for (FactCommand c : hypothetical) {
            added.computeIfAbsent(c.fact().dyad(), d -> new ArrayList<>()).add(c.toEvent());
        }
        for (Dyad d : dyads) {
            List<FactEvent> facts = reader.facts(d);
            List<FactEvent> branch = new ArrayList<>(facts);
            branch.addAll(added.getOrDefault(d, List.of()));
            for (List<FactEvent> l : List.of(facts, branch)) {
                List<FactEvent> upTo = new ArrayList<>();
                for (FactEvent e : l) {
                    if (!e.fact().happened().day().isAfter(date)) {
                        upTo.add(e);
                    }
                }
                upTo.sort(DyadHistory.ORDER);
                Decider.replay(d, upTo, e -> false);
            }
        }
    }

    // ------------------------------------------------------------------------------------- commands

    /**
     * Command latency on the longest dyad, aggregate cache off (every command loads the dyad): with
     * snapshots (Entente's store, written with the default threshold of 250) against without (the
     * raw store: the same events, no snapshot, and a threshold no command reaches).
     */
    private Map<String, Object> commands(Ingested ingested, Generator.Dataset data) {
        Dyad dyad = data.longest();
        LocalDate last = LocalDate.MIN;
        for (RelationshipCommand c : data.commands()) {
            if (c instanceof FactCommand f && f.fact().dyad().equals(dyad) && f.fact().happened().day().isAfter(last)) {
                last = f.fact().happened().day();
            }
        }
        int n = options.tiny ? 10 : 40;
        int warm = options.tiny ? 2 : 5;
        double[] with = latencies(EntenteStore.builder().h2(ingested.enteDir).snapshotThreshold(250).aggregateCache(false),
                dyad, last, "with", warm, n);
        double[] without = latencies(EntenteStore.builder().h2(ingested.rawDir).snapshotThreshold(Integer.MAX_VALUE).aggregateCache(false),
                dyad, last, "without", warm, n);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dyad", dyad.id());
        f.put("dyad_events", data.factsPerDyad().get(dyad));
        f.put("commands", n);
        f.put("with_snapshots", Map.of("p50_ms", Stats.median(with), "p99_ms", Stats.percentile(with, 99)));
        f.put("without_snapshots", Map.of("p50_ms", Stats.median(without), "p99_ms", Stats.percentile(without, 99)));
        f.put("speedup_p50", Stats.median(without) / Stats.median(with));
        log(String.format(Locale.ROOT, "command on %s (%d events): %.2f ms with snapshots, %.2f ms without", dyad,
                data.factsPerDyad().get(dyad), Stats.median(with), Stats.median(without)));
        return f;
    }

    static double[] latencies(EntenteStore.Builder builder, Dyad dyad, LocalDate last, String tag, int warm, int n) {
        double[] out = new double[n];
        try (EntenteStore store = builder.build()) {
            for (int i = 0; i < warm + n; i++) {
                FactHeader h = new FactHeader(FactId.of("cmd-" + tag + "-" + i), HappenedOn.day(last.plusDays(1 + i)),
                        dyad.first(), dyad.second(), List.of(Source.background()));
                long t0 = System.nanoTime();
                store.record(new FactCommand.HoldTalks(h, Optional.of("latency probe")));
                if (i >= warm) {
                    out[i - warm] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------- disk

    /**
     * File sizes: after Entente's normal close, then after {@code SHUTDOWN COMPACT}; then, on a copy,
     * the projection tables, the snapshots and the fact ids dropped one after the other (each followed
     * by a compaction), which splits the file into its parts. The raw store is compacted the same way.
     */
    private Map<String, Object> disk(Ingested ingested, Generator.Dataset data, Path dir) throws SQLException, IOException {
        Map<String, Object> f = new LinkedHashMap<>();
        long n = data.size();
        long afterClose = Files.size(h2File(ingested.enteDir));
        long t0 = System.nanoTime();
        long compacted = compact(ingested.enteDir, List.of());
        double compactSeconds = Stats.seconds(System.nanoTime() - t0);
        Path copy = dir.resolve("split");
        Files.createDirectories(copy);
        Files.copy(h2File(ingested.enteDir), h2File(copy), StandardCopyOption.REPLACE_EXISTING);
        long noProjections = compact(copy, List.of("DROP TABLE entente_projection_fact", "DROP TABLE entente_projection_meta"));
        long noSnapshots = compact(copy, List.of("DROP TABLE SnapshotEventEntry"));
        long noFactIds = compact(copy, List.of("DROP TABLE entente_fact_id"));
        deleteTree(copy);
        long rawAfterClose = Files.size(h2File(ingested.rawDir));
        long rawCompacted = compact(ingested.rawDir, List.of());
        f.put("file_bytes_after_close", afterClose);
        f.put("file_bytes_compacted", compacted);
        f.put("compact_seconds", compactSeconds);
        f.put("bytes_per_event", (double) compacted / n);
        f.put("bytes_per_event_after_close", (double) afterClose / n);
        f.put("events_bytes", noFactIds);
        f.put("events_bytes_per_event", (double) noFactIds / n);
        f.put("projections_bytes", Math.max(0, compacted - noProjections));
        f.put("projections_bytes_per_event", (double) Math.max(0, compacted - noProjections) / n);
        f.put("snapshots_bytes", Math.max(0, noProjections - noSnapshots));
        f.put("fact_ids_bytes", Math.max(0, noSnapshots - noFactIds));
        f.put("raw_file_bytes_after_close", rawAfterClose);
        f.put("raw_file_bytes_compacted", rawCompacted);
        f.put("raw_bytes_per_event", (double) rawCompacted / n);
        f.put("payload_bytes_per_event", payloadBytes(ingested.rawDir) / n);
        log(String.format(Locale.ROOT, "disk: %.0f bytes/event compacted (%.0f after close); events %.0f, projections %.0f, snapshots %.0f",
                (double) compacted / n, (double) afterClose / n, (double) noFactIds / n,
                (double) Math.max(0, compacted - noProjections) / n, (double) Math.max(0, noProjections - noSnapshots) / n));
        return f;
    }

    private static double payloadBytes(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(h2Url(dir), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(OCTET_LENGTH(payload)) + SUM(OCTET_LENGTH(metaData)) FROM DomainEventEntry")) {
            rs.next();
            double v = rs.getDouble(1);
            s.execute("SHUTDOWN");
            return v;
        }
    }

    static long compact(Path dir, List<String> statements) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(h2Url(dir), "sa", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("SHUTDOWN COMPACT");
        }
        return Files.size(h2File(dir));
    }

    // ------------------------------------------------------------------------------------- headline

    @SuppressWarnings("unchecked")
    private void headline(Map<String, Object> sizes) {
        List<Integer> ns = options.sizes;
        int smallest = ns.get(0);
        int largest = ns.get(ns.size() - 1);
        Map<String, Object> big = (Map<String, Object>) sizes.get(String.valueOf(largest));
        Map<String, Object> small = (Map<String, Object>) sizes.get(String.valueOf(smallest));
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("ingest_ratio", get(big, "ingest.ratio"));
        head.put("rebuild_ratio", get(big, "rebuild.memory.ratio"));
        double p99Big = get(big, "asof.uniform.partnership_p99_us");
        double p99Small = get(small, "asof.uniform.partnership_p99_us");
        head.put("asof_p99_growth", p99Big / p99Small);
        head.put("asof_p50_micros", get(big, "asof.uniform.partnership_p50_us"));
        head.put("h2_bytes_per_event", get(big, "disk.bytes_per_event"));
        head.put("ingest_entente_facts_per_sec", get(big, "ingest.entente_facts_per_sec"));
        head.put("ingest_raw_facts_per_sec", get(big, "ingest.raw_facts_per_sec"));
        head.put("rebuild_entente_facts_per_sec", get(big, "rebuild.memory.entente_facts_per_sec"));
        head.put("rebuild_raw_facts_per_sec", get(big, "rebuild.memory.raw_facts_per_sec"));
        head.put("asof_p99_micros_smallest", p99Small);
        head.put("asof_p99_micros_largest", p99Big);
        head.put("h2_file_bytes", get(big, "disk.file_bytes_compacted"));
        head.put("largest_size", largest);
        head.put("smallest_size", smallest);
        head.put("duration_seconds", Stats.seconds(System.nanoTime() - started));
        if (big.get("targets") instanceof Map<?, ?> targets) {
            for (String key : List.of("open_seconds", "asof_cold_p99_ms", "asof_warm_p50_micros", "portfolio_cold_p99_ms", "command_cold_p99_ms",
                    "command_dyad_events", "record_ratio", "catchup_ratio", "catchup_facts_per_sec", "persisted_rebuild_ratio",
                    "import_raw_ratio", "h2_live_file_ratio", "heap_peak_mb", "heap_limit_mb", "backend")) {
                if (targets.containsKey(key)) {
                    head.put(key, targets.get(key));
                }
            }
        }
        Map<String, Object> reordered = new LinkedHashMap<>(head);
        reordered.putAll(results);
        results.clear();
        results.putAll(reordered);
    }

    @SuppressWarnings("unchecked")
    static double get(Map<String, Object> map, String path) {
        Object v = map;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map)) {
                throw new IllegalStateException("no " + path + " in the results");
            }
            v = ((Map<String, Object>) v).get(part);
        }
        if (!(v instanceof Number num)) {
            throw new IllegalStateException("no number at " + path + " in the results (found " + v + ")");
        }
        return num.doubleValue();
    }

    private void write() throws IOException {
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        phase("write");
        Path tmp = options.out.resolveSibling(options.out.getFileName() + ".tmp");
        mapper.writeValue(tmp.toFile(), results);
        Files.move(tmp, options.out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("physical_memory_bytes", sun.getTotalMemorySize());
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }

    static void log(String message) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), message);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // -------------------------------------------------------------------------------------- options

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                usage: java -jar entente-benchmarks.jar [--quick | --tiny | --size N | --sizes N,M,...] [--seed S]
                                                        [--out FILE] [--work DIR] [--keep] [--no-heap-probe]
                       java -jar entente-benchmarks.jar --scale [--scale-pg N] [--scale-h2 N] [--keep]
                       java -jar entente-benchmarks.jar --profile-summary RECORDING.jfr [--top N] [--focus METHOD-PREFIX]
                  (no size option)  full mode: 10000, 100000 and 1000000 commands
                  --quick           10000 and 100000 (within 5 minutes on 2 cores)
                  --tiny            1000 and 3000, single repeats, short JMH runs (a smoke test)
                  --out             results file (default: results.json beside the jar, that is benchmarks/target)
                  --work            scratch directory for the databases (default: bench-work beside the results)
                  --keep            keep the databases afterwards
                  --repeats N       repeat rebuild measurements N times (median; default 3 up to 20000, else 1)
                  --wall-profile F  sample the harness thread's stack every 5 ms (wall clock) and write a summary to F
                  --only P,Q        run only these phases after ingest (rebuild, memory, asof, simulation, disk,
                                    commands, probe, targets); no headline figures then (for profiling)
                  --scale           the scale tier instead: a store built by COPY on PostgreSQL and one by JDBC
                                    batches on H2, opened and measured by Entente (results-scale.json)
                  --scale-pg N      facts of the PostgreSQL store (default 10000000)
                  --scale-h2 N      facts of the H2 store (default 1000000)
                  --scale-append N  facts appended by recordAll and by raw batches at scale (default 200000)
                  --scale-import N  ICEWS-shaped rows of the import ratio at scale (default 1000000)
                  --pg-url URL      PostgreSQL server and database (default jdbc:postgresql://127.0.0.1:5432/test);
                                    the tier works in a schema of its own, dropped unless --keep
                  --pg-user USER    PostgreSQL user (default postgres, no password: trust authentication)
                """;

        String mode = "full";
        boolean scale;
        int scalePg = 10_000_000;
        int scaleH2 = 1_000_000;
        int scaleAppend = 200_000;
        int scaleImport = 1_000_000;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String pgUser = "postgres";
        private boolean outGiven;
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        long seed = 20240426L;
        Path out = defaultOut();
        Path work;
        boolean keep;
        boolean tiny;
        boolean probeHeap = true;
        boolean help;
        Path profileSummary;
        Path wallProfile;
        String focus;
        int repeats;
        int top = 25;
        /** Phases to run besides ingest (empty: all): rebuild, memory, asof, simulation, disk, commands, probe. */
        java.util.Set<String> only = java.util.Set.of();
        Jmh jmh = Jmh.FULL;

        record Jmh(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime) {
            static final Jmh TINY = new Jmh(1, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200));
            static final Jmh QUICK = new Jmh(1, TimeValue.seconds(1), 2, TimeValue.seconds(1));
            static final Jmh FULL = new Jmh(2, TimeValue.seconds(1), 3, TimeValue.seconds(2));
        }

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> {
                        o.mode = "quick";
                        o.sizes = List.of(10_000, 100_000);
                        o.jmh = Jmh.QUICK;
                    }
                    case "--tiny" -> {
                        o.mode = "tiny";
                        o.sizes = List.of(1_000, 3_000);
                        o.jmh = Jmh.TINY;
                        o.tiny = true;
                    }
                    case "--size" -> {
                        o.mode = "size";
                        o.sizes = List.of(positive(value(args, ++i, a), a));
                        o.tiny = o.sizes.get(0) < 10_000;
                        o.jmh = o.tiny ? Jmh.TINY : Jmh.QUICK;
                    }
                    case "--sizes" -> {
                        o.mode = "sizes";
                        o.sizes = Arrays.stream(value(args, ++i, a).split(",")).map(s -> positive(s, a)).sorted().toList();
                        o.tiny = o.sizes.get(o.sizes.size() - 1) < 10_000;
                        o.jmh = o.tiny ? Jmh.TINY : Jmh.QUICK;
                    }
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                    case "--scale" -> {
                        o.mode = "scale";
                        o.scale = true;
                    }
                    case "--scale-pg" -> o.scalePg = atLeast(value(args, ++i, a), a, 1_000);
                    case "--scale-h2" -> o.scaleH2 = atLeast(value(args, ++i, a), a, 1_000);
                    case "--scale-append" -> o.scaleAppend = atLeast(value(args, ++i, a), a, 100);
                    case "--scale-import" -> o.scaleImport = atLeast(value(args, ++i, a), a, 100);
                    case "--pg-url" -> o.pgUrl = value(args, ++i, a);
                    case "--pg-user" -> o.pgUser = value(args, ++i, a);
                    case "--out" -> {
                        o.out = Path.of(value(args, ++i, a));
                        o.outGiven = true;
                    }
                    case "--work" -> {
                        o.work = Path.of(value(args, ++i, a));
                        h2Url(o.work); // refuses a directory an H2 URL would misread, before anything runs
                    }
                    case "--keep" -> o.keep = true;
                    case "--no-heap-probe" -> o.probeHeap = false;
                    case "--wall-profile" -> o.wallProfile = Path.of(value(args, ++i, a));
                    case "--profile-summary" -> o.profileSummary = Path.of(value(args, ++i, a));
                    case "--only" -> o.only = java.util.Set.of(value(args, ++i, a).split(","));
                    case "--repeats" -> o.repeats = positive(value(args, ++i, a), a);
                    case "--focus" -> o.focus = value(args, ++i, a);
                    case "--top" -> o.top = positive(value(args, ++i, a), a);
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            for (int s : o.sizes) {
                if (s < 500) {
                    throw new IllegalArgumentException("sizes must be at least 500 commands, got " + s);
                }
            }
            if (o.scale && !o.outGiven) {
                o.out = o.out.resolveSibling("results-scale.json");
            }
            if (o.work == null) {
                o.work = o.out.toAbsolutePath().resolveSibling("bench-work");
            }
            return o;
        }

        boolean runs(String phase) {
            return only.isEmpty() || only.contains(phase);
        }

        private static int atLeast(String s, String option, int least) {
            int v = positive(s, option);
            if (v < least) {
                throw new IllegalArgumentException(option + " needs at least " + least + ", got " + s);
            }
            return v;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String s, String option) {
            try {
                int v = Integer.parseInt(s.strip().replace("_", ""));
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a positive whole number, got '" + s + "'");
            }
        }

        /** {@code results.json} beside the jar (benchmarks/target), or beside target/classes when run from the build. */
        private static Path defaultOut() {
            try {
                Path code = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return code.getParent().resolve("results.json");
            } catch (Exception e) {
                return Path.of("results.json");
            }
        }
    }

}
