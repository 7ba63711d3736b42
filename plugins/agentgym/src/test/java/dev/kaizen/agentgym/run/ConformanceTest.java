package dev.kaizen.agentgym.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.agentgym.fake.BabyAi;
import dev.kaizen.agentgym.fake.Call;
import dev.kaizen.agentgym.fake.FakeChatServer;
import dev.kaizen.agentgym.fake.FakeServer;
import dev.kaizen.agentgym.fake.Families;
import dev.kaizen.agentgym.fake.Family;
import dev.kaizen.agentgym.profile.Profiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in profile against a fake server that answers in its family's exact wire format: the
 * distribution's recipe for the profile runs end to end through the command line with the {@code llm}
 * policy (a scripted model on a fake OpenAI-compatible server), one server instance reset for task
 * after task; and where the profile offers a list of valid actions, a recipe with {@code djl-scorer}
 * runs on that list.
 */
class ConformanceTest {

    private static final int EPISODES = 4;

    @TempDir
    Path dir;

    /**
     * Each profile with the first reset and step bodies its server must receive (the instance field
     * shown as {@code "I"}) and the first requests in order.
     */
    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("webshop", "{\"env_idx\":\"I\",\"session_id\":0}",
                        "{\"env_idx\":\"I\",\"action\":\"search[red shirt]\"}", "env_idx",
                        List.of("GET /", "POST /create", "POST /reset", "GET /observation", "GET /available_actions")),
                Arguments.of("alfworld", "{\"id\":\"I\",\"game\":0,\"world_type\":\"Text\"}",
                        "{\"id\":\"I\",\"action\":\"put mug 1 in/on desk 1\"}", "id",
                        List.of("GET /", "POST /create", "POST /reset", "POST /step")),
                Arguments.of("babyai", "{\"id\":\"I\",\"data_idx\":0}", "{\"id\":\"I\",\"action\":\"go to red ball 1\"}",
                        "id", List.of("GET /", "POST /create", "POST /reset", "POST /step")),
                Arguments.of("sciworld", "{\"id\":\"I\",\"data_idx\":0}",
                        "{\"id\":\"I\",\"action\":\"focus on thermometer\"}", "id",
                        List.of("GET /", "POST /create", "POST /reset", "POST /step")),
                Arguments.of("textcraft", "{\"id\":\"I\",\"data_idx\":0}",
                        "{\"id\":\"I\",\"action\":\"craft 4 stick using 2 planks\"}", "id",
                        List.of("GET /", "POST /create", "POST /reset", "POST /step")),
                Arguments.of("maze", "{\"id\":\"I\",\"game\":0}", "{\"id\":\"I\",\"action\":\"move down\"}", "id",
                        List.of("GET /", "POST /maze/create", "POST /maze/reset", "GET /maze/available_actions")),
                Arguments.of("wordle", "{\"id\":\"I\",\"seed\":0}", "{\"id\":\"I\",\"action\":\"c r a n e\"}", "id",
                        List.of("GET /", "POST /wordle/create", "POST /wordle/reset", "GET /wordle/filtered_vocab")),
                Arguments.of("sqlgym", "{\"env_idx\":\"I\",\"item_id\":9428}",
                        "{\"env_idx\":\"I\",\"action\":\"SELECT name FROM users WHERE id = 9428\"}", "env_idx",
                        List.of("GET /", "POST /create", "POST /reset", "GET /observation", "POST /step")),
                Arguments.of("searchqa", "{\"env_idx\":\"I\",\"id\":0}",
                        "{\"env_idx\":\"I\",\"action\":\"<search> capital of France </search>\"}", "env_idx",
                        List.of("GET /", "POST /create", "POST /reset", "POST /step")),
                tool("academia"), tool("movie"), tool("sheet"), tool("todo"), tool("weather"),
                Arguments.of("webarena", "{\"env_idx\":\"I\",\"seed\":0,\"idx\":0}",
                        "{\"env_idx\":\"I\",\"action\":\"```stop [42]```\"}", "env_idx",
                        List.of("GET /", "POST /create", "POST /reset", "POST /step")));
    }

    private static Arguments tool(String name) {
        return Arguments.of(name, "{\"env_idx\":\"I\",\"id\":0}",
                "{\"env_idx\":\"I\",\"action\":\"finish with Action Input: {\\\"answer\\\": \\\"42\\\"}\"}", "env_idx",
                List.of("GET /", "POST /create", "POST /reset", "POST /step"));
    }

    @Test
    void everyBuiltInProfileIsCovered() {
        assertThat(profiles().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(Profiles.BUILT_IN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theShippedRecipeRunsWithTheLlmPolicy(String profile, String reset, String step, String instanceField,
                                              List<String> opening) throws Exception {
        Family family = Families.forProfile(profile);
        Path out = dir.resolve(profile);
        try (FakeServer server = FakeServer.start(family);
             FakeChatServer chat = FakeChatServer.start(Families.player(profile))) {
            KaizenCli.Result result = KaizenCli.run(KaizenCli.RECIPES.resolve("agentgym-" + profile + ".yaml"), out,
                    List.of("environment.baseUrl=" + server.baseUrl(), "policy.baseUrl=" + chat.baseUrl(),
                            "policy.model=fake", "evaluation.episodes=" + EPISODES, "rollout.threads=1"));
            assertThat(result.code()).as(result.printed()).isZero();

            JsonNode summary = KaizenCli.summary(out);
            assertThat(summary.path("status").asText()).isEqualTo("completed");
            JsonNode evaluation = summary.path("evaluations").get(0);
            assertThat(evaluation.path("episodes").asInt()).isEqualTo(EPISODES);
            assertThat(evaluation.path("successRate").asDouble()).as("the scripted model solves every task")
                    .isEqualTo(1.0);

            List<Call> calls = server.calls();
            assertThat(calls).as("no request offers a protocol upgrade").allSatisfy(c -> assertThat(c.upgrade()).isNull());
            assertThat(calls.subList(0, opening.size())).extracting(Call::route).containsExactlyElementsOf(opening);
            Call firstReset = calls.stream().filter(c -> c.path().endsWith("/reset")).findFirst().orElseThrow();
            assertThat(normalized(firstReset.body(), instanceField)).isEqualTo(reset);
            Call firstStep = calls.stream().filter(c -> c.path().endsWith("/step")).findFirst().orElseThrow();
            assertThat(normalized(firstStep.body(), instanceField)).isEqualTo(step);

            // one instance, reset for every task, closed at the end where the server can close instances
            boolean closes = Profiles.builtIn(profile).close() != null;
            assertThat(family.createdInstances()).isEqualTo(1);
            assertThat(family.liveInstances()).isEqualTo(closes ? 0 : 1);
            assertThat(calls.stream().filter(c -> c.path().endsWith("/reset"))).hasSize(EPISODES);
            JsonNode counts = KaizenCli.events(out, "agentgym-instances").get(0);
            assertThat(counts.path("created").asInt()).isEqualTo(1);
            assertThat(counts.path("reused").asInt()).isEqualTo(EPISODES - 1);
            assertThat(counts.path("closed").asInt()).isEqualTo(closes ? 1 : 0);
            assertThat(KaizenCli.events(out, "agentgym-server").get(0).path("identity").asText()).isNotBlank();
        }
    }

    /** The body with the instance field's value replaced by {@code "I"}. */
    private static String normalized(JsonNode body, String instanceField) {
        ObjectNode copy = body.deepCopy();
        assertThat(copy.has(instanceField)).as("%s carries %s", body, instanceField).isTrue();
        copy.put(instanceField, "I");
        return copy.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"webshop", "alfworld", "babyai", "sciworld", "maze"})
    void aCandidatePolicyRunsOnTheProfilesListOfValidActions(String profile) throws Exception {
        Family family = Families.forProfile(profile);
        Path out = dir.resolve(profile + "-djl");
        try (FakeServer server = FakeServer.start(family)) {
            Path recipe = KaizenCli.recipe(dir, profile + "-djl", """
                    name: agentgym-%s-djl
                    seed: 7
                    environment: {type: agentgym, profile: %s, baseUrl: "%s", actionMode: list, unseen: "0-3",
                                  maxSteps: 6}
                    policy: {type: djl-scorer}
                    method: {type: evaluate}
                    evaluation: {splits: [unseen], episodes: 4, validation: 0}
                    rollout: {threads: 2}
                    """.formatted(profile, profile, server.baseUrl()));
            KaizenCli.Result result = KaizenCli.run(recipe, out, List.of());
            assertThat(result.code()).as(result.printed()).isZero();
            assertThat(KaizenCli.summary(out).path("evaluations").get(0).path("episodes").asInt()).isEqualTo(4);
            List<String> sent = new ArrayList<>();
            server.calls().stream().filter(c -> c.path().endsWith("/step")).forEach(c -> sent.add(c.bodyText("action")));
            assertThat(sent).as("the policy acted").isNotEmpty();
            Map<String, String> listed = Map.of("babyai", String.join("|", BabyAi.ACTIONS),
                    "maze", "move left|move right|move up|move down");
            assertThat(sent).allSatisfy(action -> assertThat(action).matches(switch (profile) {
                case "webshop" -> "click\\[.+]|search\\[i need item b000\\d, a red shirt]";
                case "alfworld" -> "go to desk 1|take mug 1 from desk 1|put mug 1 in/on desk 1|look|inventory";
                case "sciworld" -> "look around|(open|focus on) (door|thermometer|beaker)|move \\w+ to \\w+";
                default -> listed.get(profile);
            }));
        }
    }

    @Test
    void aCandidatePolicyOnFreeTextActionsIsRefusedAtStartNamingThePoliciesThatFit() throws Exception {
        Path recipe = KaizenCli.recipe(dir, "textcraft-djl", """
                name: textcraft-djl
                environment: {type: agentgym, profile: textcraft, baseUrl: "http://127.0.0.1:9", unseen: "0-3"}
                policy: {type: djl-scorer}
                method: {type: evaluate}
                evaluation: {splits: [unseen], validation: 0}
                """);
        KaizenCli.Result result = KaizenCli.run(recipe, dir.resolve("refused"), List.of());
        assertThat(result.code()).as(result.printed()).isEqualTo(2);
        assertThat(result.err()).contains("needs a policy that is free-text")
                .contains("profile textcraft in actionMode free-text offers free-text actions [{}]")
                .contains("but policy is 'djl-scorer'; policy types that are free-text: [llm]")
                .contains("profiles that do (with actionMode: list): [webshop, alfworld, babyai, sciworld, maze]");
        assertThat(dir.resolve("refused")).doesNotExist();
    }
}
