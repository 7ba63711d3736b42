package dev.kaizen.djl.training;

import dev.kaizen.api.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Shuffled minibatches of indices, one seed per epoch derived from the call's seed. */
public final class Minibatches {

    private Minibatches() {
    }

    /** The minibatches of epoch {@code epoch} over {@code count} items. */
    public static List<int[]> of(int count, int batchSize, long seed, int epoch) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, epoch));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < count; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(count, start + batchSize)));
        }
        return batches;
    }
}
