package dev.kaizen.djl.config;

/**
 * Checks of the fields every trainer in this plugin has, with their limits written once. Each
 * throws {@link IllegalArgumentException} as {@link Fields} does, for the first field out of range.
 */
public final class TrainingFields {

    private TrainingFields() {
    }

    /** {@code learningRate > 0}, {@code 1 <= epochs <= 10,000}, {@code 1 <= batchSize <= 65,536}, in that order. */
    public static void schedule(double learningRate, int epochs, int batchSize) {
        Fields.positive("learningRate", learningRate);
        Fields.range("epochs", epochs, 1, 10_000);
        Fields.range("batchSize", batchSize, 1, 65_536);
    }

    /** {@code weightDecay >= 0}, {@code gradientClip >= 0}, in that order. */
    public static void regularisation(double weightDecay, double gradientClip) {
        Fields.nonNegative("weightDecay", weightDecay);
        Fields.nonNegative("gradientClip", gradientClip);
    }
}
