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
        long h = FNV_OFFSET;
        for (int i = 0; i < namespace.length(); i++) {
            h = (h ^ namespace.charAt(i)) * FNV_PRIME;
        }
        h = (h ^ 0x1f) * FNV_PRIME;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return Seeds.mix(h);
    }

    /** A bucket in {@code [1, buckets)} for a hash; bucket 0 is reserved for padding. */
    public static int bucket(long hash, int buckets) {
        return 1 + (int) Math.floorMod(hash, (long) (buckets - 1));
    }
}
