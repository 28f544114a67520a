package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
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
                    long openPeak = peak.get();
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
        sampler.interrupt();
        out.put("peak_heap_mb", peak.get() / 1048576.0);
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println("PROBE " + new ObjectMapper().writeValueAsString(out));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Runs the probe in a child JVM with {@code -Xmx<heapMb>m} and returns what it reported. */
    static Map<String, Object> runChild(Path dir, int heapMb, String mode) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-Ddisable-axoniq-console-message=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RebuildProbe.class.getName());
        command.add(dir.toAbsolutePath().toString());
        command.add(mode);
        Harness.log("rebuild probe: " + String.join(" ", command.subList(0, 3)) + " ... " + dir);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Object> result = new LinkedHashMap<>();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("PROBE ")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = new ObjectMapper().readValue(line.substring(6), Map.class);
                    result.putAll(m);
                } else {
                    tail.append(line).append('\n');
                    if (tail.length() > 4000) {
                        tail.delete(0, tail.length() - 4000);
                    }
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
        }
        result.put("heap_limit_mb", heapMb);
        result.put("exit_code", p.exitValue());
        if (!result.containsKey("ok")) {
            result.put("ok", false);
            result.put("error", tail.toString().strip());
        }
        Harness.log("rebuild probe: " + result);
        return result;
    }
}
