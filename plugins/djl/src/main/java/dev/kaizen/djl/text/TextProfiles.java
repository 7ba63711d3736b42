package dev.kaizen.djl.text;

/**
 * A bounded cache of {@link TextProfile}s keyed by text: instructions, product titles and option
 * names recur across steps and episodes, so each is analysed once. When full the cache is cleared
 * (results never depend on what is cached). Thread-safe.
 */
public final class TextProfiles {

    private final BoundedCache<String, TextProfile> cache;

    /** A cache holding at most {@code capacity} texts. */
    public TextProfiles(int capacity) {
        this.cache = new BoundedCache<>(capacity);
    }

    /** The profile of {@code text}. */
    public TextProfile of(String text) {
        return cache.get(text, TextProfile::analyse);
    }
}
