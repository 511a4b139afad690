package io.github.rejoinerbroadleaf.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.core.UrlResolver;

/**
 * Cost of rendering a cart page's tracking script, next to plain Jackson serialisation of the
 * same data (the same JSON trees as [name, argument] pairs, default ObjectMapper). Goal: for 10
 * items at most 20 µs and at most 1.5x Jackson.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SnippetRenderBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnippetRenderBenchmark {

    @Param({"1", "10", "100"})
    public int items;

    private TrackingScript script;
    private List<TrackingCommand> commands;
    /** The same data as plain Java/Jackson values: a list of [name, argument tree] pairs. */
    private List<Object> plain;
    private ObjectWriter jackson;
    private UrlResolver urls;

    @Setup
    public void setUp() {
        script = TrackingScript.builder().siteId("53b53e65346e712ffe5756f2").domain(".example.com").build();
        urls = UrlResolver.forBase("https://shop.example.com/");
        commands = buildCommands();
        plain = new ArrayList<>();
        for (TrackingCommand c : commands) {
            plain.add(c.argument() == null ? List.of(c.name()) : List.of(c.name(), plainTree(c)));
        }
        jackson = new ObjectMapper().writer();
    }

    private static Object plainTree(TrackingCommand c) {
        try {
            return new ObjectMapper().readTree(c.argument().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TrackingCommand> buildCommands() {
        List<CartItem> cart = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            cart.add(CartItem.builder(urls)
                    .productId("SKU-" + (1000 + i))
                    .name("Exclusive TV " + (1000 + i) + " with a \"quoted\" name")
                    .categories(List.of("exclusive-items", "tv", "bestsellers"))
                    .unitPrice(new BigDecimal("299.99"))
                    .quantity(1 + i % 3)
                    .productUrl("/product/exclusive-tv-" + i)
                    .imageUrl("https://cdn.example.com/img/tv-" + i + ".png")
                    .description("Best TV ever. And exclusive! 55\" panel, <b>HDR</b> & more.")
                    .customField("color", "black")
                    .build());
        }
        CartData data = CartData.builder(urls).cartValue(new BigDecimal("899.97"))
                .cartItemCountFrom(cart).returnUrl("/cart").build();
        return TrackingCommand.cart(data, cart);
    }

    /** The module's render path: base snippet plus the page's commands as one script element. */
    @Benchmark
    public String renderSnippet() {
        return script.render(commands, "bm9uY2UxMjM0NTY3OA==");
    }

    /** Plain Jackson writeValueAsString of the same [name, argument] data, no HTML escaping. */
    @Benchmark
    public String jacksonPlain() throws JsonProcessingException {
        return jackson.writeValueAsString(plain);
    }

    /** The commands alone as JSON (AJAX responses). */
    @Benchmark
    public String renderCommandsJson() {
        return TrackingScript.commandsJson(commands);
    }

    /** Informational: building the value objects and commands from raw data, then rendering. */
    @Benchmark
    public String buildAndRender() {
        return script.render(buildCommands());
    }
}
