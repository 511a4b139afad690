package io.github.rejoinerbroadleaf.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * Section 5 of the suite: what an XHR "Add to cart" costs the shopper until Rejoiner has its calls.
 * The store's own request is unchanged (its JSON answer carries nothing of Rejoiner); after it, the
 * base snippet's bootstrap waits its debounce and asks {@code GET /rejoiner/ajax-calls}, whose answer
 * it pushes. The extra time is that wait plus the ask's round trip, measured here over loopback HTTP
 * the way the bootstrap does it, on the sample store of sections 2 and 3:
 * per sample, a new shopper views a product page (untimed: session and snapshot), adds the product
 * by XHR (timed, informational) and asks (timed; checked to carry {@code startNewOrder}). Then an ask
 * with nothing changed (the fingerprint comparison only), informational.
 */
final class AjaxCartBenchmark {

    static final String ENDPOINT = "/rejoiner/ajax-calls";
    /** The bootstrap's wait after the store's request (TrackingScript's debounce). */
    static final long DEBOUNCE_MILLIS = io.github.rejoinerbroadleaf.core.TrackingScript.AJAX_DEBOUNCE_MILLIS;
    static final double GOAL_MILLIS = 50;

    private final int warmup = Integer.getInteger("bench.ajax.warmup", 100);
    private final int samples = Integer.getInteger("bench.ajax.samples", 400);
    private final Consumer<String> log;

    AjaxCartBenchmark(Consumer<String> log) {
        this.log = log;
    }

    /** The add's round trip, the ask's, and an unchanged ask's, in nanoseconds. */
    record Result(Samples add, Samples ask, Samples unchangedAsk, long debounceMillis) {
        long extraMedian() {
            return ask.median() + debounceMillis * 1_000_000L;
        }

        long extraP99() {
            return ask.p99() + debounceMillis * 1_000_000L;
        }
    }

    Result run(String baseUrl) throws Exception {
        Samples add = new Samples();
        Samples ask = new Samples();
        Samples unchanged = new Samples();
        for (int i = 0; i < warmup; i++) {
            once(baseUrl, new Samples(), new Samples(), new Samples());
        }
        log.accept("ajax: " + warmup + " warm-up adds done");
        for (int i = 0; i < samples; i++) {
            once(baseUrl, add, ask, unchanged);
        }
        log.accept(String.format("ajax: ask median %.2f ms, p99 %.2f ms over %d adds", Samples.millis(ask.median()),
                Samples.millis(ask.p99()), ask.size()));
        return new Result(add, ask, unchanged, DEBOUNCE_MILLIS);
    }

    private static void once(String baseUrl, Samples add, Samples ask, Samples unchanged) throws Exception {
        StoreClient shopper = new StoreClient(baseUrl);
        shopper.page(StorefrontBenchmark.PRODUCT_PAGE);
        HttpRequest xhr = HttpRequest.newBuilder(shopper.postRequest("/cart/add", "productId", "1", "quantity", "1"),
                (name, value) -> true).header("X-Requested-With", "XMLHttpRequest").build();
        long t0 = System.nanoTime();
        HttpResponse<String> added = shopper.send(xhr);
        add.add(System.nanoTime() - t0);
        if (added.statusCode() != 200 || !added.body().contains("cartItemCount")) {
            throw new IllegalStateException("XHR add answered " + added.statusCode() + ": " + StoreClient.abbreviate(added.body()));
        }
        HttpRequest asking = HttpRequest.newBuilder(java.net.URI.create(baseUrl + ENDPOINT))
                .header("X-Requested-With", "XMLHttpRequest").GET().build(); // as the bootstrap asks
        long t1 = System.nanoTime();
        HttpResponse<String> calls = shopper.send(asking);
        ask.add(System.nanoTime() - t1);
        if (calls.statusCode() != 200 || !calls.body().startsWith("[[\"startNewOrder\"]")) {
            throw new IllegalStateException("the ask answered " + calls.statusCode() + ": " + StoreClient.abbreviate(calls.body()));
        }
        long t2 = System.nanoTime();
        HttpResponse<String> none = shopper.send(asking);
        unchanged.add(System.nanoTime() - t2);
        if (!"[]".equals(none.body())) {
            throw new IllegalStateException("an unchanged cart's ask answered " + StoreClient.abbreviate(none.body()));
        }
    }
}
