package io.github.rejoinerbroadleaf.broadleaf.tracking;

/**
 * Receives what each of the module's storefront hooks cost the thread that ran it (measurements
 * only, e.g. the benchmark suite's share of a page's CPU). Opt-in: define one bean of this type in
 * the root context and {@link PageWorkMeter} reports to it; without one nothing is measured.
 * Called on the request's thread, right after the hook; must be quick and must not throw.
 */
public interface PageWorkListener {

    /**
     * @param hook which hook ran (e.g. {@code "dialect.placement"}, {@code "interceptor.postHandle"})
     * @param cpuNanos CPU time of the calling thread spent in the hook
     * @param wallNanos elapsed time of the hook
     */
    void spent(String hook, long cpuNanos, long wallNanos);
}
