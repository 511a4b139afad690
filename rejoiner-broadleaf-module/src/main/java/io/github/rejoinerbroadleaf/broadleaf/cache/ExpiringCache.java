package io.github.rejoinerbroadleaf.broadleaf.cache;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A bounded in-memory cache whose entries live for a fixed time: the product facts of the
 * order mapping ({@code ProductFacts}) and the storefront tracker's rendered calls. When {@code maxEntries} is
 * reached, expired entries are dropped, and everything if that is not enough (simple, and rare).
 * Off (keeps nothing) when either bound is zero or negative. Thread-safe.
 */
public final class ExpiringCache<K, V> {

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<K, Entry<V>>();

    public ExpiringCache(int maxEntries, long ttlMillis) {
        this(maxEntries, ttlMillis, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests move it) */
    public ExpiringCache(int maxEntries, long ttlMillis, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    public boolean isEnabled() {
        return maxEntries > 0 && ttlNanos > 0;
    }

    /** The value stored for {@code key} if it is still fresh (at most the time limit old), else null. */
    public V get(K key) {
        if (!isEnabled()) {
            return null;
        }
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.createdNanos > ttlNanos) {
            entries.remove(key, e);
            return null;
        }
        return e.value;
    }

    public void put(K key, V value) {
        if (!isEnabled()) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            makeRoom(now);
        }
        entries.put(key, new Entry<V>(value, now));
    }

    private void makeRoom(long now) {
        for (Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue().createdNanos > ttlNanos) {
                it.remove();
            }
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    public int size() {
        return entries.size();
    }

    private static final class Entry<V> {
        final V value;
        final long createdNanos;

        Entry(V value, long createdNanos) {
            this.value = value;
            this.createdNanos = createdNanos;
        }
    }
}
