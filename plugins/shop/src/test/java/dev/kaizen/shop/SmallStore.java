package dev.kaizen.shop;

/** A small store for fast tests, built once per JVM and shared (the store is thread-safe and immutable). */
final class SmallStore {

    private static ShopEnvironment shared;

    private SmallStore() {
    }

    /** A small config: 600 products, 40 train, 20 seen and 20 unseen tasks. */
    static ShopConfig config(long seed) {
        return new ShopConfig(seed, 600, null, null, 40, 20, 20, null, null, null, null, null, null, null, null, null, null);
    }

    /** The shared small store (seed 1). Do not close it. */
    static synchronized ShopEnvironment get() {
        if (shared == null) {
            shared = new ShopEnvironment(config(1));
        }
        return shared;
    }
}
