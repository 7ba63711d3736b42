package dev.kaizen.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import dev.kaizen.llm.testing.ScriptedAgentModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's LLM recipes ({@code dist/recipes/agentq-llm.yaml}, {@code rememberer-llm.yaml})
 * run end to end through the host's command line, pointed at an OpenAI-compatible server with
 * nothing but {@code --set policy.baseUrl=... --set policy.model=...}, on a smaller store and fewer
 * tasks. The server is {@link FakeOpenAiServer} answering as {@link ScriptedAgentModel}; the store,
 * AgentQ and Rememberer are their plugins' real parts.
 */
class RecipeRunTest {

    private static final Path RECIPES = Path.of("..", "..", "dist", "recipes").toAbsolutePath().normalize();
    /** A store small enough to build in a moment, with a handful of tasks per split. */
    private static final List<String> SMALL_STORE = List.of("environment.products=300", "environment.train=6",
            "environment.seen=3", "environment.unseen=3");

    @TempDir
    Path dir;

    private Path plugins;
    private FakeOpenAiServer server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        server = FakeOpenAiServer.start(new ScriptedAgentModel());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String recipe, Path out, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("run", RECIPES.resolve(recipe).toString(), "--out", out.toString(),
                "--plugins", plugins.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .execute(args.toArray(String[]::new));
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** {@code --set} for the server, as a user points a recipe at vLLM, then the shrinking ones. */
    private List<String> sets(String... shrink) {
        List<String> sets = new ArrayList<>(List.of("policy.baseUrl=" + server.baseUrl(), "policy.model=fake"));
        sets.addAll(SMALL_STORE);
        sets.addAll(List.of(shrink));
        return sets;
    }

    private List<String> evaluations(Path out) throws Exception {
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        List<String> found = new ArrayList<>();
        for (JsonNode evaluation : summary.path("evaluations")) {
            found.add(evaluation.path("stage").asText() + "/" + evaluation.path("split").asText() + "/"
                    + evaluation.path("search").asText() + "/" + evaluation.path("episodes").asInt());
        }
        return found;
    }

    private List<JsonNode> events(Path out, String event) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode node = json.readTree(line);
            if (node.path("event").asText().equals(event)) {
                found.add(node);
            }
        }
        return found;
    }

    @Test
    void agentqRunsAgainstAnOpenAiCompatibleServerAndWritesTrlDpoPairs() throws Exception {
        Path out = dir.resolve("agentq");
        Result result = run("agentq-llm.yaml", out, sets("method.tasksPerIteration=3",
                "method.search.simulations=2", "method.search.proposals=3", "method.inferenceSearch.simulations=2",
                "method.inferenceSearch.proposals=3", "evaluation.episodes=2"));
        assertThat(result.code()).as(result.out() + result.err()).isZero();

        assertThat(evaluations(out)).containsExactly("baseline/seen/greedy/2", "baseline/unseen/greedy/2",
                "final/seen/greedy/2", "final/unseen/greedy/2", "final/seen/mcts/2", "final/unseen/mcts/2");

        // the search asked the model for several proposals at once, and the critic judged with the policy's model
        List<FakeOpenAiServer.Exchange> requests = server.chatRequests();
        assertThat(requests).allSatisfy(r -> assertThat(r.body().path("model").asText()).isEqualTo("fake"));
        assertThat(requests).anySatisfy(r -> assertThat(r.body().path("n").asInt()).isEqualTo(3));
        assertThat(requests).anySatisfy(r -> assertThat(r.lastUserMessage()).contains("\nCandidate actions:\n1. "));

        List<String> pairs = Files.readAllLines(out.resolve("pairs/final.jsonl"), StandardCharsets.UTF_8);
        assertThat(pairs).isNotEmpty();
        Path data = out.resolve("trl/final-dpo/data/trl-dpo.jsonl");
        List<String> rows = Files.readAllLines(data, StandardCharsets.UTF_8);
        assertThat(rows).hasSameSizeAs(pairs);
        for (String line : rows) {
            JsonNode row = json.readTree(line);
            assertThat(row.fieldNames()).toIterable().containsExactlyInAnyOrder("prompt", "chosen", "rejected");
            JsonNode prompt = row.get("prompt");
            assertThat(prompt.get(0).get("role").asText()).isEqualTo("system");
            assertThat(prompt.get(prompt.size() - 1).get("role").asText()).isEqualTo("user");
            assertThat(prompt.get(1).get("content").asText()).startsWith("Task: ");
            for (String side : List.of("chosen", "rejected")) {
                assertThat(row.get(side)).hasSize(1);
                assertThat(row.get(side).get(0).get("role").asText()).isEqualTo("assistant");
                assertThat(row.get(side).get(0).get("content").asText()).startsWith("Action: ");
            }
            assertThat(row.get("chosen")).isNotEqualTo(row.get("rejected"));
        }

        // no trainer command: the data is written, nothing is trained, and the run says so
        List<JsonNode> training = events(out, "trl-train");
        assertThat(training).singleElement().satisfies(e -> {
            assertThat(e.path("trained").asDouble()).isZero();
            assertThat(e.path("pairs").asInt()).isEqualTo(pairs.size());
            assertThat(e.path("model").asText()).isEqualTo("fake");
        });
        assertThat(out.resolve("trl/final-dpo/done.json")).doesNotExist();
        assertThat(json.readTree(out.resolve("checkpoints/final/policy/llm-policy.json").toFile())
                .path("model").asText()).isEqualTo("fake");
    }

    @Test
    void withATrainerCommandTheNextIterationAsksTheTrainedModelWhileTheCriticKeepsTheBase() throws Exception {
        Path out = dir.resolve("trained");
        // the trainer stands in for "trl dpo ... && load the adapter": it checks its data and writes a model folder
        Result result = run("agentq-llm.yaml", out, sets("method.tasksPerIteration=2", "method.iterations=2",
                "method.search.simulations=2", "method.search.proposals=3", "method.inferenceSearch.simulations=1",
                "evaluation.episodes=1", "evaluation.splits=[unseen]",
                "method.optimizer.command=[sh, -c, 'test -s \"$0\" && mkdir -p \"$1\"', \"{pairData}\", \"{outputDir}\"]",
                "method.optimizer.modelTemplate=\"{iteration}\""));
        assertThat(result.code()).as(result.out() + result.err()).isZero();

        List<JsonNode> training = events(out, "trl-train");
        assertThat(training).extracting(e -> e.path("model").asText()).containsExactly("iter-1-dpo", "final-dpo");
        assertThat(training).allSatisfy(e -> assertThat(e.path("trained").asDouble()).isEqualTo(1.0));
        assertThat(out.resolve("trl/iter-1-dpo/model")).isDirectory();
        List<FakeOpenAiServer.Exchange> requests = server.chatRequests();
        assertThat(requests).anySatisfy(r -> assertThat(r.body().path("model").asText()).isEqualTo("iter-1-dpo"));
        assertThat(requests).filteredOn(r -> r.lastUserMessage().contains("\nCandidate actions:\n"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.body().path("model").asText()).isEqualTo("fake"));
        assertThat(json.readTree(out.resolve("checkpoints/final/policy/llm-policy.json").toFile())
                .path("model").asText()).isEqualTo("final-dpo");
    }

    @Test
    void remembererRunsAgainstAnOpenAiCompatibleServerAndAdvisesWithExemplars() throws Exception {
        Path out = dir.resolve("rememberer");
        Result result = run("rememberer-llm.yaml", out, sets("method.trainTasks=4", "method.epochs=2",
                "method.batchSize=2", "evaluation.episodes=2"));
        assertThat(result.code()).as(result.out() + result.err()).isZero();

        assertThat(evaluations(out)).containsExactly("baseline/seen/greedy/2", "baseline/unseen/greedy/2",
                "final/seen/greedy/2", "final/unseen/greedy/2");
        List<JsonNode> epochs = events(out, "rememberer-epoch");
        assertThat(epochs).hasSize(2);
        assertThat(epochs.get(1).path("records").asInt()).isPositive();
        assertThat(Files.readAllLines(out.resolve("trajectories/iter-1-explore.jsonl"))).hasSize(4);
        // retrieved experiences reach the prompt as exemplars with encouraged and discouraged actions
        assertThat(server.chatRequests()).anySatisfy(r -> assertThat(r.lastUserMessage())
                .contains("Experiences from similar situations").contains("\nEncouraged:\n").contains("\nDiscouraged:\n"));
        // no warm-up: nothing was behaviour-cloned or handed to a trainer
        assertThat(out.resolve("trl")).doesNotExist();
        assertThat(out.resolve("trajectories/demonstrations.jsonl")).doesNotExist();
        assertThat(out.resolve("checkpoints/final/state/memory")).isDirectory();
    }

    @Test
    void sameRecipeAndSeedGiveTheSameRun() throws Exception {
        List<String> shrink = List.of("method.trainTasks=3", "method.epochs=1", "method.batchSize=3",
                "evaluation.episodes=2", "evaluation.splits=[unseen]");
        Result first = run("rememberer-llm.yaml", dir.resolve("first"), sets(shrink.toArray(String[]::new)));
        Result second = run("rememberer-llm.yaml", dir.resolve("second"), sets(shrink.toArray(String[]::new)));
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(Files.readString(dir.resolve("second/trajectories/final-explore.jsonl")))
                .isEqualTo(Files.readString(dir.resolve("first/trajectories/final-explore.jsonl")));
        assertThat(summaryWithoutTimes(dir.resolve("second"))).isEqualTo(summaryWithoutTimes(dir.resolve("first")));
    }

    private JsonNode summaryWithoutTimes(Path out) throws Exception {
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) summary).remove(List.of("wallSeconds", "totalWallSeconds"));
        summary.path("stages").forEach(stage -> ((com.fasterxml.jackson.databind.node.ObjectNode) stage).remove("seconds"));
        return summary;
    }

    @Test
    void aFailingServerFailsEveryRecipeTheSameWayWhateverTheBatching() throws Exception {
        try (FakeOpenAiServer down = FakeOpenAiServer.start((e, call) -> FakeOpenAiServer.Reply.status(502, "Bad Gateway"))) {
            for (String recipe : List.of("agentq-llm.yaml", "rememberer-llm.yaml")) {
                String message = null;
                for (int batch : new int[] {1, 8}) {
                    Path out = dir.resolve(recipe + "-" + batch);
                    List<String> sets = new ArrayList<>(List.of("policy.baseUrl=" + down.baseUrl(), "policy.model=fake",
                            "policy.maxRetries=0", "rollout.batchSize=" + batch, "evaluation.episodes=4"));
                    sets.addAll(SMALL_STORE);
                    Result result = run(recipe, out, sets);
                    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
                    JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
                    assertThat(summary.path("status").asText()).isEqualTo("failed");
                    assertThat(summary.path("error").asText()).contains("3 of 3 episodes errored (policy 3, "
                            + "environment 0, other 0), more than evaluation.maxErrorShare 0.05 allows",
                            "the policy could not decide", "502");
                    message = message == null ? summary.path("error").asText() : message;
                    assertThat(summary.path("error").asText()).as(recipe + ", batch " + batch).isEqualTo(message);
                }
            }
        }
    }

    @Test
    void partsThatCannotWorkTogetherAreRefusedBeforeAnythingRuns() throws Exception {
        Path recipe = Files.writeString(dir.resolve("mismatch.yaml"), """
                environment: {type: shop, products: 300, train: 6, seen: 3, unseen: 3}
                policy: {type: tabular}
                method: {type: bc, optimizer: {type: trl}}
                """);
        Path out = dir.resolve("mismatch");
        Result trl = run(recipe.toString(), out, List.of());
        assertThat(trl.code()).as(trl.out() + trl.err()).isEqualTo(2);
        assertThat(trl.err()).contains("kaizen: method.optimizer (optimizer 'trl') needs a policy that is chat-model "
                + "(it retrains the served model and points the policy at the new weights), but policy is 'tabular'; "
                + "policy types that are chat-model: [llm]");
        assertThat(out).as("nothing was started").doesNotExist();

        Result critic = run(recipe.toString(), out, List.of("method.optimizer.type=tabular-bc",
                "evaluation.critic={type: llm-critic}", "evaluation.search={type: greedy}"));
        assertThat(critic.code()).as(critic.out() + critic.err()).isEqualTo(2);
        assertThat(critic.err()).contains("kaizen: evaluation.critic (critic 'llm-critic') needs a policy that is "
                + "chat-model (it judges with the policy's server and base model when its own baseUrl and model are "
                + "not set), but policy is 'tabular'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadServerAddressIsReportedWithItsField() {
        Result result = run("agentq-llm.yaml", dir.resolve("bad"), List.of("policy.baseUrl=localhost:8000/v1"));
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("policy.baseUrl").contains("http://localhost:8000/v1")
                .contains("localhost:8000/v1");
        assertThat(server.chatRequests()).isEmpty();
    }
}
