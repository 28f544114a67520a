package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.Entente;
import org.entente.core.store.EntenteStore;

/**
 * The {@code --scale} tier: a store of {@code --scale-pg} facts (default 10M) built on PostgreSQL by
 * COPY and one of {@code --scale-h2} facts (default 1M) built in an H2 file by JDBC batches, each
 * written in Entente's stored form ({@link StoredForm}) and then opened and measured by Entente
 * ({@link Targets}); the import ratio on a synthetic ICEWS file of {@code --scale-import} rows.
 * Writes {@code results-scale.json}: the PostgreSQL store's figures at the top (with the H2 live-file
 * ratio and the import ratio), the H2 store's under {@code h2}.
 */
final class ScaleTier {

    private final Harness.Options options;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    private ScaleTier(Harness.Options options) {
        this.options = options;
    }

    static Map<String, Object> run(Harness.Options options) throws Exception {
        return new ScaleTier(options).runAll();
    }

    private Map<String, Object> runAll() throws Exception {
        Files.createDirectories(options.work);
        Harness.deleteTree(options.work);
        Files.createDirectories(options.work);
        results.put("mode", "scale");
        results.put("seed", options.seed);
        results.put("started", Instant.now().toString());
        results.put("sizes_requested", Map.of("postgresql", options.scalePg, "h2", options.scaleH2, "append", options.scaleAppend,
                "import", options.scaleImport));

        Map<String, Object> pg = postgres();
        Map<String, Object> h2 = h2();
        Harness.log("=== scale: import of " + options.scaleImport + " ICEWS-shaped rows");
        Map<String, Object> imports = ImportBench.rawRatio(options.work.resolve("import"), options.scaleImport);

        Map<String, Object> top = new LinkedHashMap<>(pg);
        top.put("h2_live_file_ratio", h2.get("h2_live_file_ratio"));
        top.put("import_raw_ratio", imports.get("import_raw_ratio"));
        h2.put("import_raw_ratio", imports.get("import_raw_ratio"));
        top.put("duration_seconds", Stats.seconds(System.nanoTime() - started));
        top.put("h2", h2);
        top.put("import", imports);
        top.putAll(results);
        results.clear();
        results.putAll(top);
        write();
        if (!options.keep) {
            Harness.deleteTree(options.work);
        }
        return results;
    }

    /** The plan at a store of {@code facts}: a command dyad of 16,064 facts, fewer only in stores smaller than that (tests). */
    private Targets.Plan plan(int facts) {
        return new Targets.Plan(500, 100_000, Math.min(16_064, Math.max(2_000, facts)), options.scaleAppend, Math.min(2_000, options.scaleAppend),
                10_000, options.seed);
    }

    private Map<String, Object> postgres() throws Exception {
        String schema = "entente_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = options.pgUrl + (options.pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Harness.log("=== scale: PostgreSQL, " + String.format(Locale.ROOT, "%,d", options.scalePg) + " commands by COPY into schema " + schema);
        try (Connection c = DriverManager.getConnection(options.pgUrl, options.pgUser, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            Targets.Store store = new Targets.Store("postgresql", () -> Entente.builder().postgres(url, options.pgUser, "", 8),
                    () -> EntenteStore.builder().postgres(url, options.pgUser, "", 8), null, List.of("postgresql", url, options.pgUser));
            StoredForm.Built built = StoredForm.postgres(store.entente().get(), store.store().get(), () -> connect(url), options.scalePg,
                    options.seed);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("largest_size", built.events());
            f.put("backend", "postgresql");
            f.put("postgresql_schema", schema);
            f.putAll(buildFigures(built));
            results.put("postgresql_partial", f);
            write();
            f.putAll(Targets.measure(store, plan(options.scalePg), built.shape().factsPerDyad(), options.work.resolve("pg")));
            results.remove("postgresql_partial");
            return f;
        } finally {
            if (!options.keep) {
                try (Connection c = DriverManager.getConnection(options.pgUrl, options.pgUser, ""); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } else {
                Harness.log("kept: PostgreSQL schema " + schema);
            }
        }
    }

    private Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, options.pgUser, "");
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + url + " as " + options.pgUser + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> h2() throws Exception {
        Path dir = options.work.resolve("h2");
        Files.createDirectories(dir);
        Harness.log("=== scale: H2, " + String.format(Locale.ROOT, "%,d", options.scaleH2) + " commands by JDBC batches into " + dir);
        Targets.Store store = new Targets.Store("h2", () -> Entente.builder().h2(dir), () -> EntenteStore.builder().h2(dir), dir,
                List.of("h2", dir.toAbsolutePath().toString()));
        StoredForm.Built built = StoredForm.h2(store.entente().get(), store.store().get(), () -> {
            try {
                return DriverManager.getConnection(Harness.h2Url(dir), "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException("could not open " + dir + ": " + e.getMessage(), e);
            }
        }, options.scaleH2, options.seed);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("largest_size", built.events());
        f.put("backend", "h2");
        f.putAll(buildFigures(built));
        f.putAll(Targets.measure(store, plan(options.scaleH2), built.shape().factsPerDyad(), options.work.resolve("h2-probe")));
        long compacted = Harness.compact(dir, List.of());
        f.put("h2_file_bytes_compacted", compacted);
        long live = ((Number) f.getOrDefault("h2_live_file_bytes_max", 0L)).longValue();
        f.put("h2_live_file_ratio", (double) live / compacted);
        return f;
    }

    private static Map<String, Object> buildFigures(StoredForm.Built built) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("build_seconds", built.seconds());
        f.put("build_events", built.events());
        f.put("build_projection_rows", built.projectionRows());
        f.put("build_events_per_sec", built.events() / built.seconds());
        f.put("build_snapshots", built.snapshots());
        f.put("build_snapshot_seconds", built.snapshotSeconds());
        f.put("dyads", built.shape().factsPerDyad().size());
        f.put("longest_dyad_facts", built.shape().factsPerDyad().get(built.shape().longest()));
        return f;
    }

    private void write() throws IOException {
        Path out = options.out;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), results);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
