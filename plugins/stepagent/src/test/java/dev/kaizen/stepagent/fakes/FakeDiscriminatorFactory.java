package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;

/** Reward model {@code discriminator} for tests: a {@link FakeDiscriminator}. */
public final class FakeDiscriminatorFactory implements RewardModelFactory<FakeDiscriminatorConfig> {

    private final Recorder recorder;

    public FakeDiscriminatorFactory(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "discriminator";
    }

    @Override
    public Class<FakeDiscriminatorConfig> configType() {
        return FakeDiscriminatorConfig.class;
    }

    @Override
    public RewardModel create(FakeDiscriminatorConfig config, ComponentContext context) {
        recorder.built.add(config);
        return new FakeDiscriminator(config.unknownReward(), recorder);
    }
}
