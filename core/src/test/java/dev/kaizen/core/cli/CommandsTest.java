package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path bcRun() throws Exception {
        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), RunCommandTest.BC_RECIPE);
        Path out = dir.resolve("bc");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        return out;
    }

    @Test
    void evalLoadsACheckpointIntoTheRecipesPolicy() throws Exception {
        Path run = bcRun();
        Path recipe = dir.resolve("bc-test.yaml");
        Path out = dir.resolve("eval");
        Cli.Result result = Cli.run("eval", recipe.toString(), "--policy", run.resolve("checkpoints/final").toString(),
                "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode trained = json.readTree(run.resolve("summary.json").toFile()).path("evaluations");
        JsonNode evaluated = json.readTree(out.resolve("summary.json").toFile());
        assertThat(evaluated.path("method").asText()).isEqualTo("evaluate");
        assertThat(evaluated.path("recipe").asText()).isEqualTo("bc-test-eval");
        assertThat(evaluated.path("evaluations")).isEqualTo(trained);
        assertThat(Files.readString(out.resolve("recipe.yaml"))).contains("type: evaluate", "checkpoint: ");

        // without the checkpoint the untrained policy does worse on seen tasks
        Path untrained = dir.resolve("untrained");
        Cli.Result plain = Cli.run("run", recipe.toString(), "--out", untrained.toString(), "--set", "method={type: evaluate}");
        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(json.readTree(untrained.resolve("summary.json").toFile()).at("/evaluations/0/successRate").asDouble())
                .isLessThan(trained.at("/0/successRate").asDouble());
    }

    @Test
    void exportHandsTheRunsTrajectoriesAndPairsToAFormat() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), """
                name: iterate
                environment: {type: test}
                policy: {type: tabular}
                method: {type: iterate-test, iterations: 1, tasks: 10, explorer: {type: sample, samples: 4, temperature: 3.0}}
                evaluation: {episodes: 4}
                """);
        Path run = dir.resolve("iterate");
        assertThat(Cli.run("run", recipe.toString(), "--out", run.toString()).code()).isZero();
        long trajectories = Files.readAllLines(run.resolve("trajectories/iter-1.jsonl")).size();
        long pairs = Files.readAllLines(run.resolve("pairs/iter-1.jsonl")).size();
        assertThat(pairs).isPositive();

        Cli.Result result = Cli.run("export", run.toString(), "--format", "lines-test");
        assertThat(result.code()).as(result.toString()).isZero();
        Path file = run.resolve("export/lines-test/iterate.txt");
        assertThat(result.out()).contains("read " + trajectories + " trajectories and " + pairs + " pairs", "wrote " + file);
        assertThat(Files.readAllLines(file)).hasSize((int) (trajectories + pairs)).last().asString()
                .startsWith("pair train-");

        Cli.Result unknown = Cli.run("export", run.toString(), "--format", "trl-sft");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown dataset format 'trl-sft'; known: [lines-test]");

        Files.writeString(run.resolve("pairs/broken.jsonl"), "{\"context\": 3}\n");
        Cli.Result broken = Cli.run("export", run.toString(), "--format", "lines-test", "--out", dir.resolve("x").toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.jsonl:1: not a PreferencePair");
        assertThat(dir.resolve("x")).as("a failed export leaves no empty folder").doesNotExist();
    }

    @Test
    void exportSaysHowLongItsRowsAreForATrainersMaxLength() throws Exception {
        Path rows = dir.resolve("rows.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add("{\"text\": \"" + "x".repeat(100 * i - 12) + "\"}");
        }
        Files.write(rows, lines);
        assertThat(ExportCommand.rowLengths(rows)).isEqualTo(": 10 rows, characters per row median 500, 90% 900, "
                + "max 1000 (about 125, 225, 250 tokens at 4 characters a token; a trainer's max_length below a row's "
                + "tokens cuts or drops it)");
        assertThat(ExportCommand.rowLengths(Files.writeString(dir.resolve("info.json"), "{\"a\": 1}\n"))).isEmpty();
    }

    @Test
    void playShowsTheObservationAndReadsActions() {
        Cli.Result result = Cli.run(Map.of(), "1\n\n9\nenter[4]\nclick[submit]\n", "play", "test", "--split", "unseen",
                "--set", "environment.unseen=3");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Task unseen-0 (unseen): set the counter to 8", "--- step 1 of 12 (12 left, this one included) ---",
                "   1. click[+1]", "   3. click[submit]", "Or type: enter[{}]", "No action 9; choose 1..3",
                "Episode over after 3 steps: reward 0.250, not a success");

        Cli.Result won = Cli.run(Map.of(), "enter[8]\n3\n", "play", "test", "--task", "unseen-0");
        assertThat(won.out()).contains("reward 1.000, success");

        assertThat(won.out()).contains("--- step 1 of 12 (12 left, this one included) ---");
        Cli.Result quit = Cli.run(Map.of(), "quit\n", "play", "test");
        assertThat(quit.code()).isZero();
        assertThat(quit.out()).contains("Left after 0 steps");

        Cli.Result unknown = Cli.run("play", "shopp");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown environment 'shopp'; known: [test]");
        assertThat(Cli.run("play", "test", "--task", "nope").err()).contains("no task 'nope'");
        assertThat(Cli.run("play", "test", "--set", "seed=3").err()).contains("play only changes the environment");
    }

    @Test
    void benchListsRunsAndPrintsJson() throws Exception {
        Cli.Result list = Cli.run("bench");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("env\\s+core").containsPattern("rollout\\s+core");

        Cli.Result env = Cli.run("bench", "env", "test", "--steps=500", "--set", "environment.train=30");
        assertThat(env.code()).as(env.toString()).isZero();
        JsonNode figures = json.readTree(env.out());
        assertThat(figures.path("benchmark").asText()).isEqualTo("env");
        assertThat(figures.at("/config/train").asInt()).isEqualTo(30);
        assertThat(figures.path("tasks").asInt()).isEqualTo(50);
        assertThat(figures.at("/expert/singleThread/steps").asLong()).isEqualTo(500);
        assertThat(figures.at("/expert/singleThread/stepsPerSecond").asDouble()).isPositive();
        assertThat(figures.at("/random/allCores/threads").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(figures.path("heapUsedMb").asDouble()).isPositive();

        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), RunCommandTest.BC_RECIPE);
        Cli.Result rollout = Cli.run("bench", "rollout", recipe.toString(), "--episodes=40");
        assertThat(rollout.code()).as(rollout.toString()).isZero();
        JsonNode engine = json.readTree(rollout.out());
        assertThat(engine.path("episodes").asInt()).isEqualTo(40);
        assertThat(engine.path("steps").asLong()).isEqualTo(40 * 12);
        assertThat(engine.path("decideCalls").asLong()).isEqualTo(12 * 5);
        assertThat(engine.path("decisionsPerSecond").asDouble()).isPositive();
        assertThat(engine.path("mode").asText()).isEqualTo("lockstep");

        Cli.Result pipelined = Cli.run("bench", "rollout", recipe.toString(), "--episodes=40", "--rounds=2", "--set",
                "rollout.mode=pipelined");
        assertThat(pipelined.code()).as(pipelined.toString()).isZero();
        JsonNode overlapped = json.readTree(pipelined.out());
        assertThat(overlapped.path("mode").asText()).isEqualTo("pipelined");
        assertThat(overlapped.path("steps").asLong()).isEqualTo(2 * 40 * 12);
        assertThat(overlapped.path("roundStepsPerSecond")).hasSize(2);
        // the process CPU clock ticks coarsely (10 ms on Linux): a run this small may read 0
        assertThat(overlapped.path("processCpuMillisPerStep").asDouble()).isNotNegative();
        assertThat(overlapped.path("successRate").asDouble()).isEqualTo(engine.path("successRate").asDouble());
        assertThat(overlapped.path("meanBatch").asDouble()).isBetween(1.0, 8.0);

        Cli.Result unknown = Cli.run("bench", "policy");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown benchmark 'policy'; known: [env, rollout]");
        Cli.Result bad = Cli.run("bench", "env", "test", "--steps=many");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--steps must be an integer, got 'many'");
        Cli.Result noRounds = Cli.run("bench", "rollout", recipe.toString(), "--rounds=0");
        assertThat(noRounds.code()).isEqualTo(2);
        assertThat(noRounds.err()).contains("--rounds must be between 1 and 100, got 0");
    }

    @Test
    void componentsListsKindsNamesPluginsAndDefaults() {
        Cli.Result result = Cli.run("components");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("environment\\s+test\\s+classpath\\s+tiny deterministic counter environment")
                .containsPattern("search\\s+greedy\\s+core")
                .containsPattern("critic\\s+none\\s+core")
                .containsPattern("reward\\s+environment\\s+core")
                .containsPattern("method\\s+bc\\s+core")
                .containsPattern("method\\s+iterate-test\\s+classpath")
                .containsPattern("benchmark\\s+env\\s+core")
                .containsPattern("format\\s+lines-test\\s+classpath")
                .contains("    samples: 4", "    temperature: 1.0", "    stepDelayMillis: 0", "    checkpoint: (none)",
                        "    optimizer: {\"type\":\"tabular-bc\",\"step\":1.0,\"epochs\":1}")
                .contains("fields: [demonstrations, optimizer, evaluateBaseline]\n",
                        "a recipe must give: method.optimizer.type: unknown optimizer 'bc'; known: [tabular-bc]");
        Cli.Result policies = Cli.run("components", "--kind", "policy");
        assertThat(policies.out()).contains("tabular", "first-action").doesNotContain("greedy");
    }

    @Test
    void pluginsWithoutADirectoryListsNone() {
        Cli.Result result = Cli.run("plugins");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("plugins directories: (none: classpath only)", "no plugins loaded");
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "eval", "components", "plugins", "bench", "play", "export");
        assertThat(Cli.run("run", "--help").out()).contains("--resume", "--set", "--out");
        assertThat(Cli.run("--version").out()).startsWith("kaizen ");
        // the --set example is not cut in the middle of its path
        assertThat(Cli.run("run", "--help").out()).contains("e.g. --set method.demonstrations=500");
    }

    @Test
    void aDefaultTheRunChangesIsSaidOnceOnStderr() throws Exception {
        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), RunCommandTest.BC_RECIPE);
        Path out = dir.resolve("capped");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString(), "--set",
                "method.demonstrations=1000");
        assertThat(result.code()).as(result.toString()).isZero();
        // 20 training tasks, of which the last 5 (a quarter) are held out to validate the stages
        String note = "kaizen: note: method.demonstrations is 1000, but the environment has 15 training tasks; "
                + "using 15";
        assertThat(result.err()).contains(note);
        assertThat(result.err().indexOf(note)).isEqualTo(result.err().lastIndexOf(note));
        assertThat(Files.readString(out.resolve("metrics.jsonl"))).contains("\"event\":\"notice\"");
    }

    @Test
    void bareKaizenPrintsUsageAndIsAnError() {
        Cli.Result bare = Cli.run();
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).contains("Usage: kaizen", "kaizen: name a command, e.g. kaizen run bc-shop");
    }

    @Test
    void evalOfACheckpointThatDoesNotLoadIsBadInputAndLeavesNothing() throws Exception {
        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), RunCommandTest.BC_RECIPE);
        Path wrong = Files.createDirectories(dir.resolve("not-a-checkpoint"));
        Files.writeString(wrong.resolve("notes.txt"), "no policy here");
        Path out = dir.resolve("eval");
        Cli.Result result = Cli.run("eval", recipe.toString(), "--policy", wrong.toString(), "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("method.checkpoint: " + wrong, "cannot be loaded into the recipe's policy",
                "runs/NAME/checkpoints/final");
        assertThat(out).as("nothing left behind").doesNotExist();
    }

    @Test
    void evalWarnsWhenTheCheckpointWasTrainedOnAnotherEnvironment() throws Exception {
        Path run = bcRun();
        Cli.Result other = Cli.run("eval", dir.resolve("bc-test.yaml").toString(), "--policy",
                run.resolve("checkpoints/final").toString(), "--out", dir.resolve("eval-other").toString(),
                "--set", "environment.unseen=9");
        assertThat(other.code()).as(other.toString()).isZero();
        assertThat(other.err()).contains("kaizen: warning: the checkpoint was trained on environment",
                "and is evaluated on");
        Cli.Result same = Cli.run("eval", dir.resolve("bc-test.yaml").toString(), "--policy",
                run.resolve("checkpoints/final").toString(), "--out", dir.resolve("eval-same").toString());
        assertThat(same.err()).doesNotContain("warning");
    }
}
