package org.entente.reliability;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import org.entente.durability.Digests;

/**
 * Kills a child JVM ({@link CrashChild}) with SIGKILL at random moments of large batches, single
 * records, projection rebuilds, store imports and migrations, and after each kill checks the store
 * ({@link StoreIntegrity}), reruns the interrupted job in this JVM until it completes, and checks
 * again: no acknowledged fact lost, none recorded twice, no store inconsistent.
 *
 * <p>Run it from the command line (from the repository's root):
 * <pre>
 * ./mvnw -q -B -pl projections -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/crash.cp -Dmdep.includeScope=test
 * java -cp "projections/target/test-classes:projections/target/classes:$(cat projections/target/crash.cp)" \
 *     org.entente.reliability.CrashHarness --kills 500 --batch 20000 --out /tmp/crash-long
 * </pre>
 * (see RELIABILITY.md). The suite's tests {@code H2CrashHarnessTest} and {@code PostgresCrashHarnessTest}
 * run it with 10 and 5 kills on 2,000-fact batches (and 3 imports, 2 migrations), every kill point
 * reached at least once: a point no kill has reached yet is chosen first.
 *
 * <p>Each child is started as a {@linkplain ChildJvm#spare spare} while the previous kill is checked and
 * rerun, so that its JVM's start-up (about as long as a kill's job) overlaps that work.
 */
public final class CrashHarness {

    /** Where a kill lands. */
    enum Point {
        BATCH("batch"), SINGLE("single"), REBUILD("rebuild"), ONLINE_REBUILD("online-rebuild"), IMPORT("import"), MIGRATE("migrate");

        final String job;

        Point(String job) {
            this.job = job;
        }
    }

    /** What a kill led to. */
    enum Outcome {
        /** The check after the kill and after the rerun found nothing wrong. */
        CONSISTENT,
        /** The check right after the kill found the store inconsistent (or could not read it). */
        INCONSISTENT_AFTER_KILL,
        /** The rerun failed, or the check after it found a problem. */
        RERUN_FAILED
    }

    /** The harness's settings. */
    record Config(int kills, int batch, String backend, List<Point> points, long seed, Path work, String pgUrl, String pgUser,
                  int storeLimit, boolean noRerun, Duration timeLimit) {
        static Config of(int kills, int batch, String backend, List<Point> points, Path work) {
            return new Config(kills, batch, backend, points, 20240426L, work,
                    System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                    System.getProperty("entente.postgres.user", "postgres"), 3 * batch, false, Duration.ofDays(365));
        }
    }

    private final Config config;
    private final PrintStream log;
    private final Random random;
    private final CrashTally tally = new CrashTally();
    /** Per point: how long an uninterrupted run took (ms), so kills land anywhere within one. */
    private final Map<String, Long> duration = new LinkedHashMap<>();
    /** The points whose duration was measured on a run that ended before its kill. */
    private final Set<String> measured = new HashSet<>();
    private int storeNumber;
    /** A child JVM started ahead of its job ({@link ChildJvm#spare}), or null. */
    private ChildJvm spare;
    private int spareNumber;
    private String store;
    private Path h2Source; // the H2 store a migration copies from
    private Path exportFile;
    /** Set when the current store is damaged: it stays on disk for inspection. */
    private String keepStore;
    private long sourceEvents;
    private int runNumber;
    /** The facts of the current store that a call acknowledged (it returned), in the child or in a rerun. */
    private final Set<String> acknowledged = new HashSet<>();

    CrashHarness(Config config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.random = new Random(config.seed());
    }

    public static void main(String[] args) throws Exception {
        int kills = 500;
        int batch = 20_000;
        String backend = "both";
        Path out = Path.of("target", "crash");
        List<Point> points = List.of(Point.values());
        long seed = System.currentTimeMillis();
        boolean noRerun = false;
        boolean fresh = false;
        int minutes = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--backend" -> backend = value;
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--no-rerun" -> {
                    noRerun = true;
                    i--;
                }
                case "--minutes" -> minutes = Integer.parseInt(value);
                case "--fresh" -> {
                    fresh = true;
                    i--;
                }
                case "--points" -> points = java.util.Arrays.stream(value.split(","))
                        .map(p -> Point.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --kills N --batch N --backend h2|pg|both --points batch,single,... --seed N --minutes N --out DIR");
            }
            i++;
        }
        Files.createDirectories(out);
        Config base = Config.of(kills, batch, backend, points, out);
        Config config = new Config(kills, batch, backend, points, seed, out, base.pgUrl(), base.pgUser(), fresh ? 0 : base.storeLimit(), noRerun,
                minutes > 0 ? Duration.ofMinutes(minutes) : base.timeLimit());
        System.out.printf("crash harness: %d kills, %d-fact batches, backend %s, points %s, seed %d, in %s%n",
                kills, batch, backend, points, seed, out.toAbsolutePath());
        CrashTally tally = new CrashHarness(config, System.out).run();
        System.out.print(tally);
        System.exit(tally.failures.isEmpty() && tally.lost == 0 && tally.duplicates == 0 ? 0 : 1);
    }

    /**
     * Runs until the asked number of kills landed (a child that finished before its kill moment does
     * not count, and the next kill of that point aims earlier) or the time limit passed; H2 and
     * PostgreSQL alternate when both are asked for, in blocks of six and three kills.
     */
    CrashTally run() throws Exception {
        try {
            return runKills();
        } finally {
            if (spare != null) {
                spare.close();
            }
        }
    }

    private ChildJvm startSpare() throws IOException {
        int n = spareNumber++;
        return ChildJvm.spare(CrashChild.class, config.work().resolve("child-" + n + ".err"),
                config.work().resolve("spare-" + n).toString());
    }

    /** The child started ahead, or a new one if none was. */
    private ChildJvm takeSpare() throws IOException {
        ChildJvm child = spare != null ? spare : startSpare();
        spare = null;
        return child;
    }

    private CrashTally runKills() throws Exception {
        int attempt = 0;
        long stopAt = System.nanoTime() + config.timeLimit().toNanos();
        while (tally.kills() < config.kills()) {
            if (System.nanoTime() > stopAt) {
                log.printf("time limit of %d minutes reached after %d kills: stopping%n", config.timeLimit().toMinutes(), tally.kills());
                break;
            }
            if (attempt > 2 * config.kills() + 10) {
                throw new IllegalStateException("only " + tally.kills() + " of " + config.kills() + " kills landed in " + attempt
                        + " runs: the jobs end before the kill moments chosen");
            }
            boolean pg = switch (config.backend()) {
                case "pg" -> true;
                case "h2" -> false;
                // Blocks of six H2 kills and three PostgreSQL ones: each block keeps its store, so that it
                // grows and the later kills of the block can rebuild, import or migrate it.
                default -> tally.kills() % 9 >= 6;
            };
            killOnce(attempt++, pg);
        }
        dropSchema();
        return tally;
    }

    /** How long a job of this point is expected to run (ms) before any was seen to finish. */
    private long firstEstimate(Point point) {
        long events = Math.max(sourceEvents, config.batch());
        return switch (point) {
            case BATCH -> config.batch() / 2;
            case SINGLE -> singles() * 2L;
            case REBUILD, ONLINE_REBUILD -> 500 + events / 10;
            case IMPORT -> 300 + events / 10;
            case MIGRATE -> 300 + config.batch() / 5;
        };
    }

    private void killOnce(int k, boolean pg) throws Exception {
        String wanted = pg ? "pg" : "h2";
        if (store == null || !store.startsWith(wanted) || sourceEvents > config.storeLimit() || config.storeLimit() == 0) {
            freshStore(pg);
        }
        Point point = choosePoint(pg);
        String run = "r" + (runNumber++);
        List<String> args = new ArrayList<>(List.of(point.job, store));
        String target = store;
        switch (point) {
            case BATCH -> args.addAll(List.of(run, "0", Integer.toString(config.batch())));
            case SINGLE -> args.addAll(List.of(run, "0", Integer.toString(singles())));
            case IMPORT -> {
                target = "h2:" + config.work().resolve("import-" + k);
                args.set(1, target);
                args.add(exportFile().toString());
            }
            case MIGRATE -> {
                target = "pg:" + config.pgUrl() + "|" + config.pgUser() + "|" + createSchema("crash_migrate_" + k);
                args.set(1, target);
                args.add(h2Source().toString());
            }
            default -> { }
        }
        String key = point.job + (pg ? "/pg" : "/h2");
        long estimate = config.storeLimit() == 0 ? firstEstimate(point) : duration.getOrDefault(key, firstEstimate(point));
        long killAfter = (long) (random.nextDouble() * estimate);
        long started;
        boolean killed;
        Set<String> acks = new HashSet<>();
        int written = 0;
        long launched = System.nanoTime();
        long startMillis;
        try (ChildJvm child = takeSpare()) {
            child.go(args.toArray(String[]::new));
            Path errors = child.errors();
            String line = child.readLine();
            if (line == null || !line.equals("STARTED")) {
                throw new IllegalStateException("child " + k + " did not start: " + line + " " + Files.readString(errors));
            }
            started = System.nanoTime();
            startMillis = (started - launched) / 1_000_000;
            ChildOutput reader = new ChildOutput(child);
            reader.start();
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(killAfter);
            while (reader.isAlive() && System.nanoTime() < deadline) {
                reader.join(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
            }
            killed = reader.isAlive();
            if (killed) {
                child.kill();
            }
            reader.join();
            if (tally.kills() + (killed ? 1 : 0) < config.kills()) {
                // The next child starts and warms up while this one's store is checked and its job rerun.
                spare = startSpare();
            }
            acks.addAll(reader.acks);
            written = reader.written;
            if (reader.recorded && point == Point.BATCH) {
                CrashChild.batch(run, 0, config.batch()).forEach(f -> acks.add(f.fact().id().value()));
            }
            if (!killed) {
                // It ended before the kill moment: later kills aim within its duration.
                duration.put(key, Math.max(50, (System.nanoTime() - started) / 1_000_000));
                measured.add(key);
                if (!reader.done) {
                    tally.failures.add("#" + k + " " + point.job + ": the child died on its own: "
                            + Files.readString(errors).lines().filter(l -> !l.startsWith("[")).limit(5).toList());
                }
            }
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        long afterChild = System.nanoTime();
        acks.forEach(this::acknowledge);
        if (!killed) {
            tally.completedBeforeKill++;
        }
        Outcome outcome;
        String detail;
        if (killed && point == Point.BATCH && written > 0) {
            // Extrapolate the batch's whole duration from the share written, so kills spread over all of it.
            duration.put(key, Math.max(estimate, elapsed * config.batch() / written));
        } else if (killed && point == Point.SINGLE && !acks.isEmpty()) {
            // Counting at least 10: the first records are the slowest, and extrapolating from one or two made
            // the next estimate tens of seconds, so that the next single records finished before their kill.
            duration.put(key, Math.max(estimate, elapsed * singles() / Math.max(10, acks.size())));
        }
        List<String> afterKill = new ArrayList<>();
        try {
            afterKill.addAll(check(target, point == Point.BATCH ? run : null, written));
        } catch (Exception e) {
            afterKill.add("check failed: " + e);
        }
        String partialCopy = "";
        if (point == Point.IMPORT || point == Point.MIGRATE) {
            // A copy cut short is work in progress, not a store: only what its retry leaves is judged.
            partialCopy = afterKill.isEmpty() ? "" : " (the cut copy: " + afterKill + ")";
            afterKill.clear();
        }
        List<String> afterRerun = new ArrayList<>();
        long checked = System.nanoTime();
        if (config.noRerun()) {
            // Investigation mode: the check alone, the store kept growing until its limit.
        } else try {
            afterRerun.addAll(rerun(point, target, run, written, acks));
        } catch (Exception | AssertionError e) {
            afterRerun.add("rerun failed: " + e);
        }
        long rerunMillis = (System.nanoTime() - checked) / 1_000_000;
        if (afterRerun.isEmpty() && !measured.contains(key) && point != Point.BATCH && point != Point.SINGLE) {
            // Until a run is seen to end, a rerun that did the whole job tells how long it takes (rather more:
            // it also checks), so that kills can land late in an import or a rebuild, not only early.
            duration.put(key, Math.max(estimate, rerunMillis));
        }
        if (!afterKill.isEmpty()) {
            outcome = Outcome.INCONSISTENT_AFTER_KILL;
            detail = afterKill + (afterRerun.isEmpty() ? "" : " then " + afterRerun);
        } else if (!afterRerun.isEmpty()) {
            outcome = Outcome.RERUN_FAILED;
            detail = afterRerun.toString();
        } else {
            outcome = Outcome.CONSISTENT;
            detail = partialCopy;
        }
        if (killed) {
            tally.add(point, outcome);
        }
        boolean keepTarget = outcome != Outcome.CONSISTENT;
        if (keepTarget) {
            tally.failures.add(String.format("#%d %s %s %s after %d ms: %s", k, pg ? "pg" : "h2", point.job,
                    killed ? "killed" : "not killed", elapsed, detail));
            if (target.equals(store)) {
                // A damaged H2 store stays on disk for inspection; the next kill starts on a fresh one.
                keepStore = store;
                freshStore(pg);
            }
        }
        log.printf("kill %d %s %s %s after %d of ~%d ms (start %d ms, check %d ms, rerun %d ms): %s %s%n", k, pg ? "pg" : "h2", point.job,
                killed ? "killed" : "finished", elapsed, estimate, startMillis, (checked - afterChild) / 1_000_000, rerunMillis,
                outcome, detail);
        log.flush();
        if (point == Point.IMPORT && !keepTarget) {
            deleteTree(config.work().resolve("import-" + k));
        }
        if (point == Point.MIGRATE) {
            dropSchema(target.substring(target.lastIndexOf('|') + 1));
        }
    }

    /** From now on the fact must be in the store after every kill. */
    private void acknowledge(String factId) {
        if (acknowledged.add(factId)) {
            tally.acknowledged++;
        }
    }

    private Point choosePoint(boolean pg) throws Exception {
        List<Point> possible = new ArrayList<>();
        for (Point p : config.points()) {
            boolean needsData = p == Point.REBUILD || p == Point.ONLINE_REBUILD || p == Point.IMPORT || p == Point.MIGRATE;
            if (needsData && sourceEvents == 0) {
                continue;
            }
            if (p == Point.IMPORT && pg || p == Point.MIGRATE && !pg) {
                continue; // imports are exercised on H2, migrations into PostgreSQL
            }
            possible.add(p);
            if (p == Point.BATCH) {
                possible.add(p); // batches are the heart of the matter: twice the weight
            }
        }
        if (possible.isEmpty()) {
            seed();
            return choosePoint(pg);
        }
        // A point no kill has reached yet goes first, so that even a short run reaches every point asked for.
        List<Point> notYet = possible.stream().distinct().filter(p -> !tally.kills.containsKey(p)).toList();
        List<Point> from = notYet.isEmpty() ? possible : notYet;
        return from.get(random.nextInt(from.size()));
    }

    /** Fills the store with one batch in this JVM, for runs that only rebuild, import or migrate. */
    private void seed() throws Exception {
        List<FactCommand> facts = CrashChild.batch("seed" + (runNumber++), 0, config.batch());
        try (Entente e = CrashChild.entente(store).build()) {
            e.recordAll(facts);
            e.awaitCaughtUp(Duration.ofMinutes(5));
        }
        facts.forEach(f -> acknowledge(f.fact().id().value()));
        sourceEvents += facts.size();
    }

    /** Single records are slow (a transaction each): a tenth of a batch. */
    private int singles() {
        return Math.max(100, config.batch() / 10);
    }

    private void freshStore(boolean pg) throws Exception {
        dropSchema();
        if (store != null && store.startsWith("h2:") && keepStore == null) {
            deleteTree(Path.of(store.substring(3)));
        }
        keepStore = null;
        storeNumber++;
        store = pg ? "pg:" + config.pgUrl() + "|" + config.pgUser() + "|" + createSchema("crash_store_" + storeNumber)
                : "h2:" + config.work().resolve("store-" + storeNumber);
        sourceEvents = 0;
        exportFile = null;
        acknowledged.clear();
    }

    /** The store's contents exported, for import kills (made again when the store changed). */
    private Path exportFile() throws Exception {
        if (exportFile == null) {
            exportFile = config.work().resolve("export-" + storeNumber + ".txt");
            try (EntenteStore from = CrashChild.eventStore(store).build(); OutputStream out = new FileOutputStream(exportFile.toFile())) {
                StoreCopy.export(from, out);
            }
        }
        return exportFile;
    }

    /** An H2 store of one batch, the source of migrations. */
    private Path h2Source() throws Exception {
        if (h2Source == null) {
            h2Source = config.work().resolve("migration-source");
            try (Entente e = Entente.h2(h2Source)) {
                e.recordAll(CrashChild.batch("src", 0, config.batch()));
            }
        }
        return h2Source;
    }

    /** Opens the store as a user would and checks it in full. */
    private List<String> check(String target, String batchRun, int written) throws Exception {
        try (EntenteStore s = CrashChild.eventStore(target).build(); Connection c = s.connections().getConnection()) {
            StoreIntegrity.Report r = StoreIntegrity.check(c);
            List<String> problems = new ArrayList<>(r.problems());
            if (target.equals(store)) {
                sourceEvents = r.events();
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(r.eventFactIds());
                if (!missing.isEmpty()) {
                    tally.lost += missing.size();
                    problems.add(missing.size() + " acknowledged fact(s) lost, e.g. " + missing.iterator().next());
                }
                if (batchRun != null) {
                    // Each committed chunk was acknowledged by progress: at least that many facts of the batch are stored.
                    long stored = r.eventFactIds().stream().filter(id -> id.startsWith(batchRun + "-")).count();
                    if (stored < written) {
                        tally.lost += written - stored;
                        problems.add("the batch reported " + written + " fact(s) written but " + stored + " are stored");
                    }
                }
            }
            return problems;
        }
    }

    /** Runs the killed job again in this JVM: it must complete, and leave the store whole. */
    private List<String> rerun(Point point, String target, String run, int written, Set<String> acks) throws Exception {
        List<String> problems = new ArrayList<>();
        switch (point) {
            case BATCH, SINGLE -> {
                List<FactCommand> facts = CrashChild.batch(run, 0, point == Point.BATCH ? config.batch() : singles());
                try (Entente e = CrashChild.entente(store).build()) {
                    e.recordAll(facts);
                    e.awaitCaughtUp(Duration.ofMinutes(5));
                    try (Connection c = e.store().connections().getConnection()) {
                        StoreIntegrity.Report r = StoreIntegrity.check(c);
                        problems.addAll(r.problems());
                        problems.addAll(StoreIntegrity.checkProjection(c));
                        long missing = facts.stream().filter(f -> !r.eventFactIds().contains(f.fact().id().value())).count();
                        if (missing > 0) {
                            problems.add(missing + " fact(s) of the rerun batch missing after it returned");
                        }
                        if (written > facts.size()) {
                            problems.add("the child reported " + written + " written of " + facts.size());
                        }
                        tally.duplicates += r.events() - r.eventFactIds().size();
                        sourceEvents = r.events();
                    }
                    facts.forEach(f -> acknowledge(f.fact().id().value()));
                }
                exportFile = null;
            }
            case REBUILD, ONLINE_REBUILD -> {
                String before;
                if (point == Point.REBUILD) {
                    CrashChild.entente(store).rebuildStoredProjections((read, total) -> { });
                }
                try (Entente e = CrashChild.entente(store).build()) {
                    if (point == Point.ONLINE_REBUILD) {
                        e.rebuildProjections();
                    }
                    e.awaitCaughtUp(Duration.ofMinutes(5));
                    before = Digests.projectionRows(e);
                    try (Connection c = e.store().connections().getConnection()) {
                        problems.addAll(StoreIntegrity.checkProjection(c));
                    }
                    // A clean rebuild must give the same rows.
                    e.rebuildProjections();
                    e.awaitCaughtUp(Duration.ofMinutes(5));
                    if (!Digests.projectionRows(e).equals(before)) {
                        problems.add("the projection rows after the rerun differ from a clean rebuild's");
                    }
                }
            }
            case IMPORT, MIGRATE -> {
                try (EntenteStore to = CrashChild.eventStore(target).build()) {
                    if (point == Point.IMPORT) {
                        try (InputStream in = new FileInputStream(exportFile.toFile())) {
                            StoreCopy.importInto(to, in);
                        }
                    } else {
                        try (EntenteStore from = CrashChild.eventStore("h2:" + h2Source).build()) {
                            StoreCopy.copy(from, to, (done, total) -> { });
                        }
                    }
                }
                try (Entente e = CrashChild.entente(target).build()) {
                    e.awaitCaughtUp(Duration.ofMinutes(5));
                    try (Connection c = e.store().connections().getConnection()) {
                        StoreIntegrity.Report r = StoreIntegrity.check(c);
                        problems.addAll(r.problems());
                        problems.addAll(StoreIntegrity.checkProjection(c));
                        long expected = point == Point.IMPORT ? sourceEvents : config.batch();
                        if (r.events() != expected || r.factIds() != expected) {
                            problems.add("the copy holds " + r.events() + " event(s) and " + r.factIds() + " fact id(s); the source "
                                    + expected);
                        }
                        tally.duplicates += r.events() - r.eventFactIds().size();
                    }
                }
            }
            default -> throw new IllegalStateException(point.toString());
        }
        return problems;
    }

    private String createSchema(String prefix) throws SQLException {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    private void dropSchema() throws SQLException {
        if (store != null && store.startsWith("pg:")) {
            dropSchema(store.substring(store.lastIndexOf('|') + 1));
        }
    }

    private void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
