package org.drugstats.spark;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from a global seed and a stable id, so that the random numbers used for one series (or one
 * block of generated rows) depend only on that id and the global seed, never on partitioning, task order or
 * the number of executors.
 *
 * <p>seed(global, id) = SplitMix64 finaliser of (global XOR FNV-1a-64(UTF-8 bytes of id)); seed(global, a, b) =
 * the finaliser applied to (global XOR a·φ) and then to (that XOR b·φ), φ = 0x9E3779B97F4A7C15 (the golden
 * ratio increment of SplitMix64; Steele, Lea and Flood 2014, doi:10.1145/2714064.2660195).
 */
public final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of the item {@code id} under the global seed. */
    public static long of(long global, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(global ^ h);
    }

    /** The seed of the item with integer coordinates (a, b) under the global seed. */
    public static long of(long global, long a, long b) {
        return mix(mix(global ^ (a * GOLDEN)) ^ (b * GOLDEN));
    }

    /** The SplitMix64 finaliser (a bijection of 64-bit values with good avalanche). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
