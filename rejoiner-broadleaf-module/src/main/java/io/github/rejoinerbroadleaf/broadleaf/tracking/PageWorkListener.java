package io.github.rejoinerbroadleaf.broadleaf.tracking;

/**
 * Receives how long each run of the module's storefront hooks took (measurements only, e.g. the
 * benchmark suite's share of a page). Opt-in: define one bean of this type in the root context and
 * {@link PageWorkMeter} reports to it; without one nothing is measured. Called on the request's
 * thread, right after the hook; must be quick and must not throw.
 */
public interface PageWorkListener {

    /**
     * @param hook which hook ran (e.g. {@code "dialect.placement"}, {@code "interceptor.postHandle"})
     * @param elapsedNanos {@code System.nanoTime()} from the hook's start to its end, on one thread:
     *        at least the CPU time the hook used
     */
    void spent(String hook, long elapsedNanos);
}
