package dev.kaizen.stepagent;

import java.util.List;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.reward.RewardModelConfig;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Registers {@link StepAgentMethod} as training method {@code stepagent}. Fills the parts the
 * config leaves out with their default types (built through the host, so their own defaults
 * apply) and checks the optimiser schedule against the optimiser's fields before anything runs.
 */
@Extension
public final class StepAgentFactory implements TrainingMethodFactory<StepAgentConfig> {

    @Override
    public String name() {
        return "stepagent";
    }

    @Override
    public Class<StepAgentConfig> configType() {
        return StepAgentConfig.class;
    }

    @Override
    public TrainingMethod create(StepAgentConfig config, ComponentContext context) {
        OptimizerConfig warmup = config.checkpoint() != null ? null
                : config.warmup() != null ? config.warmup()
                : byDefault(context, OptimizerConfig.class, "warmup", "bc");
        OptimizerConfig optimizer = config.optimizer() != null ? config.optimizer()
                : byDefault(context, OptimizerConfig.class, "optimizer",
                        StepAgentConfig.defaultOptimizer(config.reflection()));
        RewardModelConfig reward = config.reflection() != Reflection.INVERSE ? null
                : config.reward() != null ? config.reward()
                : byDefault(context, RewardModelConfig.class, "reward", "discriminator");
        for (int i = 0; i < config.optimizerSchedule().size(); i++) {
            try {
                context.override(optimizer, config.optimizerSchedule().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method.optimizerSchedule[" + i + "] does not fit the optimizer: "
                        + e.getMessage(), e);
            }
        }
        return new StepAgentMethod(config, warmup, optimizer, reward);
    }

    private static <C extends ComponentConfig<?>> C byDefault(ComponentContext context, Class<C> kind, String field,
                                                              String type) {
        try {
            return context.config(kind, Map.of("type", type));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method." + field + " is left out and its default {type: " + type
                    + "} is not available: " + e.getMessage() + "; name one in the recipe", e);
        }
    }

    @Override
    public List<Requirement> requirements(StepAgentConfig config) {
        if (config.reflection() == Reflection.INVERSE || config.restart()) {
            return List.of(Requirement.policy(Requirement.TRAINABLE, config.reflection() == Reflection.INVERSE
                    ? "reflection: inverse scores steps with the policy's log-probabilities and trains it with PPO "
                            + "on relabelled rollouts; with another policy use reflection: implicit"
                    : "restart: true keeps a frozen copy of the baseline policy"));
        }
        // implicit: the policy only decides on the expert's prefixes; the optimiser says which policies it trains
        return List.of();
    }

    @Override
    public String description() {
        return "StepAgent: inspection of expert prefixes, then implicit (step DPO) or inverse (reward model + PPO) "
                + "reflection";
    }
}
