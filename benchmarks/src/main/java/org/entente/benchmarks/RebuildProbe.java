package org.entente.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.Entente;

/**
 * Rebuilds an H2 file store's projections in a JVM of its own with a small heap, and reports the peak
 * heap used (sampled every 5 ms) and whether it fit. Two modes: {@code offline} rewrites the stored
 * projections without loading them ({@code Entente.Builder.rebuildStoredProjections}, what the CLI's
 * {@code rebuild} does); {@code online} opens the store (loading the index) and calls
 * {@code rebuildProjections()}, which builds a second index aside. The harness runs it as a child
 * process: {@code java -Xmx512m -cp ... org.entente.benchmarks.RebuildProbe DIR MODE}.
 */
public final class RebuildProbe {

    private RebuildProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Path dir = Path.of(args[0]);
        boolean offline = args.length < 2 || args[1].equals("offline");
        HeapSampler sampler = HeapSampler.start();
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        out.put("mode", offline ? "offline" : "online");
        try {
            if (offline) {
                long events = Entente.builder().h2(dir).rebuildStoredProjections(org.entente.core.store.BatchProgress.NONE);
                out.put("events", events);
                out.put("rebuild_seconds", (System.nanoTime() - t0) / 1e9);
            } else {
                try (Entente entente = Entente.h2(dir)) {
                    entente.awaitCaughtUp(java.time.Duration.ofHours(1));
                    long t1 = System.nanoTime();
                    out.put("open_seconds", (t1 - t0) / 1e9);
                    long openPeak = sampler.peak();
                    entente.rebuildProjections();
                    out.put("rebuild_seconds", (System.nanoTime() - t1) / 1e9);
                    out.put("open_peak_heap_mb", openPeak / 1048576.0);
                }
            }
            out.put("ok", true);
        } catch (OutOfMemoryError e) {
            out.put("ok", false);
            out.put("error", "OutOfMemoryError: " + e.getMessage());
        }
        sampler.reportAndHalt(out);
    }

    /** Runs the probe in a child JVM with {@code -Xmx<heapMb>m} and returns what it reported. */
    static Map<String, Object> runChild(Path dir, int heapMb, String mode) throws Exception {
        return ChildJvm.run(RebuildProbe.class, heapMb, List.of(dir.toAbsolutePath().toString(), mode));
    }
}
