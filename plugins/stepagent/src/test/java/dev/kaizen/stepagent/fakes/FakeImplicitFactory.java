package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reward model {@code implicit} for tests: keeps the fitted policy and reference and rewards each
 * step with {@code β·(log π(a|h) − log π_ref(a|h))}.
 */
public final class FakeImplicitFactory implements RewardModelFactory<FakeImplicitConfig> {

    @Override
    public String name() {
        return "implicit";
    }

    @Override
    public Class<FakeImplicitConfig> configType() {
        return FakeImplicitConfig.class;
    }

    @Override
    public RewardModel create(FakeImplicitConfig config, ComponentContext context) {
        return new RewardModel() {
            private TrainablePolicy policy;
            private TrainablePolicy reference;

            @Override
            public boolean learns() {
                return true;
            }

            @Override
            public Map<String, Double> fit(RewardFitData data) {
                policy = data.policy();
                reference = data.reference();
                return Map.of();
            }

            @Override
            public List<double[]> stepRewards(List<Trajectory> trajectories) {
                List<double[]> out = new ArrayList<>();
                for (Trajectory trajectory : trajectories) {
                    List<AgentContext> contexts = new ArrayList<>();
                    for (int t = 0; t < trajectory.length(); t++) {
                        contexts.add(trajectory.contextAt(t));
                    }
                    var actions = trajectory.steps().stream().map(s -> s.action()).toList();
                    double[] now = policy.logProbabilities(contexts, actions);
                    double[] then = reference.logProbabilities(contexts, actions);
                    double[] rewards = new double[now.length];
                    for (int t = 0; t < rewards.length; t++) {
                        rewards[t] = config.beta() * (now[t] - then[t]);
                    }
                    out.add(rewards);
                }
                return out;
            }
        };
    }
}
