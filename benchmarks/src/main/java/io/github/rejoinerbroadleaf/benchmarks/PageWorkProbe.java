package io.github.rejoinerbroadleaf.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.rejoinerbroadleaf.broadleaf.tracking.PageWorkListener;

/**
 * The module's own time per request, measured where it is spent: the module's page hooks (template
 * dialect, interceptor, template hook) report the elapsed time of each of their runs
 * ({@code PageWorkMeter}, switched on by this bean in the store's root context,
 * {@code bench-page-work-applicationContext.xml}). A hook runs on the request's thread without
 * waiting, so its elapsed time bounds its CPU time from above. {@link ServerTimer} opens a request's
 * account on its thread when the request begins and closes it when the response is written; only
 * the hooks of timed requests count.
 */
public final class PageWorkProbe implements PageWorkListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per thread: {elapsed, spans, open (1) or not (0)}. */
    private final ThreadLocal<long[]> account = ThreadLocal.withInitial(() -> new long[3]);
    private final Map<String, Samples> byHook = new ConcurrentHashMap<>();

    @Override
    public void spent(String hook, long elapsedNanos) {
        long[] a = account.get();
        if (a[2] == 0) {
            return;
        }
        a[0] += elapsedNanos;
        a[1]++;
        Samples h = byHook.computeIfAbsent(hook, k -> new Samples());
        synchronized (h) {
            h.add(elapsedNanos);
        }
    }

    /** Opens this thread's account for a timed request. */
    void open() {
        long[] a = account.get();
        a[0] = 0;
        a[1] = 0;
        a[2] = 1;
    }

    /** Closes this thread's account: {module time ns, spans}. */
    long[] close() {
        long[] a = account.get();
        a[2] = 0;
        return new long[] {a[0], a[1]};
    }

    /** The time of each run of each hook since the last {@link #resetHooks()}, by hook name. */
    Map<String, Samples> hooks() {
        return new TreeMap<>(byHook);
    }

    void resetHooks() {
        byHook.clear();
    }

    /**
     * What one read of the thread's CPU clock costs ({@code ThreadMXBean.getCurrentThreadCpuTime},
     * median of many, in ns): why the hooks are timed with {@code System.nanoTime} instead.
     */
    static long threadCpuClockReadNanos() {
        Samples s = new Samples();
        for (int round = 0; round < 200; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                THREADS.getCurrentThreadCpuTime();
            }
            s.add((System.nanoTime() - t0) / 100);
        }
        return s.median();
    }

    /** What one read of {@code System.nanoTime} costs (median of many, in ns). */
    static long nanoClockReadNanos() {
        Samples s = new Samples();
        for (int round = 0; round < 200; round++) {
            long t0 = System.nanoTime();
            long last = t0;
            for (int i = 0; i < 1000; i++) {
                last = System.nanoTime();
            }
            s.add((last - t0) / 1000);
        }
        return s.median();
    }
}
