package dev.kaizen.sweep.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped recipes, smaller, on the spark backend ({@code local[2]}, cut into three pieces per
 * request) give the local run's figures and files: AgentQ (the BC policy's evaluation, MCTS search
 * with the policy as critic, MCTS at inference) and ETO (sampled exploration, DPO between rounds,
 * so the policy's state changes). The shop, djl, eto and agentq plugins are their zips, loaded once
 * in this JVM and shared with the executors.
 */
class SparkRolloutsTest {

    private static final Path RECIPES = Path.of("..", "dist", "recipes").toAbsolutePath().normalize();
    private static final String PLUGINS = System.getProperty("kaizen.test.plugins");

    @TempDir
    Path dir;

    private Runs.Result run(String recipe, Path out, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("run", RECIPES.resolve(recipe + ".yaml").toString(), "--out",
                out.toString(), "--no-builtin-plugins", "--plugins", PLUGINS));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return Runs.kaizen(args.toArray(String[]::new));
    }

    private void assertSparkGivesTheLocalRun(String recipe, List<String> sets, String... remoteLabels)
            throws Exception {
        Runs.Result local = run(recipe, dir.resolve("local"), sets);
        assertThat(local.code()).as(local.toString()).isZero();
        List<String> spark = new ArrayList<>(sets);
        spark.addAll(List.of("rollout.backend=spark", "rollout.master=local[2]", "rollout.partitions=3"));
        Runs.Result distributed = run(recipe, dir.resolve("spark"), spark);
        assertThat(distributed.code()).as(distributed.toString()).isZero();

        Runs.assertSameResults(dir.resolve("local"), dir.resolve("spark"));
        assertThat(Runs.backendRequests(dir.resolve("spark"))).contains(remoteLabels);
        assertThat(distributed.err()).doesNotContain("rollout.backend spark:");
    }

    @Test
    void agentqOnSparkGivesTheLocalFiguresAndFiles() throws Exception {
        assertSparkGivesTheLocalRun("agentq-shop", List.of("method.demonstrations=100", "method.tasksPerIteration=40",
                "evaluation.episodes=40", "evaluation.validation=40"),
                "eval/baseline/seen", "final/search", "eval/final/validation");
    }

    @Test
    void etoOnSparkGivesTheLocalFiguresAndFiles() throws Exception {
        assertSparkGivesTheLocalRun("eto-shop", List.of("method.demonstrations=100", "method.iterations=2",
                "method.explorationTasks=60", "evaluation.episodes=40", "evaluation.validation=40"),
                "iter-1/explore", "iter-2/explore", "eval/final/unseen");
    }
}
