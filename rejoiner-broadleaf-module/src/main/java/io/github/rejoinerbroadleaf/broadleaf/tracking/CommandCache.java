package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.vendor.rejoiner.TrackingCommand;
import io.github.rejoinerbroadleaf.vendor.rejoiner.TrackingScript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Prerendered tracking calls that only depend on what they were built from, reused while that
 * stays the same: the {@code setCartData}/{@code setCartItem} calls of a cart (key: the cart id,
 * state: a {@link CartFingerprint}) and the {@code trackProductView} of a product (key: product,
 * locale and base URL, state: the price). Mapping, URL resolution, the restore link's signature
 * and the JSON are then paid once per change instead of on every page.
 *
 * <p>Each entry also keeps the whole script of a page that carries these calls and nothing else
 * (any page with a cart but without product, customer news or conversion), rendered on first use.
 *
 * <p>An entry is used only when its state equals the caller's current one, and for at most
 * {@code ttlMillis} (catalog edits such as a renamed product show up by then). The key names one
 * cart or one product, so a shopper can only ever be given calls built from their own cart.
 * Bounded: when {@code maxEntries} is reached, expired entries are dropped, and everything if that
 * is not enough. Thread-safe.
 */
final class CommandCache {

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<Object, Entry>();

    CommandCache(int maxEntries, long ttlMillis) {
        this(maxEntries, ttlMillis, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests move it) */
    CommandCache(int maxEntries, long ttlMillis, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** Off when either bound is zero or negative: nothing is kept. */
    boolean isEnabled() {
        return maxEntries > 0 && ttlNanos > 0;
    }

    /** The calls stored for {@code key} when they were built from {@code state} and are still fresh, else null. */
    Calls get(Object key, Object state) {
        if (!isEnabled()) {
            return null;
        }
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.createdNanos > ttlNanos) {
            entries.remove(key, e);
            return null;
        }
        return Objects.equals(e.state, state) ? e.calls : null;
    }

    /** Stores {@code commands} (prerendered here) as built from {@code state}; returns what was stored. */
    Calls put(Object key, Object state, List<TrackingCommand> commands) {
        List<TrackingCommand> prerendered = new ArrayList<TrackingCommand>(commands.size());
        for (TrackingCommand c : commands) {
            prerendered.add(c.prerendered());
        }
        Calls stored = new Calls(Collections.unmodifiableList(prerendered));
        if (!isEnabled()) {
            return stored;
        }
        long now = nanoClock.getAsLong();
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            makeRoom(now);
        }
        entries.put(key, new Entry(state, stored, now));
        return stored;
    }

    /** Drops expired entries; when the cache is still full, drops everything (simple, and rare). */
    private void makeRoom(long now) {
        for (Iterator<Map.Entry<Object, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue().createdNanos > ttlNanos) {
                it.remove();
            }
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    int size() {
        return entries.size();
    }

    /** Prerendered calls, and the script of a page that carries nothing else. */
    static final class Calls {
        private final List<TrackingCommand> commands;
        private volatile Script script;

        Calls(List<TrackingCommand> commands) {
            this.commands = commands;
        }

        List<TrackingCommand> commands() {
            return commands;
        }

        /** The script of a page whose only calls are these, by {@code renderer} with {@code nonce}. */
        String scriptAlone(TrackingScript renderer, String nonce) {
            Script s = script;
            if (s != null && s.renderer == renderer && Objects.equals(s.nonce, nonce)) {
                return s.text;
            }
            String text = renderer.render(commands, nonce);
            if (nonce == null) {
                script = new Script(renderer, null, text); // a per-request CSP nonce would never be asked for again
            }
            return text;
        }
    }

    private static final class Script {
        final TrackingScript renderer;
        final String nonce;
        final String text;

        Script(TrackingScript renderer, String nonce, String text) {
            this.renderer = renderer;
            this.nonce = nonce;
            this.text = text;
        }
    }

    private static final class Entry {
        final Object state;
        final Calls calls;
        final long createdNanos;

        Entry(Object state, Calls calls, long createdNanos) {
            this.state = state;
            this.calls = calls;
            this.createdNanos = createdNanos;
        }
    }
}
