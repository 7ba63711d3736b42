package dev.kaizen.agentgym.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The instances a fake server holds, numbered from 0 as the Python servers number them. Thread-safe. */
final class Instances<G> {

    private final Map<Long, G> live = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    /** A new instance holding {@code game}; returns its id. */
    long create(G game) {
        long id = next.getAndIncrement();
        live.put(id, game);
        created.incrementAndGet();
        return id;
    }

    G get(long id) {
        return live.get(id);
    }

    void put(long id, G game) {
        live.put(id, game);
    }

    boolean contains(long id) {
        return live.containsKey(id);
    }

    /** Removes an instance through the family's close request; false if there was none. */
    boolean close(long id) {
        boolean existed = live.remove(id) != null;
        if (existed) {
            closed.incrementAndGet();
        }
        return existed;
    }

    int live() {
        return live.size();
    }

    int created() {
        return created.get();
    }

    int closed() {
        return closed.get();
    }

    /** Ids handed out so far. */
    long issued() {
        return next.get();
    }
}
