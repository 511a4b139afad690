package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CommandCacheTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final CommandCache cache = new CommandCache(2, 60_000, now::get);
    private final List<TrackingCommand> calls = List.of(TrackingCommand.removeCartItem("6"), TrackingCommand.startNewOrder());

    @Test
    void theStoredCallsComeBackForTheSameState() {
        CommandCache.Calls stored = cache.put(50L, "state-1", calls);
        assertSame(stored, cache.get(50L, "state-1"));
    }

    @Test
    void storedCallsRenderAsTheOriginals() {
        assertEquals(TrackingScript.commandsJson(calls), TrackingScript.commandsJson(cache.put(50L, "state-1", calls).commands()));
    }

    @Test
    void anotherStateIsAMiss() {
        cache.put(50L, "state-1", calls);
        assertNull(cache.get(50L, "state-2"));
    }

    @Test
    void anotherKeyIsAMiss() {
        cache.put(50L, "state-1", calls);
        assertNull(cache.get(51L, "state-1"));
    }

    @Test
    void entriesExpireAfterTheirTime() {
        cache.put(50L, "state-1", calls);
        now.addAndGet(60 * SECOND);
        assertEquals(calls.size(), cache.get(50L, "state-1").commands().size(), "still fresh at exactly 60 s");
        now.addAndGet(1);
        assertNull(cache.get(50L, "state-1"));
        assertEquals(0, cache.size());
    }

    @Test
    void whenFullExpiredEntriesMakeRoomFirst() {
        cache.put(50L, "old", calls);
        now.addAndGet(30 * SECOND);
        cache.put(51L, "newer", calls);
        now.addAndGet(31 * SECOND);
        cache.put(52L, "newest", calls);
        assertNull(cache.get(50L, "old"));
        assertEquals(2, cache.size());
        assertEquals(calls.size(), cache.get(51L, "newer").commands().size());
    }

    @Test
    void whenFullOfFreshEntriesTheCacheStartsOver() {
        cache.put(50L, "a", calls);
        cache.put(51L, "b", calls);
        cache.put(52L, "c", calls);
        assertEquals(1, cache.size());
        assertEquals(calls.size(), cache.get(52L, "c").commands().size());
    }

    @Test
    void replacingAnEntryDoesNotCountAsGrowth() {
        cache.put(50L, "a", calls);
        cache.put(51L, "b", calls);
        cache.put(51L, "b2", calls);
        assertEquals(2, cache.size());
    }

    @Test
    void aZeroTimeKeepsNothing() {
        CommandCache off = new CommandCache(100, 0, now::get);
        off.put(50L, "a", calls);
        assertNull(off.get(50L, "a"));
        assertEquals(0, off.size());
    }

    private static final TrackingScript SCRIPT = TrackingScript.builder().siteId("site-1").build();

    @Test
    void theScriptOfAPageWithOnlyTheseCallsIsRenderedOnce() {
        CommandCache.Calls stored = cache.put(50L, "state-1", calls);
        String script = stored.scriptAlone(SCRIPT, null);
        assertEquals(SCRIPT.render(calls), script);
        assertSame(script, stored.scriptAlone(SCRIPT, null));
    }

    @Test
    void aScriptWithANonceCarriesThatNonce() {
        CommandCache.Calls stored = cache.put(50L, "state-1", calls);
        stored.scriptAlone(SCRIPT, null);
        assertEquals(SCRIPT.render(calls, "bm9uY2U="), stored.scriptAlone(SCRIPT, "bm9uY2U="));
    }

    @Test
    void anotherRendererRendersAfresh() {
        CommandCache.Calls stored = cache.put(50L, "state-1", calls);
        stored.scriptAlone(SCRIPT, null);
        TrackingScript other = TrackingScript.builder().siteId("site-2").build();
        assertEquals(other.render(calls), stored.scriptAlone(other, null));
    }
}
