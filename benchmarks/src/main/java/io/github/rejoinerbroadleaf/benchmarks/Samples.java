package io.github.rejoinerbroadleaf.benchmarks;

import java.util.Arrays;

/** A growable list of latency samples in nanoseconds, with order statistics. */
final class Samples {

    private long[] values = new long[256];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    long get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** The p-th percentile (0..100), nearest rank. */
    long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    long median() {
        return percentile(50);
    }

    long p99() {
        return percentile(99);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
