package dev.kaizen.djl.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortedSetsTest {

    @Test
    void intersectionsCountTheSameWhicheverArrayIsLonger() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int shortLength = random.nextInt(0, 6);
            int longLength = random.nextInt(0, 200);
            long[] few = sortedDistinct(random, shortLength);
            long[] many = sortedDistinct(random, longLength);
            int expected = 0;
            for (long value : few) {
                expected += SortedSets.has(many, value) ? 1 : 0;
            }
            assertThat(SortedSets.common(few, many)).isEqualTo(expected);
            assertThat(SortedSets.common(many, few)).isEqualTo(expected);
            // 32-bit values held in longs, as trigram fingerprints are
            long[] fewInts = java.util.Arrays.stream(few).map(v -> (int) v).sorted().distinct().toArray();
            long[] manyInts = java.util.Arrays.stream(many).map(v -> (int) v).sorted().distinct().toArray();
            int expectedInts = 0;
            for (long value : fewInts) {
                expectedInts += java.util.Arrays.binarySearch(manyInts, value) >= 0 ? 1 : 0;
            }
            assertThat(SortedSets.common(fewInts, manyInts)).isEqualTo(expectedInts);
            assertThat(SortedSets.common(manyInts, fewInts)).isEqualTo(expectedInts);
        }
    }

    @Test
    void setsAreSortedWithoutRepeats() {
        assertThat(SortedSets.of(new long[] {5, -2, 5, 9, -2, 0})).containsExactly(-2, 0, 5, 9);
        assertThat(SortedSets.of(new long[0])).isEmpty();
    }

    /** Values from a small range (negatives included), so that arrays share some. */
    private static long[] sortedDistinct(java.util.SplittableRandom random, int length) {
        return random.longs(length, -300, 300).sorted().distinct().toArray();
    }
}
