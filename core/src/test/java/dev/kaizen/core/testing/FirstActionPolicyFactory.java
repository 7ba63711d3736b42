package dev.kaizen.core.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyFactory;
import dev.kaizen.api.policy.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.Extension;

/**
 * Registers the test policy {@code first-action}: always the observation's first concrete action
 * (or, with {@code fill}, the first template filled with it where there is none); nothing for the
 * configured silent tasks. Not trainable, not checkpointable; counts its calls. Costs next to no
 * CPU, which makes it the policy for measuring the rollout engine and environments alone.
 */
@Extension
public final class FirstActionPolicyFactory implements PolicyFactory<FirstActionPolicyConfig> {

    @Override
    public String name() {
        return "first-action";
    }

    @Override
    public Class<FirstActionPolicyConfig> configType() {
        return FirstActionPolicyConfig.class;
    }

    @Override
    public Policy create(FirstActionPolicyConfig config, ComponentContext context) {
        return new FirstAction(config.silentTasks(), config.failAfter(), config.fill(), config.unreachableTasks());
    }

    /** The policy; {@link #batchSizes()} records the size of every decide call. */
    public static final class FirstAction implements Policy {
        private final List<String> silent;
        private final List<Integer> batchSizes = new ArrayList<>();
        private final AtomicInteger concurrent = new AtomicInteger();

        private final Integer failAfter;
        private final String fill;
        private final List<String> unreachable;

        public FirstAction(List<String> silent) {
            this(silent, null, null);
        }

        public FirstAction(List<String> silent, Integer failAfter) {
            this(silent, failAfter, null);
        }

        public FirstAction(List<String> silent, Integer failAfter, String fill) {
            this(silent, failAfter, fill, List.of());
        }

        public FirstAction(List<String> silent, Integer failAfter, String fill, List<String> unreachable) {
            this.silent = silent;
            this.failAfter = failAfter;
            this.fill = fill;
            this.unreachable = unreachable;
        }

        public List<Integer> batchSizes() {
            return batchSizes;
        }

        @Override
        public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            if (concurrent.incrementAndGet() != 1) {
                throw new IllegalStateException("decide called concurrently");
            }
            try {
                batchSizes.add(contexts.size());
                if (failAfter != null && batchSizes.size() > failAfter) {
                    throw new IllegalStateException("the policy server went away");
                }
                List<Decision> out = new ArrayList<>();
                for (AgentContext context : contexts) {
                    Observation observation = context.observation();
                    if (unreachable.contains(context.task().id())) {
                        out.add(Decision.failed("the model server failed after every retry"));
                    } else if (silent.contains(context.task().id())) {
                        out.add(new Decision(List.of()));
                    } else if (!observation.actions().isEmpty()) {
                        out.add(Decision.of(observation.actions().get(0), 0.0));
                    } else if (fill != null && !observation.templates().isEmpty()) {
                        out.add(Decision.of(Action.of(observation.templates().get(0).replace("{}", fill)), 0.0));
                    } else {
                        out.add(new Decision(List.of()));
                    }
                }
                return out;
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }
}
