package io.github.rejoinerbroadleaf.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} events, in memory. Ids grow from 1 and are never reused, also not
 * after {@link #clear()}, so {@code ?since=<id>} stays meaningful. Thread-safe.
 */
final class EventStore {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<SandboxEvent> events;
    private long lastId;

    EventStore(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
        this.events = new ArrayDeque<SandboxEvent>(Math.min(capacity, 1024));
    }

    synchronized SandboxEvent add(SandboxEvent.Builder builder) {
        SandboxEvent event = builder.build(++lastId, clock.instant());
        events.addLast(event);
        while (events.size() > capacity) {
            events.removeFirst();
        }
        return event;
    }

    /** Events with an id above {@code sinceId}, newest first. */
    synchronized List<SandboxEvent> newestFirst(long sinceId) {
        List<SandboxEvent> result = new ArrayList<SandboxEvent>();
        Iterator<SandboxEvent> it = events.descendingIterator();
        while (it.hasNext()) {
            SandboxEvent e = it.next();
            if (e.id <= sinceId) {
                break;
            }
            result.add(e);
        }
        return result;
    }

    synchronized long lastId() {
        return lastId;
    }

    synchronized int size() {
        return events.size();
    }

    int capacity() {
        return capacity;
    }

    synchronized void clear() {
        events.clear();
    }
}
