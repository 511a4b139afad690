package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Rejoiner without HTTP: answers with whatever the test scripts per order key and counts
 * every call and every accepted call per order key.
 */
final class ScriptedSender implements LeadSender {

    private static final Pattern KEY = Pattern.compile("\"order\":\"([^\"]+)\"");

    private volatile Function<String, DeliveryOutcome> script = key -> ok();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

    static String payload(String orderKey) {
        return "{\"order\":\"" + orderKey + "\",\"value\":1999}";
    }

    static String keyOf(String payload) {
        Matcher m = KEY.matcher(payload);
        if (!m.find()) {
            throw new IllegalArgumentException("no order in " + payload);
        }
        return m.group(1);
    }

    static DeliveryOutcome ok() {
        return DeliveryOutcome.of(DeliveryOutcome.Kind.DELIVERED, 200, "", null);
    }

    static DeliveryOutcome status(DeliveryOutcome.Kind kind, int status, String detail) {
        return DeliveryOutcome.of(kind, status, detail, null);
    }

    static DeliveryOutcome unavailable(Duration retryAfter) {
        return DeliveryOutcome.of(DeliveryOutcome.Kind.TRANSIENT, 503, "Service Unavailable", retryAfter);
    }

    /** Answers every call with {@code outcome}. */
    ScriptedSender always(DeliveryOutcome outcome) {
        this.script = key -> outcome;
        return this;
    }

    ScriptedSender answering(Function<String, DeliveryOutcome> script) {
        this.script = script;
        return this;
    }

    @Override
    public DeliveryOutcome send(LeadOperation operation, String jsonBody) {
        String key = keyOf(jsonBody);
        calls.add(key);
        DeliveryOutcome outcome = script.apply(key);
        if (outcome != null && outcome.isDelivered()) {
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        return outcome;
    }

    int calls() {
        return calls.size();
    }

    List<String> callKeys() {
        return calls;
    }

    int acceptedFor(String key) {
        AtomicInteger n = accepted.get(key);
        return n == null ? 0 : n.get();
    }

    Map<String, AtomicInteger> accepted() {
        return accepted;
    }
}
