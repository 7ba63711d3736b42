package dev.kaizen.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.kaizen.djl.engine.DjlRuntime;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Gradient steps on a set of parameters with DJL's AdamW. Create one per training call inside an
 * {@code NDScope} (the optimiser's moment estimates live in it and are freed with it) and inside
 * {@link DjlRuntime}. Not thread-safe.
 */
public final class GradientSteps {

    /**
     * PyTorch's engine lets one gradient collector collect at a time per JVM; runs that train at
     * once in one JVM (a sweep's cells) take turns, step by step. What each step computes does not
     * change.
     */
    private static final ReentrantLock COLLECTING = new ReentrantLock();

    private final Map<String, NDArray> parameters;
    private final Optimizer optimizer;

    public GradientSteps(Map<String, NDArray> parameters, double learningRate, double weightDecay, double gradientClip) {
        this.parameters = parameters;
        var builder = Optimizer.adamW().optLearningRateTracker(Tracker.fixed((float) learningRate))
                .optWeightDecays((float) weightDecay);
        if (gradientClip > 0) {
            builder.optClipGrad((float) gradientClip);
        }
        this.optimizer = builder.build();
    }

    /**
     * One step: computes the loss (a scalar) under a gradient collector, back-propagates, updates
     * every parameter. Arrays the loss function creates are freed before returning.
     *
     * @param loss builds the loss from a fresh manager; may record extra figures in its own state
     * @return the loss value
     */
    public float step(Function<NDManager, NDArray> loss) {
        float value;
        COLLECTING.lock(); // held until the update: a new collector zeroes every gradient in the JVM
        try {
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager();
                 GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                scope.suppressNotUsedWarning();
                NDArray result = loss.apply(manager);
                collector.backward(result);
                value = result.getFloat();
            }
            if (!Float.isFinite(value)) {
                throw new IllegalStateException("the loss became " + value + "; lower the learning rate");
            }
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                try (NDArray gradient = entry.getValue().getGradient()) {
                    optimizer.update(entry.getKey(), entry.getValue(), gradient);
                }
            }
        } finally {
            COLLECTING.unlock();
        }
        return value;
    }
}
