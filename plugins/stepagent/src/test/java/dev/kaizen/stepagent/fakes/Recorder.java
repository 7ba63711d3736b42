package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardFitData;
import java.util.ArrayList;
import java.util.List;

/** What the fake parts were built from and given, in call order. */
public final class Recorder {

    /** One optimiser call: which optimiser config, what batch, and a frozen copy of the policy it started from. */
    public record Training(ComponentConfig<?> config, TrainingBatch batch, TrainablePolicy start) {
    }

    public final List<Training> trainings = new ArrayList<>();
    public final List<RewardFitData> fits = new ArrayList<>();
    public final List<ComponentConfig<?>> built = new ArrayList<>();
}
