package io.github.rejoinerbroadleaf.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliveryMetrics;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.sample.SampleStore;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;

/**
 * Sections 2 and 3 of the suite, against the real sample store started in this JVM
 * ({@code SampleStore.start(0)}: Broadleaf 3.1, Jetty, in-memory HSQLDB) and walked over loopback HTTP.
 *
 * <p>Every figure is the client-observed latency of one request on loopback (request sent to last
 * byte read); the client is the same in both modes, so its small share only dilutes a ratio towards
 * 1. "Off" is the documented switch: the system property plus {@code invalidate()} of the settings
 * cache. Modes alternate in rounds (on/off, then off/on) after a warm-up of both, and each switch is
 * checked on an untimed request.
 */
final class StorefrontBenchmark {

    static final String DB_URL = "jdbc:hsqldb:mem:rejoiner-benchmarks";
    static final String PRODUCT_PAGE = "/hot-sauces/habanero-hellfire";
    /** A catalog page rendering its own {@code <body>} (no layout): the script is placed there automatically. */
    static final String CATEGORY_PAGE = "/hot-sauces";
    static final String CART_PAGE = "/cart";
    static final int CART_LINES = 20;
    /** Jetty response buffer of the informational cart-page run (the default is 32 KB). */
    static final int LARGER_BUFFER = 64 * 1024;
    /** The seeded catalog's simple products (7 is the T-shirt, added once per size). */
    private static final long[] SIMPLE_PRODUCTS = {1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13};
    private static final long SHIRT = 7;
    private static final String[] SHIRT_SIZES = {"S", "M", "L"};
    /** Products this benchmark adds to its own database so that a cart can have 20 distinct lines. */
    private static final int EXTRA_PRODUCTS = CART_LINES - SIMPLE_PRODUCTS.length - SHIRT_SIZES.length;

    private static final String TRACKING_PROPERTY = "rejoiner.trackingEnabled";
    private static final String CONVERSIONS_PROPERTY = "rejoiner.conversionsEnabled";
    private static final String TRACKING_MARKER = "var _rejoiner";
    /** How long the sandbox holds a REST call, and the store's REST read timeout, in the checkout section. */
    static final long HELD_MILLIS = 900_000;

    /**
     * Warm-up requests per mode and page. The module's hooks run once per page, so the JIT compiles
     * them fully (C2) only after thousands of pages. Category page, module time per page (tracking on)
     * during one 20 000-request warm-up: 60 µs after 2 000 requests per mode, 52 µs after 6 000, 22 µs
     * after 8 000, 8-10 µs from 14 000 on; hence 20 000 (the suite's log lists the same figures for each
     * page of every run).
     */
    private final int pageWarmup = Integer.getInteger("bench.pages.warmup", 20000);
    private final int pageRounds = Integer.getInteger("bench.pages.rounds", 120);
    private final int pagePerRound = Integer.getInteger("bench.pages.perRound", 25);
    private final int checkoutWarmup = Integer.getInteger("bench.checkout.warmup", 20);
    private final int checkoutOrders = Integer.getInteger("bench.checkout.orders", 500);
    private final int latencyOrders = Integer.getInteger("bench.latency.orders", 60);
    /** When the last timed {@code POST /checkout/test-payment/complete} answered (System.nanoTime). */
    private long lastCompletedAt;

    private final Consumer<String> log;
    private SampleStore store;
    private final ServerTimer serverTimer = new ServerTimer();
    private RejoinerSettingsService settings;
    private PageWorkProbe pageWork;
    private String baseUrl;

    StorefrontBenchmark(Consumer<String> log) {
        this.log = log;
    }

    /** Result of one page: server times and client latencies of each mode. */
    record PageResult(String label, String path, Samples serverOn, Samples serverOff, Samples on, Samples off,
                      long bytesOn, long bytesOff, boolean informational, Samples cpuOn, Samples cpuOff,
                      Samples moduleOn, Samples moduleOff, List<String> warmup, List<Double> sixths,
                      Map<String, Samples> hooksOn, Map<String, Samples> hooksOff) {
    }

    /** Result of the checkout section. */
    record CheckoutResult(Samples hanging, Samples off, long enqueued, int heldThreads, String queueState,
                          long hangMillis) {
    }

    void start() throws Exception {
        System.setProperty("sample.db.url", DB_URL);
        // Read once at start-up: the worker's REST calls wait this long for an answer. Longer than the
        // checkout section, so that its sender threads stay held by the hanging endpoint throughout
        // (with the default 10 s they would be freed, and retried only after a 30 s backoff).
        System.setProperty("rejoiner.http.readTimeoutMillis", Long.toString(HELD_MILLIS));
        System.setProperty("rejoiner.http.callTimeoutMillis", Long.toString(HELD_MILLIS));
        // The call deadline is cut to half the lease: a 1 h lease lets the held calls last the section.
        System.setProperty("rejoiner.delivery.leaseSeconds", "3600");
        long t0 = System.nanoTime();
        store = SampleStore.start(0, "classpath:/bench-page-work-applicationContext.xml");
        pageWork = store.bean("benchPageWorkProbe", PageWorkProbe.class);
        serverTimer.usePageWork(pageWork);
        store.connector().addBean(serverTimer);
        baseUrl = "http://localhost:" + store.port();
        settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        log.accept(String.format("sample store up at %s in %.1f s", baseUrl, (System.nanoTime() - t0) / 1e9));
        seedExtraProducts();
    }

    /** The running store's base URL (no trailing slash). */
    String baseUrl() {
        return baseUrl;
    }

    void stop() {
        try {
            if (store != null) {
                store.stop();
            }
        } catch (Exception e) {
            log.accept("stopping the store: " + e);
        }
    }

    /**
     * The sample catalog allows 15 distinct cart lines (12 simple products + 3 shirt sizes); five more
     * products, shaped like the seeded ones, go into this benchmark's own in-memory database.
     */
    private void seedExtraProducts() throws Exception {
        try (Connection c = DriverManager.getConnection(DB_URL, "sa", ""); Statement s = c.createStatement()) {
            for (int i = 1; i <= EXTRA_PRODUCTS; i++) {
                long id = 100 + i;
                String name = "Benchmark Sampler No. " + i;
                s.execute("INSERT INTO BLC_PRODUCT (PRODUCT_ID,DEFAULT_CATEGORY_ID,URL,MANUFACTURE,IS_FEATURED_PRODUCT) VALUES ("
                        + id + ",2004,'/gift-sets/benchmark-sampler-" + i + "','Sample Sauce Co.',FALSE)");
                s.execute("INSERT INTO BLC_SKU (SKU_ID,DEFAULT_PRODUCT_ID,NAME,DESCRIPTION,LONG_DESCRIPTION,RETAIL_PRICE,SALE_PRICE,"
                        + "TAXABLE_FLAG,DISCOUNTABLE_FLAG,AVAILABLE_FLAG,ACTIVE_START_DATE) VALUES (" + id + "," + id + ",'" + name
                        + "','Four small bottles to try.','Four small bottles to try.'," + (9 + i) + ".50,NULL,'Y','Y','Y',CURRENT_TIMESTAMP)");
                s.execute("UPDATE BLC_PRODUCT SET DEFAULT_SKU_ID = " + id + " WHERE PRODUCT_ID = " + id);
                s.execute("INSERT INTO BLC_MEDIA (MEDIA_ID,URL,TITLE,ALT_TEXT) VALUES (" + id
                        + ",'/img/products/starter-trio.svg','" + name + "','primary')");
                s.execute("INSERT INTO BLC_SKU_MEDIA_MAP (BLC_SKU_SKU_ID,MEDIA_ID,MAP_KEY) VALUES (" + id + "," + id + ",'primary')");
                s.execute("INSERT INTO BLC_CATEGORY_PRODUCT_XREF (CATEGORY_PRODUCT_ID,PRODUCT_ID,CATEGORY_ID,DISPLAY_ORDER) VALUES ("
                        + id + "," + id + ",2004," + id + ")");
            }
        }
    }

    // ------------------------------------------------------------------ pages

    List<PageResult> pages() throws Exception {
        List<PageResult> results = new ArrayList<>();

        StoreClient visitor = new StoreClient(baseUrl);
        visitor.page(CATEGORY_PAGE);
        results.add(measurePage("Category page (own body, automatic placement, empty cart)", visitor, CATEGORY_PAGE, null));
        if (Boolean.getBoolean("bench.pages.categoryOnly")) {
            return results; // a quick look at the goal's page alone
        }
        visitor.page(PRODUCT_PAGE);
        results.add(measurePage("Product page (empty cart)", visitor, PRODUCT_PAGE, null));

        StoreClient shopper = new StoreClient(baseUrl);
        fillCart(shopper);
        results.add(measurePage("Cart page, " + CART_LINES + " lines", shopper, CART_PAGE, "setCartItem"));
        results.add(measureWithLargerBuffer(shopper));
        return results;
    }

    /**
     * The cart page again, same shopper and cart, with Jetty's response buffer at {@link #LARGER_BUFFER}
     * instead of its 32 KB default (informational). Without tracking this page is just under 32 KB,
     * so the tracking's bytes make Jetty switch it to chunked encoding; with a larger buffer neither
     * mode is chunked and the ratio shows the tracking without that switch. Jetty reads the buffer
     * size when a connection opens, hence the new connections.
     */
    private PageResult measureWithLargerBuffer(StoreClient shopper) throws Exception {
        HttpConfiguration http = store.connector().getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        int defaultSize = http.getOutputBufferSize();
        http.setOutputBufferSize(LARGER_BUFFER);
        try {
            StoreClient sameShopper = shopper.sameShopperNewConnection();
            tracking(true);
            if (sameShopper.isChunked(CART_PAGE)) {
                throw new IllegalStateException("the cart page is still chunked with a " + LARGER_BUFFER + " B buffer");
            }
            PageResult r = measurePage("Cart page, " + CART_LINES + " lines, 64 KB response buffer (informational)",
                    sameShopper, CART_PAGE, "setCartItem");
            return new PageResult(r.label(), r.path(), r.serverOn(), r.serverOff(), r.on(), r.off(), r.bytesOn(),
                    r.bytesOff(), true, r.cpuOn(), r.cpuOff(), r.moduleOn(), r.moduleOff(), r.warmup(),
                    r.sixths(), r.hooksOn(), r.hooksOff());
        } finally {
            http.setOutputBufferSize(defaultSize);
        }
    }

    private void fillCart(StoreClient shopper) throws Exception {
        shopper.page(PRODUCT_PAGE);
        for (long id : SIMPLE_PRODUCTS) {
            shopper.postExpectingRedirect("/cart/add", "productId", Long.toString(id), "quantity", "1");
        }
        for (String size : SHIRT_SIZES) {
            shopper.postExpectingRedirect("/cart/add", "productId", Long.toString(SHIRT), "quantity", "1",
                    "itemAttributes[SIZE]", size);
        }
        for (int i = 1; i <= EXTRA_PRODUCTS; i++) {
            shopper.postExpectingRedirect("/cart/add", "productId", Long.toString(100 + i), "quantity", "1");
        }
        String cart = shopper.page(CART_PAGE);
        int lines = count(cart, "class=\"cart-line\"");
        if (lines != CART_LINES) {
            throw new IllegalStateException("the benchmark cart has " + lines + " lines, expected " + CART_LINES);
        }
    }

    private PageResult measurePage(String label, StoreClient client, String path, String onlyWhenTracking)
            throws Exception {
        log.accept("page " + path + ": warm-up " + pageWarmup + " requests per mode");
        int block = Math.max(1, pagePerRound);
        // The module's time per page while warming up, per stretch of requests with tracking on: shows
        // when its once-per-page code has been compiled (the figure stops falling).
        List<String> warmup = new ArrayList<>();
        Samples stretch = new Samples();
        int stretchLength = Math.max(block, pageWarmup / 10);
        for (int done = 0; done < pageWarmup; done += block) {
            for (boolean on : new boolean[] {true, false}) {
                tracking(on);
                check(client, path, on, onlyWhenTracking);
                for (int i = 0; i < block; i++) {
                    client.timedGet(path);
                    serverTimer.next();
                    if (on && serverTimer.lastModule() >= 0) {
                        stretch.add(serverTimer.lastModule());
                    }
                }
            }
            if (stretch.size() > 0 && (stretch.size() >= stretchLength || done + block >= pageWarmup)) {
                warmup.add(String.format(Locale.ROOT, "%d: %.1f µs", done + block, stretch.median() / 1e3));
                stretch = new Samples();
            }
        }
        log.accept("page " + path + ": module time median (tracking on) during the warm-up, after n requests per mode: " + warmup);
        Samples on = new Samples();
        Samples off = new Samples();
        Samples serverOn = new Samples();
        Samples serverOff = new Samples();
        Samples cpuOn = new Samples();
        Samples cpuOff = new Samples();
        Samples moduleOn = new Samples();
        Samples moduleOff = new Samples();
        // Server times per sixth of the rounds: the ratio of each sixth shows the spread within the run.
        List<Samples> sixthsOn = new ArrayList<>();
        List<Samples> sixthsOff = new ArrayList<>();
        for (int i = 0; i < SIXTHS; i++) {
            sixthsOn.add(new Samples());
            sixthsOff.add(new Samples());
        }
        Map<String, Samples> hooksOn = new TreeMap<>();
        Map<String, Samples> hooksOff = new TreeMap<>();
        long bytesOn = 0;
        long bytesOff = 0;
        log.accept("page " + path + ": " + pageRounds + " interleaved rounds of " + pagePerRound + " requests per mode");
        for (int r = 0; r < pageRounds; r++) {
            boolean[] order = r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
            for (boolean mode : order) {
                tracking(mode);
                long bytes = check(client, path, mode, onlyWhenTracking);
                Samples into = mode ? on : off;
                Samples serverInto = mode ? serverOn : serverOff;
                if (mode) {
                    bytesOn = bytes;
                } else {
                    bytesOff = bytes;
                }
                Samples cpuInto = mode ? cpuOn : cpuOff;
                Samples moduleInto = mode ? moduleOn : moduleOff;
                pageWork.resetHooks();
                for (int i = 0; i < pagePerRound; i++) {
                    into.add(client.timedGet(path));
                    long server = serverTimer.next();
                    serverInto.add(server);
                    (mode ? sixthsOn : sixthsOff).get(r * SIXTHS / pageRounds).add(server);
                    if (serverTimer.lastCpu() >= 0) {
                        cpuInto.add(serverTimer.lastCpu());
                    }
                    if (serverTimer.lastModule() >= 0) {
                        moduleInto.add(serverTimer.lastModule());
                    }
                }
                Map<String, Samples> hooksInto = mode ? hooksOn : hooksOff;
                pageWork.hooks().forEach((hook, runs) -> hooksInto.computeIfAbsent(hook, k -> new Samples()).addAll(runs));
            }
        }
        tracking(true);
        log.accept(String.format("page %s: server time median on %.3f ms, off %.3f ms (%.3f); latency on %.3f ms, off %.3f ms (%.3f)",
                path, Samples.millis(serverOn.median()), Samples.millis(serverOff.median()),
                (double) serverOn.median() / serverOff.median(), Samples.millis(on.median()), Samples.millis(off.median()),
                (double) on.median() / off.median()));
        if (moduleOn.size() > 0) {
            log.accept(String.format("page %s: module hooks' time median on %.1f µs, off %.1f µs; page CPU median on %.1f µs",
                    path, moduleOn.median() / 1e3, moduleOff.median() / 1e3, cpuOn.median() / 1e3));
        }
        return new PageResult(label, path, serverOn, serverOff, on, off, bytesOn, bytesOff, false, cpuOn, cpuOff,
                moduleOn, moduleOff, warmup, sixthRatios(sixthsOn, sixthsOff), hooksOn, hooksOff);
    }

    private static final int SIXTHS = 6;

    /** The on/off ratio of the server-time medians of each sixth of the rounds (sixths without samples left out). */
    private static List<Double> sixthRatios(List<Samples> on, List<Samples> off) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            if (on.get(i).size() > 0 && off.get(i).size() > 0) {
                ratios.add((double) on.get(i).median() / off.get(i).median());
            }
        }
        return ratios;
    }

    /** An untimed request after a switch: proves the mode is in force; returns the page's size in bytes. */
    private static long check(StoreClient client, String path, boolean tracking, String marker) throws Exception {
        String body = client.page(path);
        boolean hasScript = body.contains(TRACKING_MARKER);
        if (hasScript != tracking) {
            throw new IllegalStateException(path + ": tracking " + (tracking ? "on" : "off") + " but the page "
                    + (hasScript ? "has" : "lacks") + " the Rejoiner script");
        }
        if (tracking && marker != null && !body.contains(marker)) {
            throw new IllegalStateException(path + ": tracking on but no " + marker + " on the page");
        }
        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private void tracking(boolean on) {
        toggle(TRACKING_PROPERTY, on);
    }

    private void conversions(boolean on) {
        toggle(CONVERSIONS_PROPERTY, on);
    }

    private void toggle(String property, boolean on) {
        if (on) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, "false");
        }
        settings.invalidate();
    }

    // ------------------------------------------------------------------ delivery latency

    /**
     * Order completed (the checkout POST answered) to conversion accepted by the sandbox endpoint and
     * recorded as SENT, one order at a time with the worker idle in between (nothing else queued).
     * The default 5 s poll interval stays: the end of the checkout wakes the worker.
     */
    Samples deliveryLatency() throws Exception {
        sandboxFault("{\"mode\":\"none\"}");
        conversions(true);
        ConversionQueue queue = store.bean("blRejoinerConversionQueue", ConversionQueue.class);
        DeliveryMetrics metrics = queue.metrics();
        StoreClient shopper = new StoreClient(baseUrl);
        shopper.page(PRODUCT_PAGE);
        Samples latency = new Samples();
        java.util.concurrent.atomic.AtomicLong deliveredAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            long seen = metrics.delivered();
            while (watching.get()) {
                long now = metrics.delivered();
                if (now != seen) {
                    seen = now;
                    deliveredAt.set(System.nanoTime());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        }, "bench-delivery-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            for (int i = 0; i < latencyOrders; i++) {
                long before = metrics.delivered();
                deliveredAt.set(0);
                placeOrder(shopper, 50_000 + i);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (metrics.delivered() == before || deliveredAt.get() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("conversion not delivered within 30 s: " + metrics);
                    }
                    Thread.sleep(1);
                }
                latency.add(Math.max(0, deliveredAt.get() - lastCompletedAt));
                Thread.sleep(200);   // the worker goes idle again
            }
        } finally {
            watching.set(false);
        }
        log.accept(String.format("delivery latency: p50 %.1f ms, p95 %.1f ms over %d orders",
                Samples.millis(latency.median()), Samples.millis(latency.percentile(95)), latency.size()));
        return latency;
    }

    // ------------------------------------------------------------------ checkout

    CheckoutResult checkout() throws Exception {
        sandboxFault("{\"mode\":\"hang\",\"hangMillis\":" + HELD_MILLIS + "}");
        ConversionQueue queue = store.bean("blRejoinerConversionQueue", ConversionQueue.class);
        DeliveryMetrics metrics = queue.metrics();
        long enqueuedBefore = metrics.enqueued();
        long ioBefore = metrics.ioFailures();
        long deliveredBefore = metrics.delivered();
        int threads = queue.settings().workerThreads();
        try {
            StoreClient shopper = new StoreClient(baseUrl);
            shopper.page(PRODUCT_PAGE);
            int orderNo = 0;
            int onOrders = 0;
            // First the hang: enough orders with conversions on to occupy every sender thread.
            conversions(true);
            for (int i = 0; i < threads; i++) {
                placeOrder(shopper, ++orderNo);
                onOrders++;
            }
            awaitWorkerStuck(queue, threads);
            log.accept("checkout: warm-up " + checkoutWarmup + " orders");
            for (int i = 0; i < checkoutWarmup; i++) {
                boolean on = i % 2 == 0;
                conversions(on);
                placeOrder(shopper, ++orderNo);
                onOrders += on ? 1 : 0;
            }
            Samples hanging = new Samples();
            Samples off = new Samples();
            log.accept("checkout: " + checkoutOrders + " orders per mode, interleaved");
            for (int i = 0; i < checkoutOrders; i++) {
                boolean[] order = i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
                for (boolean on : order) {
                    conversions(on);
                    (on ? hanging : off).add(placeOrder(shopper, ++orderNo));
                }
            }
            onOrders += checkoutOrders;
            conversions(true);
            long enqueued = metrics.enqueued() - enqueuedBefore;
            if (enqueued != onOrders) {
                throw new IllegalStateException("expected " + onOrders + " conversions queued while on, got " + enqueued);
            }
            long sending = queue.countByStatus().get(QueueStatus.SENDING);
            if (sending < threads || metrics.ioFailures() != ioBefore || metrics.delivered() != deliveredBefore) {
                throw new IllegalStateException("the sender threads were not held throughout: " + sending + " SENDING, "
                        + (metrics.ioFailures() - ioBefore) + " I/O failures, " + (metrics.delivered() - deliveredBefore)
                        + " delivered");
            }
            String state = statusCounts(queue.countByStatus());
            log.accept(String.format("checkout: median hanging %.2f ms, off %.2f ms; queue %s",
                    Samples.millis(hanging.median()), Samples.millis(off.median()), state));
            return new CheckoutResult(hanging, off, enqueued, threads, state, HELD_MILLIS);
        } finally {
            conversions(true);
            sandboxFault("{\"mode\":\"none\"}");
        }
    }

    /** Waits until every sender thread has a delivery held by the hanging endpoint. */
    private void awaitWorkerStuck(ConversionQueue queue, int threads) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (queue.countByStatus().get(QueueStatus.SENDING) >= threads) {
                Thread.sleep(500);
                log.accept("checkout: the delivery worker's " + threads + " sender threads wait on the hanging endpoint");
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the deliveries did not reach the hanging endpoint within 30 s: "
                + statusCounts(queue.countByStatus()));
    }

    /**
     * Prepares one order (cart of three lines, e-mail, shipping), then times only
     * {@code POST /checkout/test-payment/complete}; the confirmation page is fetched untimed.
     */
    private long placeOrder(StoreClient shopper, int n) throws Exception {
        shopper.page(PRODUCT_PAGE);
        shopper.postExpectingRedirect("/cart/add", "productId", "1", "quantity", "1");
        shopper.postExpectingRedirect("/cart/add", "productId", "9", "quantity", "2");
        shopper.postExpectingRedirect("/cart/add", "productId", Long.toString(SHIRT), "quantity", "1",
                "itemAttributes[SIZE]", "M");
        shopper.page("/checkout");
        shopper.postExpectingRedirect("/checkout/savedetails", "emailAddress", "bench-" + n + "@example.com");
        shopper.postExpectingRedirect("/checkout/singleship", "address.firstName", "Bench", "address.lastName", "Mark",
                "address.addressLine1", "1 Main St", "address.city", "Austin", "address.state", "TX",
                "address.postalCode", "78701", "address.country", "US", "fulfillmentOptionId", "1");
        HttpRequest complete = shopper.postRequest("/checkout/test-payment/complete");
        long start = System.nanoTime();
        HttpResponse<String> placed = shopper.send(complete);
        long elapsed = System.nanoTime() - start;
        lastCompletedAt = start + elapsed;
        if (!StoreClient.isRedirect(placed.statusCode()) || !StoreClient.location(placed).contains("/confirmation/")) {
            throw new IllegalStateException("checkout did not complete: " + placed.statusCode() + "\n"
                    + StoreClient.abbreviate(placed.body()));
        }
        shopper.page(StoreClient.location(placed));
        return elapsed;
    }

    private void sandboxFault(String json) throws Exception {
        StoreClient plain = new StoreClient(baseUrl);
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(baseUrl + "/rejoiner-sandbox/api/faults"))
                .header("Content-Type", "application/json")
                .header("X-Rejoiner-Sandbox", "benchmark")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sandbox fault switch answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String statusCounts(Map<QueueStatus, Long> counts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<QueueStatus, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
        }
        return sb.length() == 0 ? "empty" : sb.toString();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
