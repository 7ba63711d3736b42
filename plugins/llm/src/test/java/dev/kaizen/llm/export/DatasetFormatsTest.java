package dev.kaizen.llm.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.api.export.ExportSource;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import dev.kaizen.llm.prompt.ReactPrompt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each format's rows have the field names, types and nesting of sample rows written from the target
 * trainer's documentation ({@code src/test/resources/export/}), and the semantics that matter:
 * actions are the only trained turns, prompts end where the policy would answer.
 */
class DatasetFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path out;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
    private final Trajectory failed = agentTrajectory(expert, List.of("click[+1]", "click[submit]"));
    private final PreferencePair stepPair = PreferencePair.ofSteps(expert.contextAt(1), expert.steps().get(1),
            new Step(expert.steps().get(1).observation(), Action.of("click[-1]"), 0.0), 0.5);
    private final PreferencePair trajectoryPair = PreferencePair.ofTrajectories(expert, failed, 1.0);
    private final ReactPrompt prompt = new ReactPrompt(PromptOptions.defaults());

    private Trajectory agentTrajectory(Trajectory like, List<String> actions) {
        try (var episode = environment.reset(like.task(), 1)) {
            List<Step> steps = new ArrayList<>();
            double reward = 0;
            for (String text : actions) {
                var before = episode.observation();
                var after = episode.step(Action.of(text));
                steps.add(new Step(before, Action.of(text), after.reward()));
                reward += after.reward();
            }
            return Trajectory.of(like.task(), steps, reward, TrajectorySource.AGENT);
        }
    }

    private ExportSource source(List<Trajectory> trajectories, List<PreferencePair> pairs) {
        return new ExportSource(out, "eto-counter", trajectories, pairs);
    }

    // ---- shapes ----

    /** The structure of a JSON value: field names and types, arrays as the set of their elements' shapes. */
    private static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), shape(field.getValue()));
            }
            return fields;
        }
        if (node.isArray()) {
            Set<String> elements = new TreeSet<>();
            node.forEach(element -> elements.add(String.valueOf(shape(element))));
            return List.of("array", elements);
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static Set<String> rowShapes(List<JsonNode> rows) {
        Set<String> shapes = new TreeSet<>();
        rows.forEach(row -> shapes.add(String.valueOf(shape(row))));
        return shapes;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    private static List<JsonNode> sample(String name) throws IOException {
        try (InputStream in = DatasetFormatsTest.class.getResourceAsStream("/export/" + name)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    private static List<JsonNode> parse(String text, String name) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        if (name.endsWith(".jsonl")) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(MAPPER.readTree(line));
                }
            }
        } else {
            JsonNode root = MAPPER.readTree(text);
            if (root.isArray()) {
                root.forEach(rows::add);
            } else {
                rows.add(root);
            }
        }
        return rows;
    }

    private static void assertSameShape(List<JsonNode> ours, List<JsonNode> documented) {
        assertThat(ours).isNotEmpty();
        assertThat(rowShapes(ours)).isEqualTo(rowShapes(documented));
    }

    private static List<String> values(JsonNode turns, String field) {
        List<String> out = new ArrayList<>();
        turns.forEach(t -> out.add(t.get(field).asText()));
        return out;
    }

    // ---- formats ----

    @Test
    void trlSftWritesMessagesWithActionsAsAssistantTurns() throws IOException {
        List<Path> files = new TrlSftFormat().export(source(List.of(expert, failed, expert), List.of()), out);

        assertThat(files).containsExactly(out.resolve("trl-sft.jsonl"));
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("trl-sft.jsonl"));
        assertThat(rows).as("successful trajectories, each once").hasSize(1);
        JsonNode messages = rows.get(0).get("messages");
        List<String> roles = values(messages, "role");
        assertThat(roles.get(0)).isEqualTo("system");
        for (int i = 1; i < roles.size(); i++) {
            assertThat(roles.get(i)).isEqualTo(i % 2 == 1 ? "user" : "assistant");
        }
        List<String> actions = new ArrayList<>();
        messages.forEach(m -> {
            if (m.get("role").asText().equals("assistant")) {
                actions.add(m.get("content").asText());
                assertThat(m.get("content").asText()).doesNotContain("Observation");
            }
        });
        assertThat(actions).containsExactly("Action: click[+1]", "Action: click[+1]", "Action: click[+1]",
                "Action: click[submit]");
    }

    @Test
    void trlDpoWritesStepPairsWithThePolicysPrompt() throws IOException {
        List<Path> files = new TrlDpoFormat().export(source(List.of(), List.of(stepPair)), out);

        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("trl-dpo.jsonl"));
        JsonNode row = rows.get(0);
        List<ChatMessage> expected = prompt.messages(stepPair.context());
        assertThat(row.get("prompt")).hasSize(expected.size());
        assertThat(row.get("prompt").get(expected.size() - 1).get("content").asText())
                .isEqualTo(expected.get(expected.size() - 1).content());
        assertThat(row.get("prompt").get(expected.size() - 1).get("role").asText()).isEqualTo("user");
        assertThat(row.get("chosen").get(0).get("content").asText()).isEqualTo("Action: click[+1]");
        assertThat(row.get("rejected").get(0).get("content").asText()).isEqualTo("Action: click[-1]");
    }

    @Test
    void stepOnlyFormatsRejectTrajectoryPairsClearly() {
        for (DatasetFormat format : List.of(new TrlDpoFormat(), new LlamaFactoryDpoFormat(), new OpenRlhfDpoFormat())) {
            assertThatThrownBy(() -> format.export(source(List.of(), List.of(trajectoryPair)), out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(format.name() + " writes step-level pairs")
                    .hasMessageContaining("1 trajectory-level pairs")
                    .hasMessageContaining("trl-dpo-trajectory (TRL's conversational form)");
            assertThatThrownBy(() -> format.export(source(List.of(expert), List.of()), out))
                    .hasMessageContaining("the data holds none; run a method that writes them (agentq, stepagent) first");
        }
    }

    @Test
    void llamaFactoryWritesShareGptRowsAndItsDatasetInfoEntry() throws IOException {
        Files.writeString(out.resolve("dataset_info.json"), "{\"mine\": {\"file_name\": \"mine.json\"}}");
        List<Path> files = new LlamaFactoryDpoFormat().export(source(List.of(), List.of(stepPair, trajectoryPair)), out);

        assertThat(files).containsExactly(out.resolve("llamafactory-dpo.json"), out.resolve("dataset_info.json"));
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("llamafactory-dpo.json"));
        assertThat(rows).as("trajectory-level pair skipped").hasSize(1);
        List<String> from = values(rows.get(0).get("conversations"), "from");
        assertThat(from.size() % 2).isEqualTo(1);
        for (int i = 0; i < from.size(); i++) {
            assertThat(from.get(i)).isEqualTo(i % 2 == 0 ? "human" : "gpt");
        }
        assertThat(rows.get(0).get("system").asText()).as("asks for what the turns hold: actions, no thoughts")
                .isEqualTo(new ReactPrompt(PromptOptions.defaults().forRecordedActions()).systemText())
                .doesNotContain("Thought");
        assertThat(rows.get(0).get("chosen").get("value").asText()).isEqualTo("Action: click[+1]");

        JsonNode info = MAPPER.readTree(files.get(1).toFile());
        assertThat(info.has("mine")).as("existing entries are kept").isTrue();
        JsonNode entry = info.get(LlamaFactoryDpoFormat.datasetKey("eto-counter"));
        assertThat(LlamaFactoryDpoFormat.datasetKey("eto-counter")).isEqualTo("kaizen_eto_counter");
        JsonNode documented = sample("llamafactory-dataset_info.json").get(0).get("dataset_name");
        assertThat(shape(entry)).isEqualTo(shape(documented));
        assertThat(entry.get("file_name").asText()).isEqualTo("llamafactory-dpo.json");
        assertThat(entry.get("formatting").asText()).isEqualTo("sharegpt");
        assertThat(entry.get("ranking").asBoolean()).isTrue();
        assertThat(entry.get("columns")).isEqualTo(documented.get("columns"));
        assertThat(entry.get("tags")).isEqualTo(documented.get("tags"));
    }

    @Test
    void llamaFactoryRefusesToOverwriteABrokenDatasetInfo() throws IOException {
        Files.writeString(out.resolve("dataset_info.json"), "{ not json");
        assertThatThrownBy(() -> new LlamaFactoryDpoFormat().export(source(List.of(), List.of(stepPair)), out))
                .hasMessageContaining("dataset_info.json exists but is not valid JSON");
        assertThat(Files.readString(out.resolve("dataset_info.json"))).isEqualTo("{ not json");
    }

    @Test
    void openRlhfWritesConversationsThatDifferOnlyInTheLastAction() throws IOException {
        List<Path> files = new OpenRlhfDpoFormat().export(source(List.of(), List.of(stepPair)), out);
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("openrlhf-dpo.jsonl"));
        JsonNode chosen = rows.get(0).get("chosen");
        JsonNode rejected = rows.get(0).get("rejected");
        assertThat(chosen.size()).isEqualTo(rejected.size());
        for (int i = 0; i < chosen.size() - 1; i++) {
            assertThat(chosen.get(i)).isEqualTo(rejected.get(i));
        }
        assertThat(chosen.get(chosen.size() - 1).get("role").asText()).isEqualTo("assistant");
        assertThat(chosen.get(chosen.size() - 1).get("content").asText()).isEqualTo("Action: click[+1]");
        assertThat(rejected.get(rejected.size() - 1).get("content").asText()).isEqualTo("Action: click[-1]");
        assertThat(rows.get(0).get("margin").asDouble()).isEqualTo(0.5);
    }

    @Test
    void trlDpoTrajectoryWritesEtosPairsAsConversationsTrlReads() throws IOException {
        List<Path> files = new TrlDpoTrajectoryFormat().export(source(List.of(), List.of(trajectoryPair, stepPair)), out);

        assertThat(files).containsExactly(out.resolve("trl-dpo-trajectory.jsonl"));
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("trl-dpo.jsonl"));
        assertThat(rows).as("the trajectory-level pair only").hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(values(row.get("prompt"), "role")).containsExactly("system", "user");
        assertThat(row.get("prompt").get(0).get("content").asText()).doesNotContain("Thought");
        assertThat(row.get("prompt").get(1).get("content").asText()).startsWith("Task: " + expert.task().instruction());
        List<String> roles = values(row.get("chosen"), "role");
        assertThat(roles).hasSize(2 * expert.length() - 1);
        for (int i = 0; i < roles.size(); i++) {
            assertThat(roles.get(i)).isEqualTo(i % 2 == 0 ? "assistant" : "user");
        }
        assertThat(values(row.get("rejected"), "content")).containsExactly("Action: click[+1]",
                prompt.renderObservation(failed.steps().get(1).observation()), "Action: click[submit]");
        assertThatThrownBy(() -> new TrlDpoTrajectoryFormat().export(source(List.of(), List.of(stepPair)), out))
                .hasMessageContaining("1 step-level pairs only; export those with trl-dpo");
    }

    @Test
    void etoWritesTrajectoryPairsAsItsTrainerReadsThem() throws IOException {
        List<Path> files = new EtoTrajectoryPairsFormat().export(source(List.of(), List.of(trajectoryPair)), out);
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("eto-trajectory-pairs.json"));
        JsonNode row = rows.get(0);
        assertThat(row.get("id").asText()).isEqualTo(expert.task().id());
        assertThat(values(row.get("prompt"), "from")).containsExactly("human", "gpt", "human");
        assertThat(row.get("prompt").get(1).get("value").asText()).isEqualTo("OK");
        assertThat(row.get("prompt").get(2).get("value").asText()).startsWith("Task: " + expert.task().instruction());
        List<String> chosen = values(row.get("chosen"), "from");
        assertThat(chosen).hasSize(2 * expert.length() - 1);
        for (int i = 0; i < chosen.size(); i++) {
            assertThat(chosen.get(i)).isEqualTo(i % 2 == 0 ? "gpt" : "human");
        }
        assertThat(values(row.get("rejected"), "value")).containsExactly("Action: click[+1]",
                prompt.renderObservation(failed.steps().get(1).observation()), "Action: click[submit]");
    }

    @Test
    void etoAlsoTakesStepPairs() throws IOException {
        List<JsonNode> rows = read(new EtoTrajectoryPairsFormat().export(source(List.of(), List.of(stepPair)), out)
                .get(0));
        assertSameShape(rows, sample("eto-trajectory-pairs.json"));
        JsonNode row = rows.get(0);
        assertThat(row.get("id").asText()).isEqualTo(expert.task().id() + "@1");
        assertThat(values(row.get("prompt"), "from")).containsExactly("human", "gpt", "human", "gpt", "human");
        assertThat(values(row.get("chosen"), "value")).containsExactly("Action: click[+1]");
    }

    @Test
    void agentGymSftFlagsLossOnActionsOnly() throws IOException {
        List<Path> files = new AgentGymSftFormat().export(source(List.of(expert, failed), List.of()), out);
        List<JsonNode> rows = read(files.get(0));
        assertSameShape(rows, sample("agentgym-sft.json"));
        JsonNode turns = rows.get(0).get("conversations");
        assertThat(rows.get(0).get("item_id").asText()).isEqualTo(expert.task().id());
        int trained = 0;
        for (JsonNode turn : turns) {
            boolean agent = turn.get("from").asText().equals("gpt");
            if (turn.get("loss").asBoolean(false)) {
                trained++;
                assertThat(agent).isTrue();
                assertThat(turn.get("value").asText()).startsWith("Action: ");
            }
            if (!agent) {
                assertThat(turn.get("loss").isNull()).isTrue();
            }
        }
        assertThat(trained).isEqualTo(expert.length());
        assertThat(turns.get(1).get("value").asText()).isEqualTo("Ok.");
        assertThat(turns.get(1).get("loss").asBoolean(true)).isFalse();
    }

    @Test
    void supervisedFormatsNeedASuccess() {
        assertThatThrownBy(() -> new TrlSftFormat().export(source(List.of(failed), List.of(stepPair)), out))
                .hasMessageContaining("trl-sft writes successful trajectories")
                .hasMessageContaining("holds 1 trajectories and none succeeded");
    }

    @Test
    void formatsAreFoundByName() {
        assertThat(DatasetFormats.names()).containsExactly("trl-sft", "trl-dpo", "trl-dpo-trajectory", "llamafactory-dpo",
                "openrlhf-dpo",
                "eto-trajectory-pairs", "agentgym-sft");
        assertThatThrownBy(() -> DatasetFormats.byName("trl-kto", "optimizer.pairFormat", PromptOptions.defaults()))
                .hasMessage("unknown dataset format 'trl-kto' in optimizer.pairFormat; known: [trl-sft, trl-dpo, "
                        + "trl-dpo-trajectory, llamafactory-dpo, openrlhf-dpo, eto-trajectory-pairs, agentgym-sft]");
    }

    @Test
    void everyPartIsListedInThePluginsExtensionIndex() throws IOException {
        try (InputStream in = DatasetFormat.class.getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(in).isNotNull();
        }
        List<String> listed = new ArrayList<>();
        var resources = getClass().getClassLoader().getResources("META-INF/extensions.idx");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                listed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(listed).contains(TrlSftFormat.class.getName(), TrlDpoFormat.class.getName(),
                LlamaFactoryDpoFormat.class.getName(), OpenRlhfDpoFormat.class.getName(),
                EtoTrajectoryPairsFormat.class.getName(), AgentGymSftFormat.class.getName(),
                "dev.kaizen.llm.policy.LlmPolicyFactory", "dev.kaizen.llm.critic.LlmCriticFactory");
    }
}
