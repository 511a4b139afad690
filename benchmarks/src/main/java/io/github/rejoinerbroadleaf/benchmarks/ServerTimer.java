package io.github.rejoinerbroadleaf.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Server time of the requests that carry {@link #HEADER}, measured inside Jetty: from the moment the
 * request's headers are parsed ({@code onRequestBegin}) to the moment the response has been fully
 * written to the connection ({@code onComplete}). This is what the pages' goal speaks of: it holds
 * the whole server-side cost (filters, controller, template, writing every byte) and none of the
 * client's or the loopback's. Added as a bean to the store's connector before the first request.
 *
 * <p>Beside it, the CPU time the request's thread spent between the same two moments (when both ran
 * on one thread, as they do for these small blocking requests; otherwise -1): the CPU a page costs
 * the server, without waiting or other threads' work. And, with a {@link PageWorkProbe}, the time
 * the module's own hooks took in that request.
 */
final class ServerTimer implements HttpChannel.Listener {

    /** Request header marking a timed request. */
    static final String HEADER = "X-Bench-Timed";
    private static final String START = ServerTimer.class.getName() + ".start";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final BlockingQueue<long[]> completed = new LinkedBlockingQueue<>();
    private volatile long lastCpuNanos = -1;
    private volatile long lastModuleNanos = -1;
    private volatile PageWorkProbe probe;

    /** Counts the module's hooks of every timed request from now on. */
    void usePageWork(PageWorkProbe probe) {
        this.probe = probe;
    }

    @Override
    public void onRequestBegin(Request request) {
        if (request.getHeader(HEADER) != null) {
            PageWorkProbe p = probe;
            if (p != null) {
                p.open();
            }
            request.setAttribute(START, new long[] {System.nanoTime(), Thread.currentThread().getId(),
                    THREADS.getCurrentThreadCpuTime()});
        }
    }

    @Override
    public void onComplete(Request request) {
        Object start = request.getAttribute(START);
        if (start instanceof long[]) {
            long[] begin = (long[]) start;
            boolean sameThread = Thread.currentThread().getId() == begin[1];
            long cpu = sameThread ? THREADS.getCurrentThreadCpuTime() - begin[2] : -1;
            PageWorkProbe p = probe;
            long module = p != null && sameThread ? p.close()[0] : -1;
            completed.add(new long[] {System.nanoTime() - begin[0], cpu, module});
        }
    }

    /** The CPU time of the request last returned by {@link #next()}, or -1 when it moved between threads. */
    long lastCpu() {
        return lastCpuNanos;
    }

    /** The time of the module's hooks in the request last returned by {@link #next()}, or -1 when not measured. */
    long lastModule() {
        return lastModuleNanos;
    }

    /**
     * The server time of the next timed request to complete. The client may read the last byte a
     * moment before Jetty reports completion, hence the wait.
     */
    long next() throws InterruptedException {
        long[] times = completed.poll(10, TimeUnit.SECONDS);
        if (times == null) {
            throw new IllegalStateException("no server time recorded for a timed request");
        }
        lastCpuNanos = times[1];
        lastModuleNanos = times[2];
        return times[0];
    }
}
