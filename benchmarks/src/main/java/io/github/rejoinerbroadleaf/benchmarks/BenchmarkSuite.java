package io.github.rejoinerbroadleaf.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What the integration costs a store, measured side by side on this machine, in one run:
 * <ol>
 * <li>snippet rendering (JMH, {@link SnippetRenderBenchmark}, with {@code -prof gc}) against plain Jackson;</li>
 * <li>product page and a 20-line cart page of the running sample store, tracking on vs. off;</li>
 * <li>checkout latency with REST conversions on while the Rejoiner endpoint hangs vs. conversions off;</li>
 * <li>drain rate and peak heap of a 10 000-conversion backlog, on HSQLDB, PostgreSQL and MariaDB;</li>
 * <li>the extra time an XHR add-to-cart costs the shopper until the calls are pushed ({@link AjaxCartBenchmark});</li>
 * <li>delivery latency, order completed to conversion accepted, with the worker idle.</li>
 * </ol>
 * Writes the Markdown report to the path in {@code args[0]} (default {@code RESULTS.md}).
 * Run it with {@code mvn -q -B -DskipTests -Pbenchmarks verify} from the root (README, Benchmarks).
 *
 * <p>{@code -Dbench.quick=true} shrinks every section for a smoke test; its figures mean nothing.
 */
public final class BenchmarkSuite {

    static final double RENDER_GOAL_MICROS = 20;
    static final double RENDER_GOAL_RATIO = 1.5;
    static final double PAGE_GOAL_RATIO = 1.02;
    /** The module's own CPU per catalog page, as a share of the page's CPU without tracking. */
    static final double MODULE_CPU_GOAL_SHARE = 0.01;
    static final double CHECKOUT_GOAL_RATIO = 1.02;
    static final double DRAIN_GOAL_PER_SECOND = 1000;
    static final double LATENCY_GOAL_P95_MILLIS = 2000;
    static final double HEAP_GOAL_MB = 256;
    static final double AJAX_GOAL_MILLIS = AjaxCartBenchmark.GOAL_MILLIS;

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int GOAL_FORKS = 2;
    private static final int JMH_WARMUP = 3;
    private static final int JMH_ITERATIONS = 5;
    private static final long START = System.nanoTime();

    private final List<String> errors = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();
    private final StringBuilder summary = new StringBuilder();

    private Map<String, Map<Integer, RunResult>> render;
    private List<StorefrontBenchmark.PageResult> pages;
    private StorefrontBenchmark.CheckoutResult checkout;
    private Samples latency;
    private List<DrainBenchmark.DrainResult> drains;
    private AjaxCartBenchmark.Result ajax;

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "RESULTS.md").toAbsolutePath();
        if (QUICK) {
            System.setProperty("bench.pages.warmup", System.getProperty("bench.pages.warmup", "20"));
            System.setProperty("bench.pages.rounds", System.getProperty("bench.pages.rounds", "4"));
            System.setProperty("bench.pages.perRound", System.getProperty("bench.pages.perRound", "10"));
            System.setProperty("bench.checkout.warmup", System.getProperty("bench.checkout.warmup", "4"));
            System.setProperty("bench.checkout.orders", System.getProperty("bench.checkout.orders", "6"));
            System.setProperty("bench.ajax.warmup", System.getProperty("bench.ajax.warmup", "5"));
            System.setProperty("bench.ajax.samples", System.getProperty("bench.ajax.samples", "20"));
            System.setProperty("bench.latency.orders", System.getProperty("bench.latency.orders", "5"));
        }
        BenchmarkSuite suite = new BenchmarkSuite();
        suite.runAll();
        suite.write(out);
        log("wrote " + out);
        if (!suite.errors.isEmpty()) {
            log("FAILED sections: " + suite.errors);
            System.exit(1);
        }
        // Broadleaf and Jetty leave non-daemon threads behind.
        System.exit(0);
    }

    private void runAll() {
        if (!Boolean.getBoolean("bench.skipRender")) {
            section("1. snippet rendering (JMH)", () -> render = runJmh());
        }
        if (!Boolean.getBoolean("bench.skipDrain")) {
            section("4. delivery drain", () -> drains = DrainBenchmark.runAll(BenchmarkSuite::log));
        }
        if (!Boolean.getBoolean("bench.skipStore")) {
            StorefrontBenchmark store = new StorefrontBenchmark(BenchmarkSuite::log);
            int before = errors.size();
            section("sample store start", store::start);
            if (errors.size() == before) {
                section("2. storefront pages", () -> pages = store.pages());
                if (!Boolean.getBoolean("bench.skipAjax")) {
                    section("5. XHR add-to-cart until pushed", () -> ajax = new AjaxCartBenchmark(BenchmarkSuite::log).run(store.baseUrl()));
                }
                if (!Boolean.getBoolean("bench.skipLatency")) {
                    // Before the checkout section, which leaves the sender threads held by a hanging endpoint.
                    section("6. delivery latency", () -> latency = store.deliveryLatency());
                }
                if (!Boolean.getBoolean("bench.skipCheckout")) {
                    section("3. checkout", () -> checkout = store.checkout());
                }
            }
            store.stop();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void section(String name, Step step) {
        log("=== " + name);
        try {
            step.run();
        } catch (Throwable e) {
            e.printStackTrace();
            errors.add(name + ": " + e);
        }
    }

    static void log(String message) {
        System.out.printf(Locale.ROOT, "[bench %5.0fs %s] %s%n", (System.nanoTime() - START) / 1e9,
                java.time.LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), message);
        System.out.flush();
    }

    // ------------------------------------------------------------------ 1. JMH

    /**
     * The two benchmarks with a goal get two forks (fork-to-fork variance dominates their error);
     * the informational ones run as {@link SnippetRenderBenchmark}'s annotations say.
     */
    private Map<String, Map<Integer, RunResult>> runJmh() throws Exception {
        String prefix = Pattern.quote(SnippetRenderBenchmark.class.getName()) + "\\.";
        List<RunResult> results = new ArrayList<>();
        results.addAll(new Runner(jmhOptions(prefix + "(renderSnippet|jacksonPlain)$", GOAL_FORKS).build()).run());
        results.addAll(new Runner(jmhOptions(prefix + "(renderCommandsJson|buildAndRender)$", 1).build()).run());
        Map<String, Map<Integer, RunResult>> byMethod = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            int items = Integer.parseInt(r.getParams().getParam("items"));
            byMethod.computeIfAbsent(method, k -> new TreeMap<>()).put(items, r);
        }
        return byMethod;
    }

    private static ChainedOptionsBuilder jmhOptions(String include, int forks) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .addProfiler(GCProfiler.class)
                .forks(forks)
                .warmupIterations(JMH_WARMUP).warmupTime(TimeValue.seconds(1))
                .measurementIterations(JMH_ITERATIONS).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        if (QUICK) {
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        }
        return options;
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static double error(RunResult r) {
        double e = r.getPrimaryResult().getScoreError();
        return Double.isNaN(e) ? 0 : e;
    }

    private static double allocBytes(RunResult r) {
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return alloc == null ? Double.NaN : alloc.getScore();
    }

    // ------------------------------------------------------------------ report

    private void write(Path out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Generated by `BenchmarkSuite` (`mvn -q -B -DskipTests -Pbenchmarks verify`, see README `## Benchmarks`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(String.format(Locale.ROOT, "; the suite took %.1f min after the build.", (System.nanoTime() - START) / 6e10))
                .append(" Regenerated on every run; do not edit by hand.\n\n");
        if (QUICK) {
            md.append("**QUICK SMOKE RUN (`-Dbench.quick=true`): the figures below are not measurements.**\n\n");
        }
        machine(md);
        StringBuilder details = new StringBuilder();
        renderSection(details);
        pagesSection(details);
        checkoutSection(details);
        drainSection(details);
        ajaxSection(details);
        latencySection(details);

        md.append("## Summary\n\n");
        md.append("Each figure beside its baseline where one exists; the goal applies to the ratio (or to the figure when there is no baseline).\n\n");
        md.append("| # | figure | measured | baseline | ratio | goal | met |\n|---|---|---|---|---|---|---|\n");
        md.append(summary);
        md.append('\n');
        if (!missed.isEmpty()) {
            md.append("**Goals missed:**\n\n");
            for (String m : missed) {
                md.append("- ").append(m).append('\n');
            }
            md.append("\nSee the notes at the end for the profile and the explanation.\n\n");
        } else if (errors.isEmpty()) {
            md.append("All goals met.\n\n");
        }
        if (!errors.isEmpty()) {
            md.append("**Sections that failed to run:**\n\n");
            for (String e : errors) {
                md.append("- ").append(e.replace('\n', ' ')).append('\n');
            }
            md.append('\n');
        }
        md.append(details);
        notes(md);
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    private void summaryRow(String n, String figure, String measured, String baseline, String ratio, String goal,
            boolean met) {
        summary.append("| ").append(n).append(" | ").append(figure).append(" | ").append(measured).append(" | ")
                .append(baseline).append(" | ").append(ratio).append(" | ").append(goal).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
        if (!met) {
            missed.add(figure + ": " + measured + (ratio.equals("—") ? "" : " (ratio " + ratio + ")") + ", goal " + goal);
        }
    }

    private static void machine(StringBuilder md) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" (available to the JVM)")
                .append(cpuModel()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| memory | %.1f GiB physical |%n", os.getTotalMemorySize() / 1073741824.0));
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vm.vendor"))
                .append(") |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(osRelease()).append(" |\n");
        md.append("| JVM flags | `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .append("` |\n");
        String commit = git("rev-parse", "--short", "HEAD");
        if (commit != null) {
            String dirty = git("status", "--porcelain", "--untracked-files=no");
            md.append("| commit | ").append(commit).append(dirty != null && !dirty.isEmpty() ? " + uncommitted changes" : "")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return ", " + line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Paths.get("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return " (" + line.substring(12).replace("\"", "") + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void renderSection(StringBuilder md) {
        md.append("## 1. Snippet rendering (JMH)\n\n");
        if (render == null) {
            md.append("Not run.\n\n");
            return;
        }
        Map<Integer, RunResult> snippet = render.get("renderSnippet");
        Map<Integer, RunResult> jackson = render.get("jacksonPlain");
        md.append("`SnippetRenderBenchmark`, average time, `-wi " + JMH_WARMUP + " -w 1s -i " + JMH_ITERATIONS
                        + " -r 1s -prof gc`, `-f " + GOAL_FORKS + "` for the two compared here, `-f 1` for the informational"
                        + " ones; ± is JMH's 99.9% confidence half-width. `renderSnippet` is the module's")
                .append(" render path (base snippet plus the cart commands as one `<script>` element, HTML-safe escaping);")
                .append(" `jacksonPlain` is a default `ObjectMapper` writing the same `[name, argument]` data, no escaping.")
                .append(" Allocation is `gc.alloc.rate.norm`.\n\n");
        md.append("| items | renderSnippet ns/op | B/op | jacksonPlain ns/op | B/op | time ratio | alloc ratio |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, RunResult> e : snippet.entrySet()) {
            RunResult s = e.getValue();
            RunResult j = jackson.get(e.getKey());
            md.append(String.format(Locale.ROOT, "| %d | %,.0f ± %,.0f | %,.0f | %,.0f ± %,.0f | %,.0f | %.2fx | %.2fx |%n",
                    e.getKey(), score(s), error(s), allocBytes(s), score(j), error(j), allocBytes(j),
                    score(s) / score(j), allocBytes(s) / allocBytes(j)));
            if (e.getKey() == 10) {
                double micros = score(s) / 1000;
                double ratio = score(s) / score(j);
                boolean met = micros <= RENDER_GOAL_MICROS && ratio <= RENDER_GOAL_RATIO;
                summaryRow("1", "render cart snippet, 10 items",
                        String.format(Locale.ROOT, "%.2f µs/op, %,.0f B/op", micros, allocBytes(s)),
                        String.format(Locale.ROOT, "Jackson %.2f µs/op, %,.0f B/op", score(j) / 1000, allocBytes(j)),
                        String.format(Locale.ROOT, "%.2fx", ratio), "≤ 20 µs and ≤ 1.5x", met);
            } else {
                summary.append(String.format(Locale.ROOT, "| 1 | render cart snippet, %d item%s | %.2f µs/op, %,.0f B/op |"
                                + " Jackson %.2f µs/op, %,.0f B/op | %.2fx | — (informational) | — |%n",
                        e.getKey(), e.getKey() == 1 ? "" : "s", score(s) / 1000, allocBytes(s), score(j) / 1000,
                        allocBytes(j), score(s) / score(j)));
            }
        }
        md.append("\nInformational, same data:\n\n| items | renderCommandsJson ns/op | B/op | buildAndRender ns/op | B/op |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        Map<Integer, RunResult> json = render.get("renderCommandsJson");
        Map<Integer, RunResult> build = render.get("buildAndRender");
        if (json != null && build != null) {
            for (Integer items : json.keySet()) {
                md.append(String.format(Locale.ROOT, "| %d | %,.0f ± %,.0f | %,.0f | %,.0f ± %,.0f | %,.0f |%n", items,
                        score(json.get(items)), error(json.get(items)), allocBytes(json.get(items)),
                        score(build.get(items)), error(build.get(items)), allocBytes(build.get(items))));
            }
        }
        md.append('\n');
    }

    private void pagesSection(StringBuilder md) {
        md.append("## 2. Storefront pages, tracking on vs. off\n\n");
        if (pages == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("The sample store (Broadleaf 3.1.15, Jetty 9.4, in-memory HSQLDB, sandbox mode) started in the suite's JVM")
                .append(" with `SampleStore.start(0)`; one client per page, HTTP/1.1 keep-alive over loopback. The goal is on")
                .append(" **server time**, measured inside Jetty by a request listener on the connector (`ServerTimer`): from")
                .append(" the parsed request headers to the response fully written to the connection, so every filter, the")
                .append(" controller, the template and the writing of every byte the tracking adds, without the client's share.")
                .append(" The client-observed latency of the same requests (request sent to last byte read, body discarded) is")
                .append(" shown beside it. Off = `-Drejoiner.trackingEnabled=false` + `invalidate()` of the settings cache.")
                .append(" Modes alternate in rounds (on/off, then off/on) after a warm-up of both; every switch is checked on an")
                .append(" untimed request (the Rejoiner script present or absent). The category page is a catalog page rendering its own")
                .append(" `<body>` (no layout, as in Broadleaf's demo store): its script (base snippet) is placed automatically at")
                .append(" the end of the body. The product page (also its own `<body>`) is viewed by a visitor with")
                .append(" an empty cart (tracking: base snippet + `trackProductView`); the cart page holds 20 distinct lines")
                .append(" (12 simple products, the T-shirt in S, M and L, and 5 products the suite adds to its own database")
                .append(" because the sample catalog allows only 15), quantity 1 each (tracking: `setCartData` + 20 `setCartItem`).")
                .append(" Goal on the ratio of the server-time medians; p99 is shown for the tail.\n\n");
        md.append("| page | mode | server time median | p99 | latency median | p99 | requests | page size |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (StorefrontBenchmark.PageResult p : pages) {
            pageRow(md, p, "tracking on", p.serverOn(), p.on(), p.bytesOn());
            pageRow(md, p, "tracking off", p.serverOff(), p.off(), p.bytesOff());
            double ratio = (double) p.serverOn().median() / p.serverOff().median();
            double p99 = (double) p.serverOn().p99() / p.serverOff().p99();
            double latency = (double) p.on().median() / p.off().median();
            double latencyP99 = (double) p.on().p99() / p.off().p99();
            md.append(String.format(Locale.ROOT, "| %s | **on/off** | **%s** | %.3f | %.3f | %.3f | | +%,d B |%n", p.label(),
                    ratio(ratio, PAGE_GOAL_RATIO), p99, latency, latencyP99, p.bytesOn() - p.bytesOff()));
            md.append("| ").append(p.label()).append(" | on/off per sixth of the rounds | ").append(sixths(p.sixths()))
                    .append(" | | | | | |\n");
            if (p.informational()) {
                summary.append(String.format(Locale.ROOT, "| 2 | %s, server time median | %.3f ms on | %.3f ms off |"
                                + " %s (latency %.3f) | — (informational) | — |%n", p.label(),
                        Samples.millis(p.serverOn().median()), Samples.millis(p.serverOff().median()),
                        ratio(ratio, PAGE_GOAL_RATIO), latency));
                continue;
            }
            summaryRow("2", p.label() + ", server time median",
                    String.format(Locale.ROOT, "%.3f ms on (p99 %.2f)", Samples.millis(p.serverOn().median()),
                            Samples.millis(p.serverOn().p99())),
                    String.format(Locale.ROOT, "%.3f ms off (p99 %.2f)", Samples.millis(p.serverOff().median()),
                            Samples.millis(p.serverOff().p99())),
                    ratio(ratio, PAGE_GOAL_RATIO) + String.format(Locale.ROOT, " (latency %.3f; sixths of the run %s)",
                            latency, spread(p.sixths())), "≤ 1.02",
                    ratio <= PAGE_GOAL_RATIO);
        }
        md.append('\n');
        moduleCpu(md);
    }

    /**
     * The module's own CPU per page, measured two ways on the same requests. Directly: the time the
     * module's hooks took in each request ({@link PageWorkProbe}; an upper bound of their CPU time), as
     * a share of the request's whole CPU time with tracking on; the goal is on this figure, on the
     * category page. Indirectly (informational): the median CPU with tracking on minus the median with
     * tracking off, which also holds the writing of the script's bytes and the run-to-run noise of two
     * medians.
     */
    private void moduleCpu(StringBuilder md) {
        long cpuClock = PageWorkProbe.threadCpuClockReadNanos();
        long nanoClock = PageWorkProbe.nanoClockReadNanos();
        md.append("### The module's own CPU per page\n\n")
                .append("**Measured inside the module** (the figure the goal is on): the module's storefront hooks (the template")
                .append(" dialect's `<body>` and placement processors, the interceptor after the controller, the template hook when")
                .append(" a template uses it) report how long each run took (`PageWorkMeter`, switched on by the suite's")
                .append(" `PageWorkListener` bean; `System.nanoTime` at the start and the end of the hook), summed per request.")
                .append(" A hook runs on the request's thread and never waits, so this time is an upper bound of the CPU it used")
                .append(" (any moment the thread is preempted adds to it; the median leaves those out). Everything the module does")
                .append(" on a page runs inside these hooks: settings, consent, cart and customer look-ups, the session snapshot,")
                .append(" the script's rendering. Not in it: Thymeleaf and Jetty writing the script's bytes, which the server-time")
                .append(" ratio above covers. Share = median module time per request over the median CPU time of the whole request")
                .append(" (`ServerTimer`: the thread's CPU clock from the parsed request to the written response, same requests),")
                .append(" tracking on. Why not the thread's CPU clock around each hook: on this machine one read of it costs")
                .append(String.format(Locale.ROOT, " %.2f µs (a system call; `System.nanoTime`: %.3f µs), several times what a hook", cpuClock / 1e3, nanoClock / 1e3))
                .append(" does, and it slows the code after it (measured in an earlier version of this suite: the hooks then")
                .append(" reported 3.3 µs of CPU more per hook than their elapsed time). Warm-up: the hooks run once per page, so")
                .append(" the JIT compiles them fully only after thousands of pages; the module's time per page during the warm-up")
                .append(" is listed below the table (it stops falling before the timed requests begin).")
                .append("\n\n**On minus off** (informational): median request CPU with tracking on minus with tracking off, over")
                .append(" the median with tracking off: includes the bytes' writing, but is the difference of two medians of")
                .append(" ~3 ms and moves by tens of µs between runs.\n\n")
                .append("| page | module time median (on) | mean | p90 | module time median (off) | request CPU median on | **share** | request CPU median off | on − off | share |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StorefrontBenchmark.PageResult p : pages) {
            if (p.cpuOn().size() == 0 || p.cpuOff().size() == 0) {
                md.append("| ").append(p.label()).append(" | — | — | — | — | — | no CPU samples | | | |\n");
                continue;
            }
            long difference = p.cpuOn().median() - p.cpuOff().median();
            double differenceShare = (double) difference / p.cpuOff().median();
            boolean direct = p.moduleOn().size() > 0;
            double share = direct ? (double) p.moduleOn().median() / p.cpuOn().median() : Double.NaN;
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f µs | **%s** | %.1f µs | %.1f µs | %.2f %% |%n",
                    p.label(), direct ? micros(p.moduleOn().median()) : "—", direct ? micros(mean(p.moduleOn())) : "—",
                    direct ? micros(p.moduleOn().percentile(90)) : "—",
                    p.moduleOff().size() > 0 ? micros(p.moduleOff().median()) : "—", p.cpuOn().median() / 1e3,
                    direct ? String.format(Locale.ROOT, "%.2f %%", share * 100) : "—", p.cpuOff().median() / 1e3,
                    difference / 1e3, differenceShare * 100));
            if (p.path().equals(StorefrontBenchmark.CATEGORY_PAGE) && !p.informational()) {
                if (direct) {
                    summaryRow("2", "module's own CPU per page (time in its hooks, an upper bound), " + p.label(),
                            micros(p.moduleOn().median()) + " median",
                            String.format(Locale.ROOT, "%.1f µs request CPU", p.cpuOn().median() / 1e3),
                            String.format(Locale.ROOT, "%.2f %%", share * 100), "≤ 1 %", share <= MODULE_CPU_GOAL_SHARE);
                }
                summary.append(String.format(Locale.ROOT, "| 2 | module's CPU as on − off difference, %s | %.1f µs |"
                                + " %.1f µs request CPU off | %.2f %% | — (informational, noisy) | — |%n", p.label(),
                        difference / 1e3, p.cpuOff().median() / 1e3, differenceShare * 100));
            }
        }
        md.append('\n');
        md.append("Module time per page (tracking on) during the warm-up, median of each stretch, after n requests per mode:\n\n");
        for (StorefrontBenchmark.PageResult p : pages) {
            if (!p.warmup().isEmpty()) {
                md.append("- ").append(p.label()).append(": ").append(String.join("; ", p.warmup())).append('\n');
            }
        }
        md.append('\n');
        for (StorefrontBenchmark.PageResult p : pages) {
            if (!p.path().equals(StorefrontBenchmark.CATEGORY_PAGE) || p.hooksOn().isEmpty() || p.moduleOn().size() == 0) {
                continue;
            }
            md.append("Where the module's time goes on the category page (all timed requests; medians per run):\n\n")
                    .append("| hook | runs per request | median, tracking on | median, tracking off |\n|---|---:|---:|---:|\n");
            double requests = p.moduleOn().size();
            p.hooksOn().forEach((hook, runs) -> {
                Samples off = p.hooksOff().get(hook);
                md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %s | %s |%n", hook, runs.size() / requests,
                        micros(runs.median()), off == null || off.size() == 0 ? "—" : micros(off.median())));
            });
            md.append('\n');
        }
    }

    /** The ratios of the sixths of a page's rounds, in order. */
    private static String sixths(List<Double> ratios) {
        StringBuilder out = new StringBuilder();
        for (double r : ratios) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r));
        }
        return out.toString();
    }

    /** Lowest to highest of the sixths' ratios. */
    private static String spread(List<Double> ratios) {
        if (ratios.isEmpty()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f–%.3f", Collections.min(ratios), Collections.max(ratios));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    private static long mean(Samples s) {
        long sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.get(i);
        }
        return s.size() == 0 ? 0 : sum / s.size();
    }

    private void ajaxSection(StringBuilder md) {
        md.append("## 5. XHR add-to-cart until the calls are pushed\n\n");
        if (ajax == null) {
            md.append("Not run.\n\n");
            return;
        }
        AjaxCartBenchmark.Result a = ajax;
        md.append("Same store (run before section 3). The store's XHR \"Add to cart\" (`POST /cart/add` with")
                .append(" `X-Requested-With`, JSON answer) is unchanged by the module; after it completes, the base snippet's")
                .append(" bootstrap waits ").append(a.debounceMillis()).append(" ms and asks `GET /rejoiner/ajax-calls`, whose")
                .append(" answer (`startNewOrder`, `setCartData`, `setCartItem`) it pushes. Extra time = that wait + the ask's")
                .append(" round trip over loopback (client-observed: request sent to last byte read). Per sample a new shopper")
                .append(" views the product page (untimed), adds by XHR (timed, informational) and asks (checked to carry")
                .append(" `startNewOrder`); then asks again with nothing changed (`[]`, informational).\n\n");
        md.append("| request | median | p99 | samples |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| XHR add-to-cart (the store's own) | %.2f ms | %.2f ms | %d |%n",
                Samples.millis(a.add().median()), Samples.millis(a.add().p99()), a.add().size()));
        md.append(String.format(Locale.ROOT, "| ask after the add | %.2f ms | %.2f ms | %d |%n",
                Samples.millis(a.ask().median()), Samples.millis(a.ask().p99()), a.ask().size()));
        md.append(String.format(Locale.ROOT, "| ask, nothing changed | %.2f ms | %.2f ms | %d |%n",
                Samples.millis(a.unchangedAsk().median()), Samples.millis(a.unchangedAsk().p99()), a.unchangedAsk().size()));
        md.append(String.format(Locale.ROOT, "| **extra time until pushed** (wait + ask) | **%.2f ms** | **%.2f ms** | |%n%n",
                Samples.millis(a.extraMedian()), Samples.millis(a.extraP99())));
        double median = Samples.millis(a.extraMedian());
        double p99 = Samples.millis(a.extraP99());
        summaryRow("5", "XHR add-to-cart, extra time until the calls are pushed",
                String.format(Locale.ROOT, "%.2f ms median, %.2f ms p99", median, p99), "—", "—",
                "< 50 ms (median and p99)", median < AJAX_GOAL_MILLIS && p99 < AJAX_GOAL_MILLIS);
    }

    private static void pageRow(StringBuilder md, StorefrontBenchmark.PageResult p, String mode, Samples server,
                                Samples latency, long bytes) {
        md.append(String.format(Locale.ROOT, "| %s `%s` | %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %d | %,d B |%n",
                p.label(), p.path(), mode, Samples.millis(server.median()), Samples.millis(server.p99()),
                Samples.millis(latency.median()), Samples.millis(latency.p99()), server.size(), bytes));
    }

    private void checkoutSection(StringBuilder md) {
        md.append("## 3. Checkout, REST conversions on with Rejoiner hanging vs. off\n\n");
        if (checkout == null) {
            md.append("Not run.\n\n");
            return;
        }
        StorefrontBenchmark.CheckoutResult c = checkout;
        md.append(String.format(Locale.ROOT, "Same store. The sandbox's fault switch holds every REST call (`hang`) and the"
                + " store's Rejoiner API URL points at the sandbox (sandbox mode). The store's REST read timeout is raised to"
                + " %d min for this run (`-Drejoiner.http.readTimeoutMillis`, default 10 s), so that once the first orders' conversions"
                + " are claimed, the delivery worker's %d sender threads stay blocked on the hanging endpoint for the whole"
                + " section (checked before the first and after the last timed order). Per order, untimed: a cart of 3 lines,"
                + " `/checkout`, e-mail, shipping; timed: only `POST /checkout/test-payment/complete` (Broadleaf's checkout"
                + " workflow, including the module's activity that records the order's reference and queues the conversion; the"
                + " worker maps the order later); then the"
                + " confirmation page, untimed. Off = `-Drejoiner.conversionsEnabled=false` + `invalidate()`. Orders alternate"
                + " on/off (then off/on) after %s warm-up orders.%n%n", c.hangMillis() / 60000, c.heldThreads(),
                Integer.getInteger("bench.checkout.warmup", 20)));
        md.append("| mode | median | p99 | orders |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| conversions on, endpoint hanging | %.2f ms | %.2f ms | %d |%n",
                Samples.millis(c.hanging().median()), Samples.millis(c.hanging().p99()), c.hanging().size()));
        md.append(String.format(Locale.ROOT, "| conversions off | %.2f ms | %.2f ms | %d |%n",
                Samples.millis(c.off().median()), Samples.millis(c.off().p99()), c.off().size()));
        double ratio = (double) c.hanging().median() / c.off().median();
        md.append(String.format(Locale.ROOT, "| **ratio** | **%s** | %.3f | |%n%n", ratio(ratio, CHECKOUT_GOAL_RATIO),
                (double) c.hanging().p99() / c.off().p99()));
        md.append(String.format(Locale.ROOT, "Conversions queued while on: %d (one per order with conversions on, as expected);"
                + " sender threads held by the hanging endpoint throughout: %d; queue at the end: %s.%n%n", c.enqueued(),
                c.heldThreads(), c.queueState()));
        summaryRow("3", "checkout (`POST /checkout/test-payment/complete`), median",
                String.format(Locale.ROOT, "%.2f ms, conversions on + Rejoiner hanging", Samples.millis(c.hanging().median())),
                String.format(Locale.ROOT, "%.2f ms, conversions off", Samples.millis(c.off().median())),
                ratio(ratio, CHECKOUT_GOAL_RATIO), "≤ 1.02", ratio <= CHECKOUT_GOAL_RATIO);
    }

    private void latencySection(StringBuilder md) {
        md.append("## 6. Delivery latency: order completed to conversion accepted\n\n");
        if (latency == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "Same store, sandbox endpoint answering at once, default delivery settings (poll"
                + " interval 5 s). One order at a time, the worker idle in between: from the answer to"
                + " `POST /checkout/test-payment/complete` to the moment this node's metrics count the conversion as"
                + " delivered (Rejoiner's 2xx received and the row written as SENT). The end of `performCheckout` (order"
                + " saved as SUBMITTED) wakes the local worker; without the wake-up a row waits for the next poll.%n%n"));
        md.append("| orders | p50 | p95 | max |\n|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %.1f ms | %.1f ms | %.1f ms |%n%n", latency.size(),
                Samples.millis(latency.median()), Samples.millis(latency.percentile(95)),
                Samples.millis(latency.percentile(100))));
        double p95 = Samples.millis(latency.percentile(95));
        summaryRow("5", "delivery latency, order completed to accepted, p95",
                String.format(Locale.ROOT, "%.1f ms (p50 %.1f ms)", p95, Samples.millis(latency.median())), "—", "—",
                "≤ 2 000 ms", p95 <= LATENCY_GOAL_P95_MILLIS);
    }

    /** Three decimals, or four when three would print the goal itself (so a "no" at "1.020" is explained). */
    private static String ratio(double ratio, double goal) {
        String three = String.format(Locale.ROOT, "%.3f", ratio);
        return three.equals(String.format(Locale.ROOT, "%.3f", goal)) ? String.format(Locale.ROOT, "%.4f", ratio) : three;
    }

    private void drainSection(StringBuilder md) {
        md.append("## 4. Delivery: draining a 10 000-conversion backlog\n\n");
        if (drains == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "Each trial is a fresh child JVM with `-Xmx256m`. It first drains a warm-up backlog"
                + " of %,d conversions, untimed (the JIT's warm-up; those rows stay as SENT rows, as a store keeps them for the"
                + " retention period), then fills the queue (`ConversionQueue.enqueue`, one INSERT each, as checkout does) with"
                + " %,d realistic conversions (3 lines each, ~1 KB of JSON), starts one `DeliveryWorker` and times until all are"
                + " delivered. Sender: the real `RejoinerApiClient` (signed Rejoiner 1 calls, OkHttp, shared connection pool, as"
                + " the store wires it); endpoint: a `com.sun.net.httpserver` handler in the parent JVM answering 200 at once"
                + " (TCP_NODELAY). `SubmissionCheck.ALWAYS_SUBMITTED` stands in for the store's order lookup (the backlog has no"
                + " Broadleaf orders). %d trials per configuration, interleaved; the table shows the median trial, the rates of"
                + " all trials, and the highest heap figures of all trials. Heap: peak of `MemoryMXBean` heap used, sampled every"
                + " 5 ms (includes garbage the collector has not reclaimed yet), and the largest heap occupancy right after a GC"
                + " (live data); the in-memory HSQLDB's tables live in that heap too.%n%n",
                DrainBenchmark.WARMUP, DrainBenchmark.BACKLOG, DrainBenchmark.TRIALS));
        md.append("| database | drained in | conversions/s | all trials | enqueue (per row) | sent / endpoint requests | peak heap used | peak after GC | threads, rows in flight |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (DrainBenchmark.DrainResult d : drains) {
            String label = d.database() + (d.defaults() ? "" : ", " + d.threads() + " sender threads (`-Drejoiner.delivery.threads="
                    + d.threads() + "`)");
            if (d.skipped()) {
                md.append("| ").append(label).append(" | ").append(d.reason()).append(" | | | | | | | |\n");
                summary.append("| 4 | drain rate, ").append(d.database()).append(" | ").append(d.reason())
                        .append(" | — | — | ≥ 1 000/s | — |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f s | %,.0f | %s | %s µs | %s / %s | %s MB | %s MB | %s, %s |%n",
                    label, d.value("drainSeconds"), d.value("perSecond"), d.values().get("trialRates"),
                    d.values().get("enqueueMicrosEach"),
                    d.values().get("sent"), d.values().get("endpointRequests"), d.values().get("peakHeapUsedMB"),
                    d.values().get("peakHeapAfterGcMB"), d.values().get("workerThreads"), d.values().get("batchSize")));
            if (!d.defaults()) {
                summary.append(String.format(Locale.ROOT, "| 4 | drain rate, %s | %,.0f conversions/s (median of %s) | — | — |"
                        + " — (informational, tuned) | — |%n", label, d.value("perSecond"), d.values().get("trialRates")));
                continue;
            }
            summaryRow("4", "drain rate, " + label, String.format(Locale.ROOT, "%,.0f conversions/s (median of %s)",
                            d.value("perSecond"), d.values().get("trialRates")),
                    "—", "—", "≥ 1 000/s", d.value("perSecond") >= DRAIN_GOAL_PER_SECOND);
            summaryRow("4", "peak heap, " + label, String.format(Locale.ROOT, "%.0f MB used (%.0f MB after GC), -Xmx256m, all trials",
                            d.value("peakHeapUsedMB"), d.value("peakHeapAfterGcMB")),
                    "—", "—", "≤ 256 MB", d.value("peakHeapUsedMB") <= HEAP_GOAL_MB);
        }
        md.append("\nGoals apply to the default settings (2 sender threads, at most 16 rows in flight, outcomes written in"
                + " batches); the tuned row is informational.\n\n");
    }

    /** Hand-written analysis kept next to the code (benchmarks/NOTES.md), appended when present. */
    private static void notes(StringBuilder md) throws IOException {
        Path notes = Paths.get(System.getProperty("bench.notes", "NOTES.md"));
        md.append("## Notes\n\n");
        md.append("- Interleaving: both modes of a comparison run in the same JVM, after the same warm-up, in alternating")
                .append(" rounds, so drift (JIT, GC, caches, other load) hits both.\n");
        md.append("- Figures are from one run on the machine above; rerun to compare machines. Ratios are more stable than")
                .append(" absolute times.\n");
        if (Files.exists(notes)) {
            md.append("\n").append(Files.readString(notes, StandardCharsets.UTF_8).trim()).append('\n');
        }
    }
}
