package io.github.rejoinerbroadleaf.benchmarks;

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
 */
final class ServerTimer implements HttpChannel.Listener {

    /** Request header marking a timed request. */
    static final String HEADER = "X-Bench-Timed";
    private static final String START = ServerTimer.class.getName() + ".start";

    private final BlockingQueue<Long> completed = new LinkedBlockingQueue<>();

    @Override
    public void onRequestBegin(Request request) {
        if (request.getHeader(HEADER) != null) {
            request.setAttribute(START, System.nanoTime());
        }
    }

    @Override
    public void onComplete(Request request) {
        Object start = request.getAttribute(START);
        if (start instanceof Long) {
            completed.add(System.nanoTime() - (Long) start);
        }
    }

    /**
     * The server time of the next timed request to complete. The client may read the last byte a
     * moment before Jetty reports completion, hence the wait.
     */
    long next() throws InterruptedException {
        Long nanos = completed.poll(10, TimeUnit.SECONDS);
        if (nanos == null) {
            throw new IllegalStateException("no server time recorded for a timed request");
        }
        return nanos;
    }
}
