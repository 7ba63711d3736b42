package dev.kaizen.agentq.method;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Registers the AgentQ method as {@code agentq}. */
@Extension
public final class AgentQFactory implements TrainingMethodFactory<AgentQConfig> {

    @Override
    public String name() {
        return "agentq";
    }

    @Override
    public Class<AgentQConfig> configType() {
        return AgentQConfig.class;
    }

    @Override
    public TrainingMethod create(AgentQConfig config, ComponentContext context) {
        boolean warmsUp = config.checkpoint() == null && config.demonstrations() > 0;
        OptimizerConfig warmup = config.warmupOptimizer() != null || !warmsUp ? config.warmupOptimizer()
                : context.config(OptimizerConfig.class, Map.of("type", "bc"));
        OptimizerConfig optimizer = config.optimizer() != null ? config.optimizer()
                : context.config(OptimizerConfig.class, Map.of("type", "dpo"));
        Schedule schedule = new Schedule("method.schedule", config.schedule());
        List<OptimizerConfig> byIteration = new ArrayList<>();
        for (int i = 1; i <= config.iterations(); i++) {
            try {
                byIteration.add(schedule.isEmpty() ? optimizer : context.override(optimizer, schedule.at(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method.schedule does not fit method.optimizer in iteration " + i
                        + ": " + e.getMessage(), e);
            }
        }
        return new AgentQMethod(config, warmup, byIteration);
    }

    @Override
    public String description() {
        return "AgentQ: MCTS with a critic on training tasks, step-level pairs from the trees, DPO; MCTS at inference";
    }
}
