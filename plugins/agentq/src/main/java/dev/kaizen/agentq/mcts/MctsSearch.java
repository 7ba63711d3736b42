package dev.kaizen.agentq.mcts;

import static java.util.Objects.requireNonNull;

import dev.kaizen.agentq.critic.SearchPolicyCritic;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guided Monte Carlo tree search, "MCTS at inference": at every real step of every task it runs
 * {@code simulations} simulations from the current state, then commits the best child and moves on.
 *
 * <p>A simulation selects children by UCB1 ({@link Ucb1}) down to a node that is new or not yet
 * expanded; expansion asks the policy for {@code K} distinct proposals and the critic for their
 * scores; the first visit of a child executes it; from the new node the policy rolls out to a
 * terminal state; the return {@code R} (the episode's summed reward) is backed up along the path
 * ({@link Edge#backup}). The trees of all tasks advance together, so each policy call (expansion or
 * rollout step) carries one context per task.
 *
 * <p>Randomness comes from {@link SearchProblem#seed()} only: each policy call gets a seed derived
 * from the real step, the simulation and the call's purpose; each task's episodes get a seed derived
 * from its id (as the rollout engine seeds them), so a task's tree is the same whichever other tasks
 * share the problem, and a problem cut into pieces (a rollout backend's) gives the same trees. Used
 * from one thread at a time.
 */
public final class MctsSearch implements SearchAlgorithm {

    private final MctsConfig config;
    private final ComponentContext context;
    private MctsStatistics last = MctsStatistics.NONE;

    public MctsSearch(MctsConfig config, ComponentContext context) {
        this.config = requireNonNull(config, "config is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** The statistics of the last {@link #search} call. */
    public MctsStatistics lastStatistics() {
        return last;
    }

    @Override
    public List<SearchResult> search(SearchProblem problem) {
        long started = System.nanoTime();
        long deadline = config.maxSeconds() > 0 ? started + (long) (config.maxSeconds() * 1e9) : Long.MAX_VALUE;
        Critic critic = problem.critic() instanceof SearchPolicyCritic bindable
                ? bindable.bind(problem.policy()) : problem.critic();
        Run run = new Run(problem, critic);
        List<TaskTree> trees = new ArrayList<>();
        for (int i = 0; i < problem.tasks().size(); i++) {
            TaskTree tree = new TaskTree(problem.environment(), problem.tasks().get(i),
                    Seeds.derive(problem.seed(), "episode/" + problem.tasks().get(i).id()));
            tree.start();
            trees.add(tree);
        }
        try (ProgressReporter progress = context.progress(problem.label(), trees.size())) {
            long finished = trees.stream().filter(t -> !t.active()).count();
            progress.advance(finished);
            for (int step = 0; step < config.maxSteps(); step++) {
                List<TaskTree> active = trees.stream().filter(TaskTree::active).toList();
                if (active.isEmpty()) {
                    break;
                }
                for (int s = 0; s < config.simulations() && System.nanoTime() < deadline; s++) {
                    run.simulate(active.stream().filter(TaskTree::active).toList(), step + "/" + s);
                }
                run.commit(active.stream().filter(TaskTree::active).toList(), step);
                long now = trees.stream().filter(t -> !t.active()).count();
                progress.advance(now - finished);
                finished = now;
            }
        }
        for (TaskTree tree : trees) {
            tree.fail("no end after " + config.maxSteps() + " steps (mcts maxSteps)");
        }
        List<SearchResult> results = trees.stream().map(TaskTree::result).toList();
        long nodes = trees.stream().mapToLong(TaskTree::nodeCount).sum();
        long replays = trees.stream().mapToLong(TaskTree::replays).sum();
        last = new MctsStatistics(trees.size(), run.simulations, nodes, run.policyCalls, run.policyContexts,
                run.criticContexts, replays, (System.nanoTime() - started) / 1e9);
        Map<String, Object> fields = last.fields(problem.label());
        fields.put("successRate", results.stream().filter(r -> r.trajectory().success()).count()
                / (double) Math.max(1, results.size()));
        fields.put("seconds", last.seconds());
        context.metrics().record("mcts-search", fields);
        return results;
    }

    /** One simulation of one tree, moving through the phases of a round. */
    private static final class Simulation {
        final TaskTree tree;
        final List<Node> path = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        Node expand;
        Node stepFrom;
        Edge stepEdge;
        Node leaf;
        double value = Double.NaN;

        Simulation(TaskTree tree) {
            this.tree = tree;
        }
    }

    /** The state of one {@link #search} call. */
    private final class Run {
        final SearchProblem problem;
        final Critic critic;
        long simulations;
        long policyCalls;
        long policyContexts;
        long criticContexts;

        Run(SearchProblem problem, Critic critic) {
            this.problem = problem;
            this.critic = critic;
        }

        private List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            List<Decision> decisions = problem.policy().decide(contexts, sampling);
            if (decisions.size() != contexts.size()) {
                throw new IllegalStateException("the policy returned " + decisions.size() + " decisions for "
                        + contexts.size() + " contexts");
            }
            policyCalls++;
            policyContexts += contexts.size();
            return decisions;
        }

        private long seed(String purpose) {
            return Seeds.derive(problem.seed(), purpose);
        }

        /** One simulation in every tree: select, expand, execute, roll out, back up. */
        void simulate(List<TaskTree> trees, String round) {
            List<Simulation> sims = new ArrayList<>();
            for (TaskTree tree : trees) {
                Simulation sim = new Simulation(tree);
                descend(sim);
                sims.add(sim);
            }
            expand(sims.stream().filter(s -> s.expand != null).toList(), round);
            for (Simulation sim : sims) {
                if (sim.stepEdge == null || !sim.tree.active()) {
                    continue;
                }
                try {
                    Node child = sim.tree.stepInto(sim.stepFrom, sim.stepEdge);
                    sim.path.add(child);
                    if (child.terminal()) {
                        sim.value = child.returnSoFar();
                    } else {
                        sim.leaf = child;
                    }
                } catch (RuntimeException e) {
                    sim.tree.error(ErrorCause.ENVIRONMENT, "the environment failed during search: " + e);
                }
            }
            rollout(sims.stream().filter(s -> s.leaf != null && Double.isNaN(s.value) && s.tree.active()).toList(),
                    round);
            for (Simulation sim : sims) {
                if (Double.isNaN(sim.value) || !sim.tree.active()) {
                    continue;
                }
                for (Node node : sim.path) {
                    node.visit();
                }
                for (Edge edge : sim.edges) {
                    edge.backup(sim.value);
                }
                simulations++;
            }
        }

        private void descend(Simulation sim) {
            Node root = sim.tree.current();
            Node node = root;
            sim.path.add(node);
            while (true) {
                if (node.terminal()) {
                    sim.value = node.returnSoFar();
                    return;
                }
                if (node.depth() - root.depth() >= config.maxDepth()) {
                    sim.leaf = node;
                    return;
                }
                if (!node.expanded()) {
                    sim.expand = node;
                    return;
                }
                if (node.children().isEmpty()) {
                    sim.value = node.returnSoFar();
                    return;
                }
                Edge edge = Ucb1.select(node.children(), node.visits(), config.cExp());
                sim.edges.add(edge);
                if (edge.child() == null) {
                    sim.stepFrom = node;
                    sim.stepEdge = edge;
                    return;
                }
                node = edge.child();
                sim.path.add(node);
            }
        }

        private void expand(List<Simulation> sims, String round) {
            if (sims.isEmpty()) {
                return;
            }
            List<AgentContext> contexts = sims.stream().map(s -> s.expand.context()).toList();
            List<Decision> decisions = decide(contexts, new Sampling(config.proposals(),
                    config.expansionTemperature(), seed("expand/" + round)));
            List<List<Action>> candidates = decisions.stream()
                    .map(d -> d.candidates().stream().map(Candidate::action).toList()).toList();
            List<double[]> scores = critic.score(contexts, candidates);
            criticContexts += contexts.size();
            CriticScores.check(critic, scores, candidates);
            for (int i = 0; i < sims.size(); i++) {
                Simulation sim = sims.get(i);
                if (decisions.get(i).isFailed()) {
                    sim.tree.error(ErrorCause.POLICY, "the policy could not decide: "
                            + decisions.get(i).failure());
                    continue;
                }
                if (scores.get(i) == null) {
                    sim.tree.error(ErrorCause.OTHER, "the critic could not judge the candidates of step "
                            + contexts.get(i).step());
                    continue;
                }
                List<Edge> edges = new ArrayList<>();
                for (int j = 0; j < candidates.get(i).size(); j++) {
                    edges.add(new Edge(candidates.get(i).get(j), scores.get(i)[j], j));
                }
                sim.expand.expand(edges);
                if (edges.isEmpty()) {
                    sim.value = sim.expand.returnSoFar();
                    continue;
                }
                Edge edge = Ucb1.select(edges, sim.expand.visits(), config.cExp());
                sim.edges.add(edge);
                sim.stepFrom = sim.expand;
                sim.stepEdge = edge;
            }
        }

        /** Rolls every leaf out with the policy, all trees in lockstep. */
        private void rollout(List<Simulation> sims, String round) {
            int n = sims.size();
            Episode[] episodes = new Episode[n];
            List<List<Step>> steps = new ArrayList<>(n);
            double[] returns = new double[n];
            Observation[] observations = new Observation[n];
            boolean[] running = new boolean[n];
            for (int i = 0; i < n; i++) {
                Simulation sim = sims.get(i);
                steps.add(new ArrayList<>(sim.leaf.context().history()));
                returns[i] = sim.leaf.returnSoFar();
                observations[i] = sim.leaf.context().observation();
                try {
                    episodes[i] = sim.tree.episodeAt(sim.leaf);
                    running[i] = true;
                } catch (RuntimeException e) {
                    sim.tree.error(ErrorCause.ENVIRONMENT, "the environment failed during search: " + e);
                }
            }
            for (int t = 0; t < config.maxRolloutSteps(); t++) {
                List<Integer> active = new ArrayList<>();
                List<AgentContext> contexts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (running[i]) {
                        active.add(i);
                        contexts.add(new AgentContext(sims.get(i).tree.task(), steps.get(i), observations[i], List.of()));
                    }
                }
                if (active.isEmpty()) {
                    break;
                }
                List<Decision> decisions = decide(contexts, new Sampling(1, config.rolloutTemperature(),
                        seed("rollout/" + round + "/" + t)));
                for (int k = 0; k < active.size(); k++) {
                    int i = active.get(k);
                    Simulation sim = sims.get(i);
                    Decision decision = decisions.get(k);
                    if (decision.isFailed()) {
                        running[i] = false;
                        sim.tree.error(ErrorCause.POLICY, "the policy could not decide: " + decision.failure());
                        continue;
                    }
                    if (decision.isEmpty()) {
                        running[i] = false;
                        sim.value = returns[i];
                        continue;
                    }
                    try {
                        Observation after = episodes[i].step(decision.action());
                        steps.get(i).add(new Step(observations[i], decision.action(), after.reward()));
                        returns[i] += after.reward();
                        observations[i] = after;
                        if (after.done()) {
                            running[i] = false;
                            sim.value = returns[i];
                            sim.tree.explored(Trajectory.of(sim.tree.task(), steps.get(i), returns[i],
                                    TrajectorySource.SEARCH));
                        }
                    } catch (RuntimeException e) {
                        running[i] = false;
                        sim.tree.error(ErrorCause.ENVIRONMENT, "the environment failed during search: " + e);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (running[i]) {
                    sims.get(i).value = returns[i];
                }
            }
        }

        /** Commits one real step in every tree: the best visited child, or the policy's own choice. */
        void commit(List<TaskTree> trees, int step) {
            List<TaskTree> unguided = new ArrayList<>();
            for (TaskTree tree : trees) {
                Node root = tree.current();
                Edge best = root.expanded() ? Ucb1.commit(root.children(), config.commit()) : null;
                if (best == null) {
                    unguided.add(tree);
                } else {
                    tree.commit(best);
                }
            }
            if (unguided.isEmpty()) {
                return;
            }
            List<Decision> decisions = decide(unguided.stream().map(t -> t.current().context()).toList(),
                    new Sampling(1, config.rolloutTemperature(), seed("commit/" + step)));
            for (int i = 0; i < unguided.size(); i++) {
                TaskTree tree = unguided.get(i);
                Decision decision = decisions.get(i);
                Node root = tree.current();
                if (decision.isFailed()) {
                    tree.error(ErrorCause.POLICY, "the policy could not decide: " + decision.failure());
                    continue;
                }
                if (decision.isEmpty()) {
                    tree.fail("the policy proposed no action");
                    continue;
                }
                Edge edge = null;
                if (root.expanded()) {
                    edge = root.children().stream().filter(e -> e.action().equals(decision.action())).findFirst()
                            .orElse(null);
                    if (edge == null && !root.children().isEmpty()) {
                        edge = root.children().get(0);
                    }
                }
                if (edge == null) {
                    edge = new Edge(decision.action(), 1.0, 0);
                    if (!root.expanded()) {
                        root.expand(List.of(edge));
                    }
                }
                try {
                    if (edge.child() == null) {
                        tree.stepInto(root, edge);
                    }
                    tree.commit(edge);
                } catch (RuntimeException e) {
                    tree.error(ErrorCause.ENVIRONMENT, "the environment failed during search: " + e);
                }
            }
        }
    }
}
