package dev.kaizen.core.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import java.util.List;
import org.pf4j.Extension;

/**
 * A test method, {@code decorated-rollouts-test}, with one stage {@code final}: it rolls out the first
 * training tasks with the recipe's policy through the host's rollouts ({@code plain}), then twice with
 * a decorator of its own around that policy ({@code decorated-1}, {@code decorated-2}), writes all
 * three as trajectories, and evaluates. A rollout backend cannot rebuild the decorator.
 */
@Extension
public final class DecoratedRolloutsMethodFactory implements TrainingMethodFactory<DecoratedRolloutsMethodConfig> {

    @Override
    public String name() {
        return "decorated-rollouts-test";
    }

    @Override
    public Class<DecoratedRolloutsMethodConfig> configType() {
        return DecoratedRolloutsMethodConfig.class;
    }

    @Override
    public TrainingMethod create(DecoratedRolloutsMethodConfig config, ComponentContext context) {
        return method -> run(config, method);
    }

    private static void run(DecoratedRolloutsMethodConfig config, MethodContext context) throws Exception {
        context.stage("final", () -> {
            List<Task> train = context.environment().tasks(Split.TRAIN);
            List<Task> tasks = train.subList(0, Math.min(config.tasks(), train.size()));
            Sampling sampling = new Sampling(1, 1.0, context.seed("decorated"));
            Policy policy = context.policy();
            Policy decorated = new Policy() {
                @Override
                public List<Decision> decide(List<AgentContext> contexts, Sampling given) {
                    return policy.decide(contexts, given);
                }
            };
            context.writeTrajectories("plain", context.rollouts().run(new RolloutRequest(context.environment(),
                    tasks, policy, sampling, "plain")));
            for (String label : List.of("decorated-1", "decorated-2")) {
                context.writeTrajectories(label, context.rollouts().run(new RolloutRequest(context.environment(),
                        tasks, decorated, sampling, label)));
            }
            context.evaluate("final", policy);
        });
    }
}
