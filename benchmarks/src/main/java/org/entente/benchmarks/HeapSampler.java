package org.entente.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The peak used heap of a probe's JVM (garbage included), sampled every 5 ms on a daemon thread. */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    private HeapSampler() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
    }

    /** Starts sampling. */
    static HeapSampler start() {
        HeapSampler s = new HeapSampler();
        s.thread.start();
        return s;
    }

    /** The highest used heap seen so far, in bytes. */
    long peak() {
        return peak.get();
    }

    /**
     * Ends a probe's child JVM: stops sampling, adds the peak and maximum heap to what the probe measured,
     * prints it as the {@code PROBE} line its parent reads, and halts (no shutdown hooks, no lingering threads).
     */
    void reportAndHalt(Map<String, Object> out) throws JsonProcessingException {
        close();
        out.put("peak_heap_mb", peak() / 1048576.0);
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println("PROBE " + new ObjectMapper().writeValueAsString(out));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Stops sampling. */
    @Override
    public void close() {
        thread.interrupt();
    }
}
