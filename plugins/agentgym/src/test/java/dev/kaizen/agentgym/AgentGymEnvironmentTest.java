package dev.kaizen.agentgym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.agentgym.fake.AlfWorld;
import dev.kaizen.agentgym.fake.BabyAi;
import dev.kaizen.agentgym.fake.Call;
import dev.kaizen.agentgym.fake.FakeServer;
import dev.kaizen.agentgym.fake.LmrlGym;
import dev.kaizen.agentgym.fake.SciWorld;
import dev.kaizen.agentgym.fake.TextCraft;
import dev.kaizen.agentgym.fake.WebShop;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Episodes of the agentgym environment against fake servers of several families. */
class AgentGymEnvironmentTest {

    @TempDir
    Path runDirectory;

    private Environment environment(FakeServer server, String profile, Object... more) {
        FakeComponentContext context = new FakeComponentContext(3, runDirectory).register(new AgentGymFactory());
        Map<String, Object> fields = new HashMap<>(Map.of("type", "agentgym", "baseUrl", server.baseUrl().toString(),
                "profile", profile, "train", "0-3", "seen", "4-7", "requestTimeoutSeconds", 5, "maxSteps", 4,
                "retries", 1, "retryBackoffMillis", 20));
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return context.create(context.config(EnvironmentConfig.class, fields));
    }

    private static Task train(Environment environment, int i) {
        return environment.tasks(Split.TRAIN).get(i);
    }

    @Test
    void textCraftActionsReachTheServerCleanedAsAgentGymsClientCleansThem() {
        TextCraft family = new TextCraft();
        try (FakeServer server = FakeServer.start(family); Environment environment = environment(server, "textcraft")) {
            try (Episode episode = environment.reset(train(environment, 1), 1)) {
                assertThat(episode.observation().text()).endsWith("Goal: craft torch.");
                assertThat(episode.observation().templates()).containsExactly("{}");
                episode.step(Action.of("get 1 coal."));
                episode.step(Action.of("Action: get 1 stick"));
                int before = server.calls().size();
                Observation refused = episode.step(Action.of("Action: get 1 coal\nAction: craft 4 torch using 1 stick, 1 coal"));
                assertThat(server.calls()).as("refused without asking the server").hasSize(before);
                assertThat(refused.text()).isEqualTo("Error: Only one 'Action' is allowed per response. Please adjust "
                        + "your response.");
                assertThat(refused.feedback()).isEqualTo(refused.text());
                assertThat(refused.templates()).containsExactly("{}");
                Observation last = episode.step(Action.of(
                        "Thought:\nI have both.\n\nAction:\ncraft 4 torch using 1 stick, 1 coal.\n"));
                assertThat(last.done()).isTrue();
                assertThat(last.reward()).isEqualTo(1.0);
            }
            assertThat(family.actions).containsExactly("get 1 coal", "get 1 stick", "craft 4 torch using 1 stick, 1 coal");
            assertThat(server.calls("POST /step").get(0).body().toString())
                    .isEqualTo("{\"id\":0,\"action\":\"get 1 coal\"}");
        }
    }

    @Test
    void babyAiCountsACompletedTaskAsASuccessWhateverItsScore() {
        try (FakeServer server = FakeServer.start(new BabyAi()); Environment environment = environment(server, "babyai")) {
            try (Episode episode = environment.reset(train(environment, 0), 1)) {
                Observation start = episode.observation();
                assertThat(start.actions()).extracting(Action::text).containsExactlyElementsOf(BabyAi.ACTIONS);
                assertThat(start.templates()).as("actionMode list").isEmpty();
                int before = server.calls().size();
                Observation invalid = episode.step(Action.of("jump"));
                assertThat(server.calls()).hasSize(before);
                assertThat(invalid.feedback()).isEqualTo("invalid action 'jump': use one of the valid actions or templates");
                Observation end = episode.step(Action.of("go to red ball 1"));
                assertThat(end.done()).isTrue();
                assertThat(end.text()).contains("The task is completed.");
                assertThat(end.reward()).as("the server's 0.888, raised to a success").isEqualTo(1.0);
                assertThat(end.info()).containsEntry("score", "0.888");
                assertThat(Trajectory.of(train(environment, 0), List.of(), end.reward(), TrajectorySource.AGENT).success())
                        .isTrue();
            }
        }
    }

    @Test
    void sciWorldScoresAreScaledAndAnEpisodeCutOffKeepsItsPartialCredit() {
        try (FakeServer server = FakeServer.start(new SciWorld()); Environment environment = environment(server,
                "sciworld", "maxSteps", 2)) {
            try (Episode episode = environment.reset(train(environment, 0), 1)) {
                assertThat(episode.observation().text()).isEqualTo("Your task is to focus on the thermometer.\nThis room is "
                        + "called the kitchen. In it, you see: a door, a thermometer, a beaker.");
                assertThat(episode.step(Action.of("open door")).reward()).isEqualTo(0.25);
                Observation cut = episode.step(Action.of("look around"));
                assertThat(cut.done()).isTrue();
                assertThat(cut.feedback()).isEqualTo("out of steps (maxSteps 2)");
                assertThat(cut.reward()).isZero();
            }
            try (Episode episode = environment.reset(train(environment, 1), 1)) {
                episode.step(Action.of("open door"));
                assertThat(episode.step(Action.of("focus on thermometer")).reward()).isEqualTo(0.75);
            }
        }
    }

    @Test
    void sciWorldsHintGivesCandidatesInListMode() {
        try (FakeServer server = FakeServer.start(new SciWorld()); Environment environment = environment(server,
                "sciworld", "actionMode", "list")) {
            try (Episode episode = environment.reset(train(environment, 0), 1)) {
                assertThat(episode.observation().templates()).isEmpty();
                assertThat(episode.observation().actions()).extracting(Action::text).hasSize(1 + 3 + 3 + 9)
                        .startsWith("look around", "open door", "open thermometer", "open beaker", "focus on door")
                        .contains("move door to thermometer", "move beaker to beaker");
            }
        }
    }

    @Test
    void alfWorldsAdmissibleCommandsAreTheActionsAndShownAsAgentGymShowsThem() {
        AlfWorld family = new AlfWorld();
        try (FakeServer server = FakeServer.start(family); Environment environment = environment(server, "alfworld")) {
            try (Episode episode = environment.reset(train(environment, 2), 1)) {
                Observation start = episode.observation();
                assertThat(start.text()).endsWith("\nAVAILABLE ACTIONS: go to desk 1,take mug 1 from desk 1,"
                        + "put mug 1 in/on desk 1,look,inventory");
                assertThat(start.actions()).extracting(Action::text).containsExactlyElementsOf(AlfWorld.ADMISSIBLE);
                assertThat(episode.step(Action.of("put mug 1 in/on desk 1")).reward()).isEqualTo(1.0);
            }
        }
        assertThat(family.liveInstances()).as("the server has no /close: the instance stays").isEqualTo(1);
    }

    @Test
    void webShopOffersTheSearchBoxAsATemplateOrInListModeASearchForTheInstruction() {
        try (FakeServer server = FakeServer.start(new WebShop())) {
            try (Environment both = environment(server, "webshop"); Episode episode = both.reset(train(both, 1), 1)) {
                assertThat(episode.observation().actions()).isEmpty();
                assertThat(episode.observation().templates()).containsExactly("search[{}]");
                Observation results = episode.step(Action.of("search[red shirt]"));
                assertThat(results.templates()).isEmpty();
                assertThat(results.actions()).extracting(Action::text)
                        .containsExactly("click[back to search]", "click[next >]", "click[b0001]", "click[b0002]");
            }
            try (Environment list = environment(server, "webshop", "actionMode", "list");
                 Episode episode = list.reset(train(list, 1), 1)) {
                assertThat(episode.observation().templates()).isEmpty();
                assertThat(episode.observation().actions()).extracting(Action::text)
                        .containsExactly("search[i need item b0002, a red shirt]");
            }
        }
    }

    @Test
    void anInstanceIsResetForTaskAfterTaskAndClosedWithTheEnvironment() {
        TextCraft family = new TextCraft();
        try (FakeServer server = FakeServer.start(family)) {
            try (Environment environment = environment(server, "textcraft")) {
                assertThat(environment.maxOpenEpisodes()).hasValue(64);
                for (int i = 0; i < 3; i++) {
                    environment.reset(train(environment, i), 1).close();
                }
                assertThat(family.createdInstances()).isEqualTo(1);
                assertThat(family.liveInstances()).isEqualTo(1);
            }
            assertThat(family.closedInstances()).isEqualTo(1);
            assertThat(server.calls()).extracting(Call::route).containsExactly("GET /", "POST /create", "POST /reset",
                    "POST /reset", "POST /reset", "POST /close");
        }
    }

    @Test
    void aStoppedRunClosesTheInstancesItHoldsEvenThoseInUse() {
        TextCraft family = new TextCraft();
        try (FakeServer server = FakeServer.start(family); Environment environment = environment(server, "textcraft")) {
            Episode first = environment.reset(train(environment, 0), 1);
            Episode second = environment.reset(train(environment, 1), 1);
            assertThat(family.liveInstances()).isEqualTo(2);
            ((AgentGymEnvironment) environment).closeHeldInstances(); // what the shutdown hook runs
            assertThat(family.liveInstances()).isZero();
            assertThat(family.closedInstances()).isEqualTo(2);
            first.close();
            second.close();
        }
    }

    @Test
    void aServerThatForgotAnInstanceFailsTheEpisodeAndTheInstanceIsNotUsedAgain() {
        TextCraft family = new TextCraft();
        try (FakeServer server = FakeServer.start(family); Environment environment = environment(server, "textcraft")) {
            Episode episode = environment.reset(train(environment, 0), 1);
            server.family().answer(new Call("POST", "/close", Map.of(), new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("id", 0), null, 0));
            assertThatThrownBy(() -> episode.step(Action.of("get 1 coal")))
                    .isInstanceOf(AgentGymException.class)
                    .hasMessageContaining("reported an error for POST /step (task textcraft-0, instance 0, step 1): "
                            + "The id 0 is not valid.");
            episode.close();
            try (Episode fresh = environment.reset(train(environment, 1), 1)) {
                assertThat(fresh.step(Action.of("get 1 coal")).text()).isEqualTo("Got 1 coal");
            }
            assertThat(family.createdInstances()).isEqualTo(2);
        }
    }

    @Test
    void theMazeIsFoundUnderItsPrefixWithOrWithoutItInTheBaseUrl() {
        try (FakeServer server = FakeServer.start(new LmrlGym())) {
            for (String base : List.of(server.baseUrl().toString(), server.baseUrl() + "/maze/")) {
                try (Environment environment = environment(server, "maze", "baseUrl", base);
                     Episode episode = environment.reset(train(environment, 0), 1)) {
                    assertThat(episode.observation().text()).startsWith("Your objective is to reach the goal")
                            .endsWith("Your current position is at position 1, 1. There are walls to your left, to "
                                    + "your right.");
                    assertThat(episode.observation().actions()).extracting(Action::text)
                            .containsExactly("move left", "move right", "move up", "move down");
                    Observation end = episode.step(Action.of("move down"));
                    assertThat(end.done()).isTrue();
                    assertThat(end.reward()).isEqualTo(1.0);
                }
            }
            assertThat(server.calls()).extracting(Call::path).allMatch(p -> p.equals("/") || p.startsWith("/maze/"))
                    .contains("/maze/create", "/maze/reset", "/maze/available_actions", "/maze/step");
        }
    }

    @Test
    void tasksCarryAgentGymsInstructionsAndItemIds() {
        try (FakeServer server = FakeServer.start(new TextCraft());
             Environment environment = environment(server, "textcraft", "instructions", null)) {
            Task task = environment.tasks(Split.SEEN).get(1);
            assertThat(task.id()).isEqualTo("textcraft-5");
            assertThat(task.info()).containsEntry("env", "textcraft").containsEntry("dataIdx", "5")
                    .containsEntry("profile", "textcraft");
            assertThat(task.instruction()).startsWith("You are given few useful crafting recipes to craft items in "
                    + "Minecraft.");
            assertThat(environment.stepLimit()).hasValue(4);
        }
        try (FakeServer server = FakeServer.start(new TextCraft());
             Environment environment = environment(server, "textcraft", "instructions", "Craft the goal.")) {
            assertThat(train(environment, 0).instruction()).isEqualTo("Craft the goal.");
            assertThatThrownBy(() -> environment.reset(new Task("textcraft-99", Split.TRAIN, "x"), 1))
                    .hasMessage("not a task of this textcraft environment: textcraft-99");
        }
    }

    @Test
    void replaysAgentGymTrajectoriesAsDemonstrations() throws Exception {
        Path file = runDirectory.resolve("textcraft_train.json");
        try (InputStream in = getClass().getResourceAsStream("/agenttraj-sample.json")) {
            Files.write(file, in.readAllBytes());
        }
        try (FakeServer server = FakeServer.start(new TextCraft());
             Environment environment = environment(server, "textcraft", "demonstrations", file.toString())) {
            Trajectory expert = environment.demonstration(train(environment, 1)).orElseThrow();
            assertThat(expert.source()).isEqualTo(TrajectorySource.EXPERT);
            assertThat(expert.success()).isTrue();
            assertThat(expert.steps()).extracting(s -> s.action().text())
                    .containsExactly("get 1 stick", "get 1 coal", "craft 4 torch using 1 stick, 1 coal");
            assertThat(expert.steps().get(1).observation().text()).isEqualTo("Got 1 stick");
            assertThat(environment.demonstration(train(environment, 1))).containsSame(expert);
            assertThat(environment.demonstration(train(environment, 0))).isEmpty();
            assertThat(environment.demonstration(train(environment, 3))).as("an item of another family").isEmpty();
        }
    }

    @Test
    void readsJsonLinesDemonstrationsAndRejectsBrokenFiles() throws Exception {
        Path lines = runDirectory.resolve("demo.jsonl");
        Files.writeString(lines, "{\"item_id\": \"textcraft_2\", \"conversations\": [{\"from\": \"human\", \"value\": "
                + "\"go\"}, {\"from\": \"gpt\", \"value\": \"OK\"}, {\"from\": \"human\", \"value\": \"obs\"}, "
                + "{\"from\": \"gpt\", \"value\": \"Thought: up.\\nAction: get 1 coal\"}]}\n");
        assertThat(Demonstrations.load(lines, "textcraft").actions(2)).containsExactly("get 1 coal");
        Path broken = runDirectory.resolve("broken.jsonl");
        Files.writeString(broken, "{\"item_id\": \"textcraft_1\", \"conversations\": []}\n{\"item_id\": oops}\n");
        assertThatThrownBy(() -> Demonstrations.load(broken, "textcraft"))
                .hasMessageContaining("demonstrations file " + broken + ", line 2: not valid JSON");
        assertThatThrownBy(() -> Demonstrations.load(runDirectory.resolve("missing.json"), "textcraft"))
                .hasMessageContaining("does not exist");
        Path shapeless = runDirectory.resolve("shapeless.json");
        Files.writeString(shapeless, "[{\"id\": 1}]");
        assertThatThrownBy(() -> Demonstrations.load(shapeless, "textcraft"))
                .hasMessageContaining("item 1: needs \"item_id\" (e.g. \"textcraft_12\")");
    }

    @Test
    void theFactoryIsInThePluginsExtensionIndex() throws Exception {
        StringBuilder listed = new StringBuilder();
        var resources = getClass().getClassLoader().getResources("META-INF/extensions.idx");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                listed.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(listed.toString()).contains(AgentGymFactory.class.getName());
    }
}
