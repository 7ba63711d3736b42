package dev.kaizen.llm.trainer;

import java.nio.file.Path;
import java.util.List;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.llm.policy.LlmPolicyFactory;
import org.pf4j.Extension;

/** Registers {@link TrlOptimizer}. */
@Extension
public final class TrlOptimizerFactory implements OptimizerFactory<TrlOptimizerConfig> {

    @Override
    public String name() {
        return "trl";
    }

    @Override
    public Class<TrlOptimizerConfig> configType() {
        return TrlOptimizerConfig.class;
    }

    @Override
    public Optimizer create(TrlOptimizerConfig config, ComponentContext context) {
        String home = System.getenv("KAIZEN_HOME");
        return new TrlOptimizer(config, context.runDirectory(), context.metrics(), name(),
                new LlmPolicyFactory().name(), home == null || home.isBlank() ? null : Path.of(home, "trainers"));
    }

    @Override
    public List<Requirement> requirements(TrlOptimizerConfig config) {
        return List.of(Requirement.policy(Requirement.CHAT_MODEL,
                "it retrains the served model and points the policy at the new weights"));
    }

    @Override
    public String description() {
        return "writes the iteration's data, runs an external trainer (TRL, LLaMA-Factory, ...) and points the LLM "
                + "policy at the new model";
    }
}
