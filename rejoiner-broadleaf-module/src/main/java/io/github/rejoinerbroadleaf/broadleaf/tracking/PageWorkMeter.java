package io.github.rejoinerbroadleaf.broadleaf.tracking;

/**
 * Times the module's storefront hooks (template dialect, interceptor, template hook) for a
 * {@link PageWorkListener} when the root context has one (bean {@code blRejoinerPageWorkMeter},
 * autowired by constructor); without one it is off and a hook pays one field read.
 *
 * <p>Elapsed time ({@code System.nanoTime()}), not the thread's CPU clock: a hook runs on one thread
 * without waiting, so its elapsed time is an upper bound of its CPU time, and reading the clock costs
 * tens of ns. Reading the thread's CPU clock is a system call (about 1.7 µs on the benchmark's VM,
 * which also flushes the TLB), several times a hook's own cost, and slows the code after it.
 */
public final class PageWorkMeter {

    /** The meter of hooks created without one: never measures. */
    static final PageWorkMeter OFF = new PageWorkMeter();

    private final PageWorkListener listener;

    /** A meter that measures nothing (no listener in the context). */
    public PageWorkMeter() {
        this(null);
    }

    public PageWorkMeter(PageWorkListener listener) {
        this.listener = listener;
    }

    /** The start of a hook's span (0 when off: then {@link #stop} does nothing). */
    long start() {
        return listener == null ? 0 : System.nanoTime();
    }

    /** Reports the span begun by {@link #start}; never throws into the hook. */
    void stop(String hook, long start) {
        if (listener == null) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        try {
            listener.spent(hook, elapsed);
        } catch (RuntimeException e) {
            TrackingFailures.report("page work listener", e);
        }
    }
}
