package dev.kaizen.api.testing;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationRequest;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.StageBody;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method context for tests: runs every stage, evaluates greedily (or with the requested search)
 * on {@code seen} and {@code unseen}, and keeps written trajectories, pairs and evaluations in
 * memory. No checkpoints, no resume, no confidence intervals (reported as the rate itself).
 */
public class FakeMethodContext extends FakeComponentContext implements MethodContext {

    private final Environment environment;
    private final Policy policy;
    private final List<String> stages = new ArrayList<>();
    private final List<EvaluationResult> evaluations = new ArrayList<>();
    private final Map<String, List<Trajectory>> trajectories = new LinkedHashMap<>();
    private final Map<String, List<PreferencePair>> pairs = new LinkedHashMap<>();
    private final Map<String, Checkpointable> persisted = new LinkedHashMap<>();
    private int evaluationEpisodes = Integer.MAX_VALUE;

    public FakeMethodContext(long seed, Path runDirectory, Environment environment, Policy policy) {
        super(seed, runDirectory);
        this.environment = environment;
        this.policy = policy;
    }

    /** Caps the episodes per split in evaluations. */
    public FakeMethodContext evaluationEpisodes(int episodes) {
        this.evaluationEpisodes = episodes;
        return this;
    }

    public List<String> stages() {
        return List.copyOf(stages);
    }

    public List<EvaluationResult> evaluations() {
        return List.copyOf(evaluations);
    }

    public Map<String, List<Trajectory>> trajectories() {
        return trajectories;
    }

    public Map<String, List<PreferencePair>> pairs() {
        return pairs;
    }

    public Map<String, Checkpointable> persisted() {
        return persisted;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public void stage(String name, StageBody body) throws Exception {
        if (stages.contains(name)) {
            throw new IllegalArgumentException("stage '" + name + "' already ran");
        }
        stages.add(name);
        body.run();
    }

    @Override
    public void persist(String name, Checkpointable state) {
        persisted.put(name, state);
    }

    @Override
    public List<EvaluationResult> evaluate(String stage, Policy evaluated) {
        return evaluate(new EvaluationRequest(stage, evaluated, null, null, null));
    }

    @Override
    public List<EvaluationResult> evaluate(EvaluationRequest request) {
        List<EvaluationResult> results = new ArrayList<>();
        for (Split split : List.of(Split.SEEN, Split.UNSEEN)) {
            List<Task> tasks = environment.tasks(split);
            tasks = tasks.subList(0, Math.min(tasks.size(), evaluationEpisodes));
            List<Trajectory> done;
            if (request.search() == null) {
                done = rollouts().run(new RolloutRequest(environment, tasks, request.policy(), Sampling.greedy(),
                        "eval/" + split));
            } else {
                Critic critic = request.critic() != null ? request.critic() : (contexts, candidates) ->
                        candidates.stream().map(c -> new double[c.size()]).toList();
                done = request.search().search(new SearchProblem(environment, tasks, request.policy(), critic,
                        seed("eval/" + split), "eval/" + split)).stream().map(r -> r.trajectory()).toList();
            }
            double success = done.stream().filter(Trajectory::success).count() / (double) Math.max(1, done.size());
            double reward = done.stream().mapToDouble(Trajectory::reward).average().orElse(0);
            EvaluationResult result = new EvaluationResult(request.stage(), split,
                    request.searchName() == null ? "greedy" : request.searchName(), done.size(), success, reward,
                    List.of(success, success));
            results.add(result);
        }
        evaluations.addAll(results);
        return results;
    }

    @Override
    public void writeTrajectories(String name, List<Trajectory> written) {
        trajectories.computeIfAbsent(name, k -> new ArrayList<>()).addAll(written);
    }

    @Override
    public void writePairs(String name, List<PreferencePair> written) {
        pairs.computeIfAbsent(name, k -> new ArrayList<>()).addAll(written);
    }
}
