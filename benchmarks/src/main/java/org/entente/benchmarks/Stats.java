package org.entente.benchmarks;

import java.util.Arrays;

/** Exact percentiles (nearest rank) and medians of measured samples. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank. */
    static double percentile(double[] samples, double p) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] samples) {
        return percentile(samples, 50);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
