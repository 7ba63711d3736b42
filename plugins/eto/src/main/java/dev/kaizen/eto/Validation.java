package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy evaluation on held-out training tasks: the {@code count} tasks of the {@code train} split
 * that follow the demonstrated ones. They come from the training distribution but were neither
 * demonstrated nor explored, so the method's settings can be chosen on them without looking at the
 * {@code seen} and {@code unseen} evaluations. Every stage uses the same episode seed.
 */
final class Validation {

    private final int count;
    private final int demonstrations;
    private final String event;

    /**
     * @param count held-out tasks, 0 for none
     * @param demonstrations the recipe's {@code demonstrations} (the demonstrated tasks come first)
     * @param method the method's name, for the metric event {@code <method>-validation}
     */
    Validation(int count, int demonstrations, String method) {
        this.count = count;
        this.demonstrations = demonstrations;
        this.event = method + "-validation";
    }

    /** The held-out tasks. */
    List<Task> tasks(Environment environment) {
        List<Task> train = environment.tasks(Split.TRAIN);
        int from = Math.min(demonstrations, train.size());
        if (from + count > train.size()) {
            throw new IllegalArgumentException("method.validationTasks is " + count + " but only "
                    + (train.size() - from) + " train tasks follow the " + from + " demonstrated ones; set"
                    + " method.validationTasks to at most " + (train.size() - from) + " or lower method.demonstrations");
        }
        return train.subList(from, from + count);
    }

    /** Runs the held-out tasks greedily and records the {@code <method>-validation} event; nothing if off. */
    void run(MethodContext context, Policy policy, String stage, int iteration) {
        if (count == 0) {
            return;
        }
        List<Trajectory> done = context.rollouts().run(new RolloutRequest(context.environment(),
                tasks(context.environment()), policy, new Sampling(1, 0.0, context.seed("validation")),
                stage + "/validation"));
        long successes = done.stream().filter(Trajectory::success).count();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("iteration", iteration);
        fields.put("episodes", done.size());
        fields.put("successRate", successes / (double) done.size());
        fields.put("meanReward", done.stream().mapToDouble(Trajectory::reward).average().orElse(0));
        double[] interval = wilson(successes, done.size());
        fields.put("successLow", interval[0]);
        fields.put("successHigh", interval[1]);
        context.metrics().record(event, fields);
    }

    /** The Wilson 95% interval of {@code successes} out of {@code n}. */
    static double[] wilson(long successes, int n) {
        double z = 1.959963984540054;
        double p = successes / (double) n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
