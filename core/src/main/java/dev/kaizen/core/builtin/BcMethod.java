package dev.kaizen.core.builtin;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Behaviour cloning: stage {@code untrained} (optional) evaluates the untrained policy; stage
 * {@code bc} collects the expert's demonstrations of the first N training tasks (written to
 * {@code trajectories/demonstrations.jsonl}) and trains the policy on them; stage {@code final}
 * evaluates.
 */
final class BcMethod implements TrainingMethod {

    private final BcMethodConfig config;

    BcMethod(BcMethodConfig config) {
        this.config = config;
    }

    @Override
    public void run(MethodContext context) throws Exception {
        if (config.evaluateBaseline()) {
            context.stage("untrained", () -> context.evaluate("untrained", context.policy()));
        }
        context.stage("bc", () -> {
            int count = context.capped("method.demonstrations", config.demonstrations(),
                    context.environment().tasks(Split.TRAIN).size(), "training tasks");
            List<Trajectory> demonstrations = demonstrations(context.environment(), count);
            context.writeTrajectories("demonstrations", demonstrations);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("tasks", demonstrations.size());
            counts.put("steps", demonstrations.stream().mapToInt(Trajectory::length).sum());
            context.metrics().record("demonstrations", counts);
            try (Optimizer optimizer = context.create(config.optimizer())) {
                TrainingReport report = optimizer.train(context.policy(),
                        TrainingBatch.ofTrajectories(demonstrations, context.seed("bc/train"), "bc"));
                record(context, "bc", report);
            }
        });
        context.stage("final", () -> context.evaluate("final", context.policy()));
    }

    static List<Trajectory> demonstrations(Environment environment, int count) {
        List<Task> tasks = environment.tasks(Split.TRAIN);
        List<Trajectory> out = new ArrayList<>();
        for (Task task : tasks.subList(0, Math.min(count, tasks.size()))) {
            Optional<Trajectory> demonstration = environment.demonstration(task);
            demonstration.ifPresent(out::add);
        }
        if (out.isEmpty()) {
            throw new IncompatiblePartsException("method 'bc' needs expert demonstrations, but the environment "
                    + environment.getClass().getSimpleName() + " gave none for its first "
                    + Math.min(count, tasks.size()) + " training tasks; use an environment with an expert");
        }
        return out;
    }

    /** Records a training report as a {@code train} event and one {@code train-epoch} event per epoch. */
    static void record(MethodContext context, String label, TrainingReport report) {
        for (int i = 0; i < report.epochs().size(); i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("label", label);
            fields.put("epoch", i + 1);
            fields.putAll(report.epochs().get(i));
            context.metrics().record("train-epoch", fields);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", label);
        fields.putAll(report.metrics());
        context.metrics().record("train", fields);
    }
}
