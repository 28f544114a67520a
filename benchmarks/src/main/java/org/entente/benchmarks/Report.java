package org.entente.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown tables: the targets, then the figures behind them per size. */
final class Report {

    private record Target(String key, String label, boolean atLeast, double limit) {
        boolean met(double v) {
            return atLeast ? v >= limit : (key.equals("asof_p50_micros") ? v < limit : v <= limit);
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("ingest_ratio", "ingest_ratio (Entente / raw facts per second)", true, 0.7),
            new Target("rebuild_ratio", "rebuild_ratio (Entente / raw, in-memory store)", true, 0.7),
            new Target("asof_p99_growth", "asof_p99_growth (p99 largest / p99 smallest, uniform)", false, 2),
            new Target("asof_p50_micros", "asof_p50_micros (partnership, largest, uniform)", false, 1000),
            new Target("h2_bytes_per_event", "h2_bytes_per_event (compacted file / facts)", false, 2048));

    private static final String[][] ROWS = {
        {"dataset.dyads", "dyads", "%.0f"},
        {"dataset.longest_dyad_facts", "facts in the longest dyad", "%.0f"},
        {"dataset.out_of_order", "facts recorded out of order", "%.0f"},
        {"ingest.entente_facts_per_sec", "ingest: Entente recordAll, facts/s", "%.0f"},
        {"ingest.raw_facts_per_sec", "ingest: raw JDBC batches, facts/s", "%.0f"},
        {"ingest.ratio", "**ingest ratio**", "%.3f"},
        {"ingest.transaction_cap_failures", "batches rolled back at the 10 s transaction cap", "%.0f"},
        {"ingest.fallback_chunk", "chunk size after repeated cap failures (0: none)", "%.0f"},
        {"ingest.catchup_seconds", "projections catch-up after resume, s", "%.2f"},
        {"ingest.catchup_facts_per_sec", "catch-up, facts/s", "%.0f"},
        {"ingest.record_facts_per_sec", "record() one at a time (first commands, fresh store), facts/s", "%.0f"},
        {"ingest.record_raw_facts_per_sec", "raw, one commit per fact (same subset), facts/s", "%.0f"},
        {"ingest.record_ratio", "record() / raw one by one", "%.3f"},
        {"rebuild.memory.entente_facts_per_sec", "rebuild in memory: Entente, facts/s", "%.0f"},
        {"rebuild.memory.raw_facts_per_sec", "rebuild in memory: raw scan + same index code, facts/s", "%.0f"},
        {"rebuild.memory.ratio", "**rebuild ratio (in memory)**", "%.3f"},
        {"rebuild.persisted.entente_facts_per_sec", "rebuild H2 file: Entente, facts/s", "%.0f"},
        {"rebuild.persisted.raw_facts_per_sec", "rebuild H2 file: raw, facts/s", "%.0f"},
        {"rebuild.persisted.ratio", "rebuild ratio (H2 file)", "%.3f"},
        {"rebuild.persisted.open_seconds", "open (load projections), s", "%.2f"},
        {"asof.uniform.partnership_p50_us", "partnership p50 µs, uniform", "%.1f"},
        {"asof.uniform.partnership_p99_us", "partnership p99 µs, uniform", "%.1f"},
        {"asof.weighted.partnership_p50_us", "partnership p50 µs, weighted", "%.1f"},
        {"asof.weighted.partnership_p99_us", "partnership p99 µs, weighted", "%.1f"},
        {"asof.uniform.naive_partnership_p50_us", "naive fold p50 µs, uniform", "%.1f"},
        {"asof.uniform.naive_partnership_p99_us", "naive fold p99 µs, uniform", "%.1f"},
        {"asof.weighted.naive_partnership_p50_us", "naive fold p50 µs, weighted", "%.1f"},
        {"asof.weighted.naive_partnership_p99_us", "naive fold p99 µs, weighted", "%.1f"},
        {"asof.uniform.portfolio_p50_us", "portfolio p50 µs, uniform", "%.1f"},
        {"asof.uniform.portfolio_p99_us", "portfolio p99 µs, uniform", "%.1f"},
        {"asof.weighted.portfolio_p50_us", "portfolio p50 µs, weighted", "%.1f"},
        {"asof.weighted.portfolio_p99_us", "portfolio p99 µs, weighted", "%.1f"},
        {"asof.uniform.naive_portfolio_p50_us", "naive portfolio p50 µs, uniform", "%.1f"},
        {"asof.weighted.naive_portfolio_p50_us", "naive portfolio p50 µs, weighted", "%.1f"},
        {"commands.dyad_events", "command: events in the longest dyad", "%.0f"},
        {"commands.with_snapshots.p50_ms", "command p50 ms, snapshots (cache off)", "%.2f"},
        {"commands.with_snapshots.p99_ms", "command p99 ms, snapshots", "%.2f"},
        {"commands.without_snapshots.p50_ms", "command p50 ms, no snapshot", "%.2f"},
        {"commands.without_snapshots.p99_ms", "command p99 ms, no snapshot", "%.2f"},
        {"simulation.country_dyads", "simulation: dyads of the country compared", "%.0f"},
        {"simulation.p50_ms", "simulation: branch + 10 facts + compare, p50 ms", "%.1f"},
        {"simulation.naive_p50_ms", "simulation naive baseline, p50 ms", "%.1f"},
        {"memory.heap_bytes_per_fact", "heap of in-memory projections, bytes/fact", "%.0f"},
        {"memory.heap_bytes_per_fact_canonical_prototype", "  same, equal values shared (prototype), bytes/fact", "%.0f"},
        {"disk.bytes_per_event_after_close", "H2 file after normal close, bytes/event", "%.0f"},
        {"disk.bytes_per_event", "**H2 file after SHUTDOWN COMPACT, bytes/event**", "%.0f"},
        {"disk.events_bytes_per_event", "  of which events table, bytes/event", "%.0f"},
        {"disk.projections_bytes_per_event", "  of which projections, bytes/event", "%.0f"},
        {"disk.snapshots_bytes", "  of which snapshots, bytes", "%.0f"},
        {"disk.compact_seconds", "SHUTDOWN COMPACT, s", "%.2f"},
        {"disk.raw_bytes_per_event", "raw store compacted, bytes/event", "%.0f"},
        {"disk.payload_bytes_per_event", "payload + metadata bytes/event", "%.0f"},
    };

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results) {
        StringBuilder s = new StringBuilder();
        s.append("| target | value | limit | met |\n|---|---:|---:|---|\n");
        for (Target t : TARGETS) {
            Object v = results.get(t.key());
            if (v instanceof Number n) {
                s.append(String.format(Locale.ROOT, "| %s | %.3f | %s %s | %s |%n", t.label(), n.doubleValue(),
                        t.atLeast() ? ">=" : t.key().equals("asof_p50_micros") ? "<" : "<=",
                        fmt(t.limit()), t.met(n.doubleValue()) ? "yes" : "**no**"));
            }
        }
        Map<String, Object> sizes = (Map<String, Object>) results.get("sizes");
        List<String> names = new ArrayList<>(sizes.keySet());
        Map<String, Object> last = (Map<String, Object>) sizes.get(names.get(names.size() - 1));
        for (String[] probeRow : new String[][] {
                {"rebuild_512m", "persisted rebuild (offline, `rebuildStoredProjections`) of %s facts under -Xmx512m (peak heap MB)", "yes", "**no**"},
                {"rebuild_512m_online", "online `rebuildProjections()` (open + second index) of %s facts under -Xmx512m (peak heap MB)", "fits", "does not fit"}}) {
            if (last.get(probeRow[0]) instanceof Map<?, ?> p) {
                s.append(String.format(Locale.ROOT, "| " + probeRow[1] + " | %s | 512 | %s |%n",
                        names.get(names.size() - 1), p.get("peak_heap_mb") instanceof Number n ? String.format(Locale.ROOT, "%.0f", n.doubleValue()) : "?",
                        Boolean.TRUE.equals(p.get("ok")) ? probeRow[2] : probeRow[3]));
            }
        }
        s.append("\n| figure |");
        names.forEach(n -> s.append(' ').append(n).append(" |"));
        s.append("\n|---|");
        names.forEach(n -> s.append("---:|"));
        s.append('\n');
        for (String[] row : ROWS) {
            s.append("| ").append(row[1]).append(" |");
            for (String n : names) {
                try {
                    s.append(' ').append(String.format(Locale.ROOT, row[2], Harness.get((Map<String, Object>) sizes.get(n), row[0]))).append(" |");
                } catch (IllegalStateException e) {
                    s.append(" - |");
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
