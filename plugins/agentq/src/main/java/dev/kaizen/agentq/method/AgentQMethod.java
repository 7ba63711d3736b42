package dev.kaizen.agentq.method;

import static java.util.Objects.requireNonNull;

import dev.kaizen.agentq.mcts.MctsConfig;
import dev.kaizen.agentq.pairs.StepPairExtractor;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationRequest;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * AgentQ's outer loop, in stages:
 * <ol>
 *   <li>{@code baseline}: the warm-up (behaviour cloning on expert demonstrations, as the host's
 *       {@code bc} method does it, or a checkpoint), evaluated without search and, for the ablation,
 *       with the inference search;
 *   <li>{@code iter-1}, …, {@code final}: search the iteration's training tasks, extract step-level
 *       pairs from the trees, write both, train the optimiser on the pairs (its reference is the
 *       policy as the iteration starts), evaluate without search; {@code final} (or every iteration,
 *       if configured) also with the inference search.
 * </ol>
 * Everything a stage needs is in the policy or recomputed from seeds named after the stage.
 */
final class AgentQMethod implements TrainingMethod {

    /** The seed stream and label of the warm-up training, the same as the host's {@code bc} method uses. */
    static final String BC_SEED_STREAM = "bc/train";
    static final String BC_LABEL = "bc";

    private final AgentQConfig config;
    private final OptimizerConfig warmupOptimizer;
    private final List<OptimizerConfig> optimizerByIteration;
    private final StepPairExtractor extractor;
    private final Schedule schedule;

    /**
     * @param warmupOptimizer the resolved warm-up optimiser; null when the config skips the warm-up
     * @param optimizerByIteration the resolved preference optimiser of each iteration (the schedule applied)
     */
    AgentQMethod(AgentQConfig config, OptimizerConfig warmupOptimizer, List<OptimizerConfig> optimizerByIteration) {
        this.config = requireNonNull(config, "config is null");
        this.warmupOptimizer = warmupOptimizer;
        this.optimizerByIteration = List.copyOf(optimizerByIteration);
        if (this.optimizerByIteration.size() != config.iterations()) {
            throw new IllegalArgumentException("need one optimizer config per iteration");
        }
        this.extractor = new StepPairExtractor(config.alpha(), config.theta(), config.minVisits(),
                AgentQConfig.PAIRING_BEST.equals(config.pairing()));
        this.schedule = new Schedule("method.schedule", config.schedule());
    }

    @Override
    public void run(MethodContext context) throws Exception {
        Policy policy = context.policy();
        context.stage("baseline", () -> {
            warmStart(context, policy);
            evaluate(context, "baseline", policy, config.searchBaseline());
        });
        for (int iteration = 1; iteration <= config.iterations(); iteration++) {
            int k = iteration;
            String stage = k == config.iterations() ? "final" : "iter-" + k;
            context.stage(stage, () -> iterate(context, policy, k, stage));
        }
    }

    private void warmStart(MethodContext context, Policy policy) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (config.checkpoint() != null) {
            if (!(policy instanceof Checkpointable checkpointable)) {
                throw new IncompatiblePartsException("method.checkpoint is set, but the policy "
                        + policy.getClass().getSimpleName() + " cannot load checkpoints; use a trainable policy or"
                        + " leave method.checkpoint out to start with behaviour cloning");
            }
            Path directory = Path.of(config.checkpoint());
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("method.checkpoint: no checkpoint directory at "
                        + directory.toAbsolutePath());
            }
            checkpointable.load(directory);
            fields.put("checkpoint", directory.toString());
        } else if (config.demonstrations() > 0) {
            Environment environment = context.environment();
            List<Task> train = environment.tasks(Split.TRAIN);
            List<Trajectory> demonstrations = new ArrayList<>();
            int count = context.capped("method.demonstrations", config.demonstrations(), train.size(),
                    "training tasks");
            for (Task task : train.subList(0, count)) {
                environment.demonstration(task).ifPresent(demonstrations::add);
            }
            if (demonstrations.isEmpty()) {
                throw new IllegalArgumentException("method.demonstrations is " + config.demonstrations()
                        + " but the environment has no expert demonstrations for its train tasks; set"
                        + " method.demonstrations: 0 or method.checkpoint");
            }
            context.writeTrajectories("demonstrations", demonstrations);
            TrainingReport report;
            try (Optimizer bc = context.create(requireNonNull(warmupOptimizer, "warmupOptimizer is null"))) {
                report = bc.train(policy, TrainingBatch.ofTrajectories(demonstrations,
                        context.seed(BC_SEED_STREAM), BC_LABEL));
            }
            fields.put("demonstrations", demonstrations.size());
            fields.put("steps", demonstrations.stream().mapToInt(Trajectory::length).sum());
            fields.putAll(report.metrics());
        } else {
            fields.put("demonstrations", 0);
        }
        context.metrics().record("agentq-warm-start", fields);
    }

    private void iterate(MethodContext context, Policy policy, int iteration, String stage) throws Exception {
        List<Task> tasks = tasksOf(context, iteration);
        List<SearchResult> results;
        try (Critic critic = context.create(config.critic())) {
            SearchAlgorithm search = context.create(config.search());
            results = search.search(new SearchProblem(context.environment(), tasks, policy, critic,
                    context.seed(stage + "/search"), stage + "/search"));
        }
        List<Trajectory> committed = results.stream().map(SearchResult::trajectory).toList();
        context.writeTrajectories(stage + "-explore", committed);
        List<PreferencePair> pairs = extractor.fromResults(results);
        context.writePairs(stage, pairs);
        context.metrics().record("agentq-pairs", pairStatistics(stage, iteration, results, pairs));

        if (pairs.isEmpty()) {
            context.metrics().record("agentq-train", Map.of("stage", stage, "iteration", iteration, "pairs", 0,
                    "skipped", true));
        } else {
            train(context, policy, iteration, stage, pairs);
        }
        evaluate(context, stage, policy, stage.equals("final") || config.searchEveryIteration());
    }

    private void train(MethodContext context, Policy policy, int iteration, String stage,
                       List<PreferencePair> pairs) throws Exception {
        OptimizerConfig iterationOptimizer = optimizerByIteration.get(iteration - 1);
        TrainablePolicy reference = policy instanceof TrainablePolicy trainable ? trainable.frozenCopy() : null;
        TrainingReport report;
        try (Optimizer dpo = context.create(iterationOptimizer)) {
            report = dpo.train(policy, TrainingBatch.ofPairs(pairs, context.seed(stage + "/dpo"), stage + "/dpo"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("iteration", iteration);
        fields.put("pairs", pairs.size());
        schedule.at(iteration).forEach((k, v) -> fields.put("schedule." + k, v));
        fields.putAll(report.metrics());
        context.metrics().record("agentq-train", fields);
        for (int e = 0; e < report.epochs().size(); e++) {
            Map<String, Object> epoch = new LinkedHashMap<>(report.epochs().get(e));
            epoch.put("stage", stage);
            epoch.putIfAbsent("epoch", (double) e + 1);
            context.metrics().record("agentq-train-epoch", epoch);
        }
        if (reference != null) {
            context.metrics().record("agentq-drift", drift(stage, (TrainablePolicy) policy, reference, pairs));
            reference.close();
        }
    }

    /**
     * How training moved the pairs away from the reference: the mean change of {@code log π} of the
     * chosen and of the rejected actions, and the share of pairs whose chosen action gained more
     * (or lost less) than the rejected one.
     */
    static Map<String, Object> drift(String stage, TrainablePolicy policy, TrainablePolicy reference,
                                     List<PreferencePair> pairs) {
        List<AgentContext> contexts = new ArrayList<>(pairs.size());
        List<Action> chosen = new ArrayList<>(pairs.size());
        List<Action> rejected = new ArrayList<>(pairs.size());
        for (PreferencePair pair : pairs) {
            contexts.add(pair.context());
            chosen.add(pair.chosen().get(0).action());
            rejected.add(pair.rejected().get(0).action());
        }
        double[] chosenNow = policy.logProbabilities(contexts, chosen);
        double[] chosenBefore = reference.logProbabilities(contexts, chosen);
        double[] rejectedNow = policy.logProbabilities(contexts, rejected);
        double[] rejectedBefore = reference.logProbabilities(contexts, rejected);
        double chosenShift = 0;
        double rejectedShift = 0;
        int ordered = 0;
        int preferredBefore = 0;
        int preferredAfter = 0;
        for (int i = 0; i < pairs.size(); i++) {
            double c = chosenNow[i] - chosenBefore[i];
            double r = rejectedNow[i] - rejectedBefore[i];
            chosenShift += c;
            rejectedShift += r;
            ordered += c > r ? 1 : 0;
            preferredBefore += chosenBefore[i] > rejectedBefore[i] ? 1 : 0;
            preferredAfter += chosenNow[i] > rejectedNow[i] ? 1 : 0;
        }
        int n = Math.max(1, pairs.size());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("pairs", pairs.size());
        fields.put("chosenLogProbShift", chosenShift / n);
        fields.put("rejectedLogProbShift", rejectedShift / n);
        fields.put("rewardAccuracy", ordered / (double) n);
        fields.put("chosenPreferredBefore", preferredBefore / (double) n);
        fields.put("chosenPreferredAfter", preferredAfter / (double) n);
        return fields;
    }

    private Map<String, Object> pairStatistics(String stage, int iteration, List<SearchResult> results,
                                               List<PreferencePair> pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("iteration", iteration);
        fields.put("tasks", results.size());
        fields.put("searchSuccessRate", results.stream().filter(r -> r.trajectory().success()).count()
                / (double) Math.max(1, results.size()));
        fields.put("searchMeanReward", results.stream().mapToDouble(r -> r.trajectory().reward()).average().orElse(0));
        fields.put("failed", results.stream().filter(r -> r.trajectory().error() != null).count());
        fields.put("explored", results.stream().mapToInt(r -> r.explored().size()).sum());
        fields.put("exploredSuccesses", results.stream().mapToLong(
                r -> r.explored().stream().filter(Trajectory::success).count()).sum());
        List<NodeStatistics> nodes = results.stream().flatMap(r -> r.nodes().stream()).toList();
        fields.put("nodes", nodes.size());
        fields.put("nodesWithPairs", nodes.stream().filter(n -> !extractor.pairs(n).isEmpty()).count());
        fields.put("pairs", pairs.size());
        fields.put("meanMargin", pairs.stream().mapToDouble(PreferencePair::margin).average().orElse(0));
        return fields;
    }

    private List<Task> tasksOf(MethodContext context, int iteration) {
        List<Task> train = context.environment().tasks(Split.TRAIN);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the environment has no train tasks to search");
        }
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = context.random("agentq/tasks");
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int count = Math.min(config.tasksPerIteration(), train.size());
        List<Task> tasks = new ArrayList<>(count);
        long start = (long) (iteration - 1) * config.tasksPerIteration();
        for (int j = 0; j < count; j++) {
            tasks.add(train.get(order[(int) ((start + j) % train.size())]));
        }
        return tasks;
    }

    private void evaluate(MethodContext context, String stage, Policy policy, boolean withSearch) throws Exception {
        context.evaluate(stage, policy);
        if (withSearch) {
            try (Critic critic = context.create(config.inferenceCritic())) {
                SearchAlgorithm search = context.create(config.inferenceSearch());
                context.evaluate(new EvaluationRequest(stage, policy, search, critic,
                        searchName(config.inferenceSearch())));
            }
        }
    }

    /**
     * The name results of the inference search are recorded under: {@code mcts} for MCTS, else the
     * config class's name in kebab-case without its {@code Config} suffix.
     */
    static String searchName(SearchAlgorithmConfig search) {
        if (search instanceof MctsConfig) {
            return "mcts";
        }
        String simple = search.getClass().getSimpleName().replaceAll("Config$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
