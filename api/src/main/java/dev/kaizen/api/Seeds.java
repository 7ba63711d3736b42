package dev.kaizen.api;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic seed derivation: child seeds from a parent seed and names or numbers, so that
 * every random stream in a run follows from the recipe's one seed.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for the stream {@code name} under {@code seed}; stable across JVMs and platforms. */
    public static long derive(long seed, String name) {
        long h = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xffL));
        }
        return mix(h ^ name.length());
    }

    /** A seed for the stream numbered {@code index} under {@code seed}. */
    public static long derive(long seed, long index) {
        return mix(mix(seed) ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** The SplitMix64 finaliser: a bijective, well-spread mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
