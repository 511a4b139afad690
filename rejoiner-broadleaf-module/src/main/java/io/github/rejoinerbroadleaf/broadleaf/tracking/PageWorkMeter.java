package io.github.rejoinerbroadleaf.broadleaf.tracking;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times the module's storefront hooks (template dialect, interceptor, template hook) for a
 * {@link PageWorkListener} when the root context has one (bean {@code blRejoinerPageWorkMeter},
 * autowired by constructor); without one it is off and a hook pays one field read.
 */
public final class PageWorkMeter {

    /** The meter of hooks created without one: never measures. */
    static final PageWorkMeter OFF = new PageWorkMeter();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PageWorkListener listener;

    /** A meter that measures nothing (no listener in the context). */
    public PageWorkMeter() {
        this(null);
    }

    public PageWorkMeter(PageWorkListener listener) {
        this.listener = listener;
    }

    /** The start of a hook's span: null when off (then {@link #stop} does nothing). */
    long[] start() {
        if (listener == null) {
            return null;
        }
        try {
            return new long[] {THREADS.getCurrentThreadCpuTime(), System.nanoTime()};
        } catch (RuntimeException noThreadCpuTime) {
            return null; // this JVM cannot measure: the hook runs unmeasured
        }
    }

    /** Reports the span begun by {@link #start}; never throws into the hook. */
    void stop(String hook, long[] start) {
        if (start == null) {
            return;
        }
        try {
            long wall = System.nanoTime() - start[1];
            long cpu = THREADS.getCurrentThreadCpuTime() - start[0];
            listener.spent(hook, cpu, wall);
        } catch (RuntimeException e) {
            TrackingFailures.report("page work listener", e);
        }
    }
}
