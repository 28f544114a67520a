package org.entente.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A wall-clock sampler of one thread ({@link Thread#getStackTrace()} every few milliseconds), for
 * where the harness's time goes including I/O and waits that JFR's execution samples leave out.
 * Samples are taken at safepoints, so single frames are approximate; the inclusive counts of
 * Entente, Axon, Jackson and H2 methods are what the report uses. {@code --wall-profile FILE}.
 */
final class WallProfiler implements AutoCloseable {

    private final Thread target;
    private final Thread sampler;
    private final Path out;
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> phases = new HashMap<>();
    private final Map<String, Integer> selfByCaller = new HashMap<>();
    private volatile String phase = "start";
    private int samples;

    WallProfiler(Thread target, Path out, int periodMillis) {
        this.target = target;
        this.out = out;
        this.sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "wall-profiler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Names what the harness is doing, so that samples are also counted per phase. */
    void phase(String name) {
        phase = name;
    }

    private synchronized void sample() {
        StackTraceElement[] stack = target.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        samples++;
        String p = phase;
        phases.merge(p, 1, Integer::sum);
        self.merge(p + " | " + name(stack[0]), 1, Integer::sum);
        String caller = "?";
        for (StackTraceElement e : stack) {
            String n = name(e);
            if (n.startsWith("org.entente") || n.startsWith("org.axonframework") || n.startsWith("com.fasterxml") || n.startsWith("org.h2")) {
                caller = n + ":" + e.getLineNumber();
                break;
            }
        }
        selfByCaller.merge(p + " | " + name(stack[0]) + " <- " + caller, 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (StackTraceElement e : stack) {
            String n = name(e);
            if ((n.startsWith("org.entente") || n.startsWith("org.axonframework") || n.startsWith("com.fasterxml") || n.startsWith("org.h2")
                    || n.startsWith("java.util.TreeMap") || n.startsWith("java.util.ArrayList")) && seen.add(n)) {
                inclusive.merge(p + " | " + n, 1, Integer::sum);
            }
        }
    }

    private static String name(StackTraceElement e) {
        return e.getClassName() + "." + e.getMethodName();
    }

    @Override
    public synchronized void close() throws IOException {
        sampler.interrupt();
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out), true, "UTF-8")) {
            ps.printf(Locale.ROOT, "%d wall-clock samples of thread %s%n%nphases:%n", samples, target.getName());
            phases.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> ps.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
            ps.printf(Locale.ROOT, "%nself (top frame):%n");
            self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(60)
                    .forEach(e -> ps.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
            ps.printf(Locale.ROOT, "%nself, by first Entente/Axon/Jackson/H2 caller:%n");
            selfByCaller.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(80)
                    .forEach(e -> ps.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
            ps.printf(Locale.ROOT, "%ninclusive:%n");
            inclusive.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(250)
                    .forEach(e -> ps.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
        }
    }
}
