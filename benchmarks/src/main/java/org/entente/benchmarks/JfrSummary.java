package org.entente.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A plain summary of a JFR recording's execution samples ({@code jdk.ExecutionSample}): the methods
 * most often on top of the stack (self time), and the methods most often anywhere on it (inclusive
 * time), the latter limited to Entente, Axon, Jackson and H2 frames, which say where the time goes.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    static void print(Path recording, int top, PrintStream out) throws IOException {
        print(recording, top, null, out);
    }

    /** As {@link #print(Path, int, PrintStream)}, counting only samples with {@code focus} (a method name's prefix) on the stack. */
    static void print(Path recording, int top, String focus, PrintStream out) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (focus != null && frames.stream().noneMatch(f -> name(f).startsWith(focus))) {
                continue;
            }
            samples++;
            var thread = e.getThread("sampledThread");
            threads.merge(thread == null ? "?" : String.valueOf(thread.getJavaName()).replaceAll("\\d+", "N"), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (interesting(n) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        out.printf(Locale.ROOT, "%d execution samples in %s%s%n", samples, recording, focus == null ? "" : " with " + focus + " on the stack");
        section(out, "threads", threads, samples, top);
        section(out, "self (top of stack)", self, samples, top);
        section(out, "inclusive (org.entente, org.axonframework, com.fasterxml, org.h2)", inclusive, samples, top * 2);
    }

    private static boolean interesting(String n) {
        return n.startsWith("org.entente") || n.startsWith("org.axonframework") || n.startsWith("com.fasterxml")
                || n.startsWith("org.h2");
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void section(PrintStream out, String title, Map<String, Integer> counts, int samples, int top) {
        out.println();
        out.println(title + ":");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
    }
}
