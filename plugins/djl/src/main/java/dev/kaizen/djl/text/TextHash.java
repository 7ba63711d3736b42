package dev.kaizen.djl.text;

import dev.kaizen.api.Seeds;

/**
 * Stable 64-bit hashes of strings (FNV-1a over UTF-16 units, then a SplitMix64 finaliser), the same
 * on every JVM; used for feature hashing into embedding buckets and for trigram fingerprints.
 */
public final class TextHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextHash() {
    }

    /** The hash of {@code text} in namespace {@code namespace}. */
    public static long of(String namespace, CharSequence text) {
        return finish(add(begin(namespace), text));
    }

    /**
     * The running state of {@link #of} after {@code namespace}: {@code finish(add(add(begin(ns), a), b))}
     * equals {@code of(ns, a + b)} without building the concatenation.
     */
    public static long begin(String namespace) {
        long h = FNV_OFFSET;
        for (int i = 0; i < namespace.length(); i++) {
            h = (h ^ namespace.charAt(i)) * FNV_PRIME;
        }
        return (h ^ 0x1f) * FNV_PRIME;
    }

    /** The running state {@code h} continued with {@code text}. */
    public static long add(long h, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** The running state {@code h} continued with {@code c}. */
    public static long add(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** The hash of a running state: what {@link #of} returns for the text added to it. */
    public static long finish(long h) {
        return Seeds.mix(h);
    }

    /** A bucket in {@code [1, buckets)} for a hash; bucket 0 is reserved for padding. */
    public static int bucket(long hash, int buckets) {
        return 1 + (int) Math.floorMod(hash, (long) (buckets - 1));
    }
}
