package dev.kaizen.stepagent.bench;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.stepagent.inspection.Agreement;
import dev.kaizen.stepagent.inspection.InspectionResult;
import dev.kaizen.stepagent.inspection.Inspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code kaizen bench inspection}: how many expert prefixes per second a policy decides during
 * StepAgent's inspection. Builds the environment and policy by type name with their defaults
 * (optionally loading a policy checkpoint), gathers the expert demonstrations of the first training
 * tasks, runs one untimed pass and then {@code --repeats} timed passes over all their prefixes.
 *
 * <p>Options: {@code --environment} (default {@code shop}), {@code --policy} (default
 * {@code djl-scorer}), {@code --checkpoint} (a policy checkpoint directory), {@code --demonstrations}
 * (default 200), {@code --batch-size} (default 256), {@code --temperature} (default 1.0),
 * {@code --repeats} (default 3).
 */
@Extension
public final class InspectionBenchmark implements Benchmark {

    @Override
    public String name() {
        return "inspection";
    }

    @Override
    public String description() {
        return "StepAgent inspection throughput: expert prefixes decided per second "
                + "[--environment=shop --policy=djl-scorer --checkpoint=DIR --demonstrations=200 --batch-size=256 "
                + "--temperature=1.0 --repeats=3]";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception {
        String environmentType = request.option("environment", "shop");
        String policyType = request.option("policy", "djl-scorer");
        String checkpoint = request.option("checkpoint", null);
        int demonstrations = positive(request, "demonstrations", 200);
        int batchSize = positive(request, "batch-size", 256);
        int repeats = positive(request, "repeats", 3);
        double temperature = temperature(request);

        try (Environment environment = context.create(context.config(EnvironmentConfig.class,
                Map.of("type", environmentType)));
             Policy policy = context.create(context.config(PolicyConfig.class, Map.of("type", policyType)))) {
            if (checkpoint != null) {
                if (!(policy instanceof Checkpointable checkpointable)) {
                    throw new IllegalArgumentException("--checkpoint given, but policy '" + policyType
                            + "' has no checkpoints");
                }
                if (!Files.isDirectory(Path.of(checkpoint))) {
                    throw new IllegalArgumentException("--checkpoint: '" + checkpoint + "' is not a directory");
                }
                checkpointable.load(Path.of(checkpoint));
            }
            List<Task> train = environment.tasks(Split.TRAIN);
            List<Trajectory> experts = new ArrayList<>();
            for (Task task : train.subList(0, Math.min(demonstrations, train.size()))) {
                environment.demonstration(task).filter(t -> t.length() > 0).ifPresent(experts::add);
            }
            if (experts.isEmpty()) {
                throw new IllegalArgumentException("environment '" + environmentType
                        + "' gave no expert demonstrations; inspection needs them");
            }
            Inspector inspector = new Inspector(batchSize, Agreement.NORMALIZED);
            Sampling sampling = new Sampling(1, temperature, context.seed("bench/inspection"));
            InspectionResult warm = inspector.inspect(policy, experts, sampling);
            double[] rates = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                rates[i] = inspector.inspect(policy, experts, sampling).prefixesPerSecond();
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("environment", environmentType);
            figures.put("policy", policyType);
            figures.put("demonstrations", experts.size());
            figures.put("prefixes", warm.prefixes());
            figures.put("batchSize", batchSize);
            figures.put("temperature", temperature);
            figures.put("agreementRate", warm.agreementRate());
            figures.put("prefixesPerSecondMedian", sorted[repeats / 2]);
            figures.put("prefixesPerSecondMin", sorted[0]);
            figures.put("prefixesPerSecondMax", sorted[repeats - 1]);
            figures.put("prefixesPerSecondRuns", Arrays.stream(rates).boxed().toList());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            return figures;
        }
    }

    private static int positive(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static double temperature(BenchmarkRequest request) {
        String text = request.option("temperature", "1.0");
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--temperature must be a number >= 0, got '" + text + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--temperature must be a number >= 0, got '" + text + "'");
        }
        return value;
    }
}
