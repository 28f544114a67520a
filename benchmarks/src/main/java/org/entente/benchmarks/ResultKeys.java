package org.entente.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The keys {@code results.json} always holds, with whether each must be strictly positive; the smoke
 * test checks them, so a key dropped from the harness fails the build rather than a reader.
 */
final class ResultKeys {

    /**
     * A required numeric key.
     *
     * @param path     dot-separated path from the top ({@code sizes} entries use {@code *})
     * @param positive whether it must be greater than zero (else at least zero)
     */
    record Key(String path, boolean positive) {
    }

    /** Issue 14's figures, in {@code results.json} at the largest size and in {@code results-scale.json}. */
    private static final List<Key> ISSUE_14 = List.of(
            new Key("open_seconds", true),
            new Key("asof_cold_p99_ms", true),
            new Key("asof_warm_p50_micros", true),
            new Key("portfolio_cold_p99_ms", true),
            new Key("command_cold_p99_ms", true),
            new Key("command_dyad_events", true),
            new Key("record_ratio", true),
            new Key("ingest_ratio", true),
            new Key("catchup_ratio", true),
            new Key("catchup_facts_per_sec", true),
            new Key("persisted_rebuild_ratio", true),
            new Key("import_raw_ratio", true),
            new Key("h2_live_file_ratio", true),
            new Key("heap_peak_mb", true),
            new Key("heap_limit_mb", true),
            new Key("largest_size", true));

    /** The quick tier's keys: its own, then issue 14's at the largest size ({@code backend} is checked apart, a string). */
    static final List<Key> HEADLINE = concat(List.of(
            new Key("rebuild_ratio", true),
            new Key("asof_p99_growth", true),
            new Key("asof_p50_micros", true),
            new Key("h2_bytes_per_event", true),
            new Key("ingest_entente_facts_per_sec", true),
            new Key("ingest_raw_facts_per_sec", true),
            new Key("rebuild_entente_facts_per_sec", true),
            new Key("rebuild_raw_facts_per_sec", true),
            new Key("asof_p99_micros_smallest", true),
            new Key("asof_p99_micros_largest", true),
            new Key("h2_file_bytes", true),
            new Key("smallest_size", true),
            new Key("duration_seconds", true)), ISSUE_14);

    /**
     * The keys of {@code results-scale.json}: at the top for the PostgreSQL store, and (but for
     * {@code second_instance_ready_seconds}, PostgreSQL's alone) under {@code h2} for the H2 store.
     */
    static final List<Key> SCALE = concat(ISSUE_14, List.of(
            new Key("second_instance_ready_seconds", true),
            // The build's snapshots: none in a store too small for a dyad to reach the threshold (the smoke test's).
            new Key("build_snapshots", false),
            new Key("build_snapshot_seconds", false)));

    static final List<Key> PER_SIZE = List.of(
            new Key("dataset.commands", true),
            new Key("dataset.facts", true),
            new Key("dataset.retractions", true),
            new Key("dataset.out_of_order", true),
            new Key("dataset.dyads", true),
            new Key("dataset.longest_dyad_facts", true),
            new Key("ingest.entente_facts_per_sec", true),
            new Key("ingest.raw_facts_per_sec", true),
            new Key("ingest.ratio", true),
            new Key("ingest.catchup_seconds", true),
            new Key("ingest.catchup_facts_per_sec", true),
            new Key("ingest.record_facts_per_sec", true),
            new Key("ingest.record_ratio", true),
            new Key("rebuild.memory.entente_facts_per_sec", true),
            new Key("rebuild.memory.raw_facts_per_sec", true),
            new Key("rebuild.memory.ratio", true),
            new Key("rebuild.persisted.entente_facts_per_sec", true),
            new Key("rebuild.persisted.raw_facts_per_sec", true),
            new Key("rebuild.persisted.ratio", true),
            new Key("rebuild.persisted.open_seconds", true),
            new Key("asof.uniform.partnership_p50_us", true),
            new Key("asof.uniform.partnership_p99_us", true),
            new Key("asof.uniform.portfolio_p50_us", true),
            new Key("asof.uniform.portfolio_p99_us", true),
            new Key("asof.uniform.naive_partnership_p50_us", true),
            new Key("asof.uniform.naive_partnership_p99_us", true),
            new Key("asof.uniform.naive_portfolio_p50_us", true),
            new Key("asof.uniform.naive_portfolio_p99_us", true),
            new Key("asof.weighted.partnership_p50_us", true),
            new Key("asof.weighted.partnership_p99_us", true),
            new Key("asof.weighted.portfolio_p50_us", true),
            new Key("asof.weighted.portfolio_p99_us", true),
            new Key("asof.weighted.naive_partnership_p50_us", true),
            new Key("asof.weighted.naive_partnership_p99_us", true),
            new Key("asof.weighted.naive_portfolio_p50_us", true),
            new Key("asof.weighted.naive_portfolio_p99_us", true),
            new Key("commands.dyad_events", true),
            new Key("commands.with_snapshots.p50_ms", true),
            new Key("commands.with_snapshots.p99_ms", true),
            new Key("commands.without_snapshots.p50_ms", true),
            new Key("commands.without_snapshots.p99_ms", true),
            new Key("commands.speedup_p50", true),
            new Key("simulation.p50_ms", true),
            new Key("simulation.p99_ms", true),
            new Key("simulation.naive_p50_ms", true),
            new Key("simulation.ratio", true),
            new Key("memory.heap_bytes_per_fact", true),
            new Key("disk.file_bytes_after_close", true),
            new Key("disk.file_bytes_compacted", true),
            new Key("disk.bytes_per_event", true),
            new Key("disk.events_bytes", true),
            new Key("disk.projections_bytes", false),
            new Key("disk.snapshots_bytes", false),
            new Key("disk.fact_ids_bytes", false),
            new Key("disk.raw_file_bytes_compacted", true),
            new Key("disk.raw_bytes_per_event", true));

    private ResultKeys() {
    }

    private static List<Key> concat(List<Key> first, List<Key> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /**
     * Adds to {@code problems} what is wrong with a key in a results file: missing, not a finite number,
     * or out of its range.
     *
     * @param root     the object the key's path starts from
     * @param prefix   what to put before the path in a problem (where {@code root} is in the file)
     */
    static void check(JsonNode root, Key key, String prefix, List<String> problems) {
        JsonNode node = root;
        for (String part : key.path().split("\\.")) {
            node = node.path(part);
        }
        String where = prefix + key.path();
        if (!node.isNumber()) {
            problems.add(where + " is " + (node.isMissingNode() ? "missing" : "not a number: " + node));
        } else if (!Double.isFinite(node.asDouble())) {
            problems.add(where + " is not finite: " + node);
        } else if (key.positive() ? node.asDouble() <= 0 : node.asDouble() < 0) {
            problems.add(where + " should be " + (key.positive() ? "> 0" : ">= 0") + ", is " + node);
        }
    }
}
