package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.cache.ExpiringCache;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
 * Bounded and thread-safe ({@link ExpiringCache}).
 */
final class CommandCache {

    private final ExpiringCache<Object, Entry> entries;

    /** @param nanoClock a monotonic clock in nanoseconds */
    CommandCache(int maxEntries, long ttlMillis, LongSupplier nanoClock) {
        this.entries = new ExpiringCache<Object, Entry>(maxEntries, ttlMillis, nanoClock);
    }

    /** The calls stored for {@code key} when they were built from {@code state} and are still fresh, else null. */
    Calls get(Object key, Object state) {
        Entry e = entries.get(key);
        return e != null && Objects.equals(e.state, state) ? e.calls : null;
    }

    /** Stores {@code commands} (prerendered here) as built from {@code state}; returns what was stored. */
    Calls put(Object key, Object state, List<TrackingCommand> commands) {
        List<TrackingCommand> prerendered = new ArrayList<TrackingCommand>(commands.size());
        for (TrackingCommand c : commands) {
            prerendered.add(c.prerendered());
        }
        Calls stored = new Calls(Collections.unmodifiableList(prerendered));
        entries.put(key, new Entry(state, stored));
        return stored;
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

        Entry(Object state, Calls calls) {
            this.state = state;
            this.calls = calls;
        }
    }
}
