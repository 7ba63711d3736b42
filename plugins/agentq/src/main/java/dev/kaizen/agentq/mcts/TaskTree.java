package dev.kaizen.agentq.mcts;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The search of one task: its tree, the live episode that moves between tree nodes, the steps
 * committed so far and the trajectories explored. Moves between nodes by restoring snapshots where
 * the episode supports them, else by replaying the node's action prefix in a fresh episode of the
 * same seed (checking that every replayed observation matches the recorded one). Not thread-safe.
 */
final class TaskTree {

    private final Environment environment;
    private final Task task;
    private final long episodeSeed;
    private final List<Trajectory> explored = new ArrayList<>();
    private final List<Step> committed = new ArrayList<>();
    private Episode episode;
    private boolean snapshots;
    private Node root;
    private Node current;
    private Node episodeAt;
    private Trajectory result;
    private int nodes;
    private int replays;

    TaskTree(Environment environment, Task task, long episodeSeed) {
        this.environment = requireNonNull(environment, "environment is null");
        this.task = requireNonNull(task, "task is null");
        this.episodeSeed = episodeSeed;
    }

    /** Starts the episode; a failure to start finishes the tree as failed. */
    void start() {
        try {
            episode = environment.reset(task, episodeSeed);
            snapshots = episode.supportsSnapshot();
            Observation first = episode.observation();
            root = new Node(AgentContext.start(task, first), snapshots ? episode.snapshot() : null, first.reward());
            nodes = 1;
            current = root;
            episodeAt = root;
            if (root.terminal()) {
                finish();
            }
        } catch (RuntimeException e) {
            error(ErrorCause.ENVIRONMENT, "could not start the episode: " + e);
        }
    }

    Task task() {
        return task;
    }

    boolean active() {
        return result == null;
    }

    /** The node real steps have reached: the root of the next simulations. */
    Node current() {
        return current;
    }

    boolean usesSnapshots() {
        return snapshots;
    }

    int nodeCount() {
        return nodes;
    }

    /** How many fresh episodes were started to replay a prefix. */
    int replays() {
        return replays;
    }

    /** Executes {@code edge} from {@code node}, creating its child. Exceptions propagate. */
    Node stepInto(Node node, Edge edge) {
        positionAt(node);
        Observation after = episode.step(edge.action());
        Step step = new Step(node.context().observation(), edge.action(), after.reward());
        Node child = new Node(node.context().extend(List.of(step), after), snapshots ? episode.snapshot() : null,
                node.returnSoFar() + after.reward());
        nodes++;
        edge.attach(step, child);
        episodeAt = child;
        if (child.terminal()) {
            explored.add(Trajectory.of(task, child.context().history(), child.returnSoFar(), TrajectorySource.SEARCH));
        }
        return child;
    }

    /** Moves the live episode to {@code node}'s state, to continue from there off the tree. */
    Episode episodeAt(Node node) {
        positionAt(node);
        episodeAt = null;
        return episode;
    }

    /** Records a complete trajectory found off the tree (a rollout). */
    void explored(Trajectory trajectory) {
        explored.add(trajectory);
    }

    private void positionAt(Node node) {
        if (episodeAt == node) {
            return;
        }
        if (snapshots) {
            episode.restore(node.snapshot());
        } else {
            replay(node);
        }
        episodeAt = node;
    }

    private void replay(Node node) {
        episode.close();
        episode = environment.reset(task, episodeSeed);
        replays++;
        List<Step> history = node.context().history();
        for (int i = 0; i <= history.size(); i++) {
            Observation expected = i < history.size() ? history.get(i).observation() : node.context().observation();
            Observation actual = episode.observation();
            if (!sameState(expected, actual)) {
                throw new IllegalStateException("replaying the first " + i + " actions of task " + task.id()
                        + " gave a different observation than before; the environment is not deterministic for a"
                        + " seed, so it needs snapshot support for tree search");
            }
            if (i < history.size()) {
                episode.step(history.get(i).action());
            }
        }
    }

    private static boolean sameState(Observation a, Observation b) {
        return a.done() == b.done() && a.text().equals(b.text()) && a.actions().equals(b.actions());
    }

    /** Commits the real step {@code edge} (already executed) from the current node. */
    void commit(Edge edge) {
        if (edge.child() == null) {
            throw new IllegalStateException("cannot commit an action that was never executed");
        }
        committed.add(edge.step());
        current = edge.child();
        if (current.terminal()) {
            finish();
        }
    }

    private void finish() {
        result = Trajectory.of(task, committed, current.returnSoFar(), TrajectorySource.SEARCH);
        if (!explored.contains(result)) {
            explored.add(result);
        }
        closeEpisode();
    }

    /** Ends the search of this task as failed by the agent (e.g. the step limit), keeping what was committed. */
    void fail(String error) {
        if (result == null) {
            result = Trajectory.failed(task, committed, TrajectorySource.SEARCH, error);
            closeEpisode();
        }
    }

    /** Ends the search of this task as errored (see {@link ErrorCause}), keeping what was committed. */
    void error(ErrorCause cause, String error) {
        if (result == null) {
            result = Trajectory.errored(task, committed, TrajectorySource.SEARCH, cause, error);
            closeEpisode();
        }
    }

    private void closeEpisode() {
        if (episode != null) {
            try {
                episode.close();
            } catch (RuntimeException ignored) {
                // the outcome is recorded; a failing close loses nothing
            }
            episode = null;
        }
        episodeAt = null;
    }

    /** The result; the tree must be finished. */
    SearchResult result() {
        if (result == null) {
            throw new IllegalStateException("search of task " + task.id() + " not finished");
        }
        return new SearchResult(task, result, explored, statistics());
    }

    /** Statistics of every expanded node, in breadth-first order from the episode's start. */
    List<NodeStatistics> statistics() {
        List<NodeStatistics> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            if (!node.expanded() || node.children().isEmpty()) {
                continue;
            }
            List<ActionStatistics> actions = new ArrayList<>();
            for (Edge edge : node.children()) {
                Step step = Objects.requireNonNullElseGet(edge.step(),
                        () -> new Step(node.context().observation(), edge.action(), 0.0));
                actions.add(new ActionStatistics(step, edge.visits(), edge.value(), edge.criticScore()));
                if (edge.child() != null) {
                    queue.add(edge.child());
                }
            }
            out.add(new NodeStatistics(node.context(), node.visits(), actions));
        }
        return out;
    }
}
