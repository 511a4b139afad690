package io.github.rejoinerbroadleaf.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.rejoinerbroadleaf.broadleaf.tracking.PageWorkListener;

/**
 * The module's own CPU per request, measured where it is spent: the module's page hooks (template
 * dialect, interceptor, template hook) report the CPU time of each of their runs
 * ({@code PageWorkMeter}, switched on by this bean in the store's root context,
 * {@code bench-page-work-applicationContext.xml}). {@link ServerTimer} opens a request's account on
 * its thread when the request begins and closes it when the response is written; only the hooks of
 * timed requests count.
 */
public final class PageWorkProbe implements PageWorkListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per thread: {cpu, wall, spans, open (1) or not (0)}. */
    private final ThreadLocal<long[]> account = ThreadLocal.withInitial(() -> new long[4]);
    private final Map<String, Samples> byHook = new ConcurrentHashMap<>();

    @Override
    public void spent(String hook, long cpuNanos, long wallNanos) {
        long[] a = account.get();
        if (a[3] == 0) {
            return;
        }
        a[0] += cpuNanos;
        a[1] += wallNanos;
        a[2]++;
        Samples h = byHook.computeIfAbsent(hook, k -> new Samples());
        synchronized (h) {
            h.add(cpuNanos);
        }
    }

    /** Opens this thread's account for a timed request. */
    void open() {
        long[] a = account.get();
        a[0] = 0;
        a[1] = 0;
        a[2] = 0;
        a[3] = 1;
    }

    /** Closes this thread's account: {module CPU ns, module wall ns, spans}. */
    long[] close() {
        long[] a = account.get();
        a[3] = 0;
        return new long[] {a[0], a[1], a[2]};
    }

    /** The CPU of each run of each hook since the last {@link #resetHooks()}, by hook name. */
    Map<String, Samples> hooks() {
        return new TreeMap<>(byHook);
    }

    void resetHooks() {
        byHook.clear();
    }

    /**
     * What one span costs the measurement itself: the thread-CPU and clock reads a hook does around
     * its work (median of many, in ns). A span's figure includes about this much on top of the work.
     */
    static long spanOverheadNanos() {
        Samples s = new Samples();
        for (int round = 0; round < 200; round++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 100; i++) {
                THREADS.getCurrentThreadCpuTime();
                System.nanoTime();
            }
            s.add((THREADS.getCurrentThreadCpuTime() - t0) / 100);
        }
        return s.median();
    }
}
