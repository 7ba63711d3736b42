package dev.kaizen.djl.text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache of {@link TextProfile}s keyed by text: instructions, product titles and option
 * names recur across steps and episodes, so each is analysed once. When full the cache is cleared
 * (results never depend on what is cached). Thread-safe.
 */
public final class TextProfiles {

    private final ConcurrentHashMap<String, TextProfile> cache = new ConcurrentHashMap<>();
    private final int capacity;

    /** A cache holding at most {@code capacity} texts. */
    public TextProfiles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The profile of {@code text}. */
    public TextProfile of(String text) {
        TextProfile profile = cache.get(text);
        if (profile != null) {
            return profile;
        }
        if (cache.size() >= capacity) {
            cache.clear();
        }
        profile = TextProfile.analyse(text);
        cache.putIfAbsent(text, profile);
        return profile;
    }
}
