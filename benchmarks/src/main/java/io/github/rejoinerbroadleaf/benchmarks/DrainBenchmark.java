package io.github.rejoinerbroadleaf.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import io.github.rejoinerbroadleaf.delivery.QueueSchema;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;
import io.github.rejoinerbroadleaf.core.CampaignType;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadPayloads;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;
import io.github.rejoinerbroadleaf.core.UrlResolver;

/**
 * Section 4: a backlog of 10 000 conversions drained by one {@link DeliveryWorker} with default
 * settings, through the real {@link RejoinerApiClient} (signed Rejoiner 1 calls over OkHttp), to a
 * local HTTP endpoint that answers 200 at once.
 *
 * <p>The drain runs in a child JVM with {@code -Xmx256m} (the goal is the heap bound), which
 * samples its own heap; the endpoint lives in the parent so its memory is not counted.
 */
final class DrainBenchmark {

    static final int BACKLOG = Integer.getInteger("bench.drain.backlog", 10_000);
    /** Conversions drained first, untimed, in the same JVM and database: the JIT's warm-up. */
    static final int WARMUP = Integer.getInteger("bench.drain.warmup", 2_000);
    /** Fresh child JVMs per configuration; the median is reported. */
    static final int TRIALS = Integer.getInteger("bench.drain.trials", 3);
    static final String CHILD_HEAP = "-Xmx256m";
    static final String POSTGRES_ENV = "REJOINER_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "REJOINER_TEST_MARIADB_URL";
    private static final String RESULT_PREFIX = "DRAIN-RESULT ";
    /** Sender threads of the informational tuned run (the default is 2). */
    static final int TUNED_THREADS = 4;

    /** One database's figures. */
    record DrainResult(String database, int threads, boolean skipped, String reason, Map<String, String> values) {
        boolean defaults() {
            return threads == 0;
        }

        double value(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    private DrainBenchmark() {
    }

    // ------------------------------------------------------------------ parent side

    static List<DrainResult> runAll(Consumer<String> log) throws Exception {
        // The JDK server reads this once, when it is first used: answer without Nagle delays.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicLong requests = new AtomicLong();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        endpoint.setExecutor(pool);
        endpoint.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        try {
            String pg = System.getenv(POSTGRES_ENV);
            boolean withPostgres = pg != null && !pg.isBlank();
            String pgVersion = withPostgres ? serverVersion(pg.trim()) : null;
            String maria = System.getenv(MARIADB_ENV);
            boolean withMaria = maria != null && !maria.isBlank();
            String mariaVersion = withMaria ? serverVersion(maria.trim()) : null;
            List<String> configs = new ArrayList<>(List.of("hsqldb"));
            if (withPostgres) {
                configs.addAll(List.of("pg", "pgTuned"));
            }
            if (withMaria) {
                configs.add("maria");
            }
            // Trials of all configurations interleaved, the order rotated each round, so that drift on the
            // machine (and what a previous trial left to the database server) hits each alike.
            Map<String, List<Map<String, String>>> trials = new LinkedHashMap<>();
            for (String c : configs) {
                trials.put(c, new ArrayList<>());
            }
            for (int t = 0; t < TRIALS; t++) {
                log.accept("drain: trial " + (t + 1) + " of " + TRIALS);
                for (int k = 0; k < configs.size(); k++) {
                    String config = configs.get((t + k) % configs.size());
                    switch (config) {
                        case "hsqldb" -> trials.get(config).add(runChild("HSQLDB", "jdbc:hsqldb:mem:drain", "sa", "", 0, url,
                                requests, log));
                        case "pg" -> trials.get(config).add(runOnPostgres(pg.trim(), 0, url, requests, log));
                        // Informational: the one tuning knob a store has (-Drejoiner.delivery.threads).
                        case "pgTuned" -> trials.get(config).add(runOnPostgres(pg.trim(), TUNED_THREADS, url, requests, log));
                        default -> trials.get(config).add(runOnMariaDb(maria.trim(), 0, url, requests, log));
                    }
                }
            }
            List<DrainResult> results = new ArrayList<>();
            results.add(summarise("HSQLDB (embedded, in-memory)", 0, trials.get("hsqldb")));
            if (withPostgres) {
                results.add(summarise("PostgreSQL " + pgVersion, 0, trials.get("pg")));
                results.add(summarise("PostgreSQL " + pgVersion, TUNED_THREADS, trials.get("pgTuned")));
            } else {
                results.add(new DrainResult("PostgreSQL", 0, true, "skipped: no PostgreSQL (" + POSTGRES_ENV + " not set)",
                        Map.of()));
            }
            if (withMaria) {
                results.add(summarise("MariaDB " + mariaVersion, 0, trials.get("maria")));
            } else {
                results.add(new DrainResult("MariaDB", 0, true, "skipped: no MariaDB (" + MARIADB_ENV + " not set)",
                        Map.of()));
            }
            return results;
        } finally {
            endpoint.stop(0);
            pool.shutdownNow();
        }
    }

    /** The median trial by rate, with every trial's rate and the highest heap figures of all trials. */
    private static DrainResult summarise(String database, int threads, List<Map<String, String>> trials) {
        List<Map<String, String>> sorted = new ArrayList<>(trials);
        sorted.sort(java.util.Comparator.comparingDouble(m -> Double.parseDouble(m.get("perSecond"))));
        Map<String, String> values = new LinkedHashMap<>(sorted.get(sorted.size() / 2));
        values.put("trialRates", trials.stream().map(m -> String.format(Locale.ROOT, "%,.0f",
                Double.parseDouble(m.get("perSecond")))).collect(Collectors.joining(" / ")));
        for (String key : List.of("peakHeapUsedMB", "peakHeapAfterGcMB")) {
            values.put(key, String.format(Locale.ROOT, "%.1f",
                    trials.stream().mapToDouble(m -> Double.parseDouble(m.get(key))).max().orElse(0)));
        }
        return new DrainResult(database, threads, false, null, values);
    }

    private static String serverVersion(String baseUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl)) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static Map<String, String> runOnPostgres(String baseUrl, int threads, String endpoint, AtomicLong requests,
            Consumer<String> log) throws Exception {
        String schema = "rj_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return runChild("PostgreSQL", url, null, null, threads, endpoint, requests, log);
        } finally {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A fresh database on the MariaDB server of the URL, dropped afterwards. */
    private static Map<String, String> runOnMariaDb(String baseUrl, int threads, String endpoint, AtomicLong requests,
            Consumer<String> log) throws Exception {
        String database = "rj_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        try {
            int slash = baseUrl.indexOf('/', baseUrl.indexOf("//") + 2);
            int query = baseUrl.indexOf('?');
            String url = baseUrl.substring(0, slash) + "/" + database + (query < 0 ? "" : baseUrl.substring(query));
            return runChild("MariaDB", url, null, null, threads, endpoint, requests, log);
        } finally {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    private static Map<String, String> runChild(String label, String jdbcUrl, String user, String password, int threads,
            String endpoint, AtomicLong requests, Consumer<String> log) throws Exception {
        log.accept("drain: " + BACKLOG + " conversions on " + label + " in a child JVM (" + CHILD_HEAP + "), "
                + (threads == 0 ? "default settings" : threads + " sender threads"));
        long before = requests.get();
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add(CHILD_HEAP);
        command.add("-Dbench.drain.backlog=" + BACKLOG);
        command.add("-Dbench.drain.warmup=" + WARMUP);
        command.add("-Dbench.drain.threads=" + threads);
        command.add("-Dbench.drain.timeline=" + Boolean.getBoolean("bench.drain.timeline"));
        // For profiling the drain, e.g. -Dbench.drain.jvmArgs=-XX:StartFlightRecording=filename=drain.jfr
        String extra = System.getProperty("bench.drain.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DrainBenchmark.class.getName());
        command.add(jdbcUrl);
        command.add(user == null ? "" : user);
        command.add(password == null ? "" : password);
        command.add(endpoint);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> values = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT_PREFIX)) {
                    values = parse(line.substring(RESULT_PREFIX.length()));
                } else {
                    if (line.startsWith("t=")) {
                        log.accept("  " + line);
                        continue;
                    }
                    tail.add(line);
                    if (tail.size() > 40) {
                        tail.remove(0);
                    }
                }
            }
        }
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IllegalStateException("drain child did not finish");
        }
        if (child.exitValue() != 0 || values == null) {
            throw new IllegalStateException("drain child on " + label + " failed (exit " + child.exitValue() + "):\n"
                    + String.join("\n", tail));
        }
        values.put("endpointRequests", Long.toString(requests.get() - before - WARMUP));
        log.accept("drain on " + label + ": " + values);
        return values;
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    // ------------------------------------------------------------------ child side

    /** Child JVM: {@code jdbcUrl user password endpointBaseUrl}; prints one result line. */
    public static void main(String[] args) throws Exception {
        HeapWatch heap = new HeapWatch();
        heap.start();
        String jdbcUrl = args[0];
        String user = args[1].isEmpty() ? null : args[1];
        String password = args[2].isEmpty() ? null : args[2];
        String endpoint = args[3];

        org.apache.commons.dbcp.BasicDataSource ds = new org.apache.commons.dbcp.BasicDataSource();
        ds.setDriverClassName(jdbcUrl.startsWith("jdbc:postgresql") ? "org.postgresql.Driver"
                : jdbcUrl.startsWith("jdbc:mariadb") ? "org.mariadb.jdbc.Driver" : "org.hsqldb.jdbcDriver");
        ds.setUrl(jdbcUrl);
        if (user != null) {
            ds.setUsername(user);
            ds.setPassword(password == null ? "" : password);
        }
        ds.setMaxActive(10);
        ds.setMaxIdle(10);
        DataSource dataSource = ds;
        QueueSchema.createIfMissing(dataSource);

        int threads = Integer.getInteger("bench.drain.threads", 0);
        DeliverySettings settings = threads > 0 ? DeliverySettings.builder().workerThreads(threads).build()
                : DeliverySettings.defaults();
        ConversionQueue queue = new ConversionQueue(dataSource, settings);
        UrlResolver urls = UrlResolver.forBase("https://shop.example.com/");
        RejoinerApiClient client = new RejoinerApiClient(RejoinerApiConfig.builder()
                .siteId("bench-site").apiKey("bench-key").apiSecret("bench-secret-not-for-production")
                .baseUrl(endpoint)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(30))
                .build());
        DeliveryWorker worker = new DeliveryWorker(queue, site -> client, SubmissionCheck.ALWAYS_SUBMITTED);

        // Warm-up: a smaller backlog through the same code paths, untimed; its rows stay as SENT rows,
        // as a store's table keeps sent rows for the retention period.
        enqueue(queue, urls, "WARM-", WARMUP);
        worker.start();
        awaitDelivered(queue, WARMUP, false);
        worker.stop();

        long e0 = System.nanoTime();
        enqueue(queue, urls, "BENCH-", BACKLOG);
        long enqueueNanos = System.nanoTime() - e0;

        long t0 = System.nanoTime();
        worker.start();
        awaitDelivered(queue, WARMUP + BACKLOG, Boolean.getBoolean("bench.drain.timeline"));
        long drainNanos = System.nanoTime() - t0;
        worker.stop();
        Map<QueueStatus, Long> counts = queue.countByStatus();
        client.close();
        heap.stop();
        ds.close();

        Map<String, String> out = new LinkedHashMap<>();
        out.put("backlog", Integer.toString(BACKLOG));
        out.put("enqueueMicrosEach", String.format(Locale.ROOT, "%.1f", enqueueNanos / 1e3 / BACKLOG));
        out.put("drainSeconds", String.format(Locale.ROOT, "%.3f", drainNanos / 1e9));
        out.put("perSecond", String.format(Locale.ROOT, "%.1f", BACKLOG * 1e9 / drainNanos));
        out.put("sent", Long.toString(counts.get(QueueStatus.SENT) - WARMUP));
        out.put("delivered", Long.toString(queue.metrics().delivered() - WARMUP));
        out.put("retried", Long.toString(queue.metrics().retried()));
        out.put("peakHeapUsedMB", String.format(Locale.ROOT, "%.1f", heap.peakUsed / 1048576.0));
        out.put("peakHeapAfterGcMB", String.format(Locale.ROOT, "%.1f", heap.peakAfterGc / 1048576.0));
        out.put("maxHeapMB", Long.toString(Runtime.getRuntime().maxMemory() / 1048576));
        out.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(",")).replace(' ', '_'));
        out.put("workerThreads", Integer.toString(settings.workerThreads()));
        out.put("batchSize", Integer.toString(settings.maxInFlight()));
        System.out.println(RESULT_PREFIX + out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
        System.exit(0);
    }

    private static void enqueue(ConversionQueue queue, UrlResolver urls, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            String order = prefix + (100000 + i);
            if (!queue.enqueue("bench-site", LeadOperation.CONVERT, order, LeadPayloads.conversion(conversion(urls, order, i)))) {
                throw new IllegalStateException("enqueue failed for " + order);
            }
        }
    }

    private static void awaitDelivered(ConversionQueue queue, long total, boolean timeline) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
        long nextReport = t0;
        while (queue.metrics().delivered() < total) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("not drained in 5 min: " + queue.metrics());
            }
            if (timeline && now >= nextReport) {
                System.out.printf(Locale.ROOT, "t=%.2fs delivered=%d%n", (now - t0) / 1e9, queue.metrics().delivered());
                nextReport += 250_000_000L;
            }
            Thread.sleep(2);
        }
    }

    /** A realistic conversion: three lines, categories, images, custom field, return URL. */
    private static LeadConversion conversion(UrlResolver urls, String order, int i) {
        List<CartItem> items = new ArrayList<>();
        for (int line = 0; line < 3; line++) {
            items.add(CartItem.builder(urls)
                    .productId(Integer.toString(1 + (i + line) % 13))
                    .name("Habanero Hellfire Sauce " + line)
                    .description("A bright habanero sauce with mango and lime.")
                    .categories(List.of("Hot Sauces", "Gift Sets"))
                    .unitPrice(new BigDecimal("10.99"))
                    .quantity(1 + line)
                    .productUrl("/hot-sauces/habanero-hellfire")
                    .imageUrl("/img/products/habanero-hellfire.svg")
                    .customField("size", "M")
                    .build());
        }
        CartData data = CartData.builder(urls).cartValue(new BigDecimal("65.94")).cartItemCountFrom(items)
                .customerOrderNumber(order).returnUrl("/confirmation/" + order).build();
        return LeadConversion.builder().email("buyer" + i + "@example.com").campaignType(CampaignType.CONVERSION)
                .cartData(data).items(items).build();
    }

    /**
     * Peak heap: "used" sampled every 5 ms (includes garbage not yet collected, so it tracks the
     * heap limit), and the largest heap occupancy right after a GC (the live set plus what survived).
     */
    static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        volatile long peakUsed;
        volatile long peakAfterGc;
        private Thread sampler;

        void start() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools().contains(e.getKey())) {
                            after += e.getValue().getUsed();
                        }
                    }
                    synchronized (this) {
                        peakAfterGc = Math.max(peakAfterGc, after);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            long used = memory.getHeapMemoryUsage().getUsed();
            synchronized (this) {
                peakUsed = Math.max(peakUsed, used);
            }
        }

        private static Set<String> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            sample();
        }
    }
}
