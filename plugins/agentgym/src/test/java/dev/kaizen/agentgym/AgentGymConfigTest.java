package dev.kaizen.agentgym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kaizen.agentgym.profile.ActionMode;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentGymConfigTest {

    private static final Map<String, Object> BASE = Map.of("type", "agentgym", "baseUrl", "http://localhost:36001",
            "profile", "textcraft", "train", "0-9");

    @TempDir
    Path dir;

    private final FakeComponentContext context = new FakeComponentContext(3, Path.of("."))
            .register(new AgentGymFactory());

    private AgentGymConfig config(Map<String, Object> base, Object... more) {
        Map<String, Object> fields = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return (AgentGymConfig) context.config(EnvironmentConfig.class, fields);
    }

    @Test
    void fieldsLeftOutTakeTheProfilesDefaults() {
        AgentGymConfig textcraft = config(BASE);
        assertThat(textcraft.actionMode()).isEqualTo(ActionMode.FREE_TEXT);
        assertThat(textcraft.instances()).isEqualTo(64);
        assertThat(textcraft.maxSteps()).isEqualTo(30);
        assertThat(textcraft.retries()).isEqualTo(4);
        assertThat(textcraft.retryBackoffMillis()).isEqualTo(250);
        assertThat(config(BASE, "profile", "alfworld").actionMode()).isEqualTo(ActionMode.LIST);
        assertThat(config(BASE, "profile", "webshop").actionMode()).isEqualTo(ActionMode.BOTH);
        assertThat(config(BASE, "profile", "sqlgym").instances()).as("the server keeps 8 apart").isEqualTo(8);
        assertThat(config(BASE, "profile", "sciworld", "actionMode", "list").actionMode()).isEqualTo(ActionMode.LIST);
    }

    @Test
    void freeTextActionsNeedAPolicyThatWritesThem() {
        AgentGymFactory factory = new AgentGymFactory();
        assertThat(factory.requirements(config(BASE))).singleElement().satisfies(r -> {
            assertThat(r.trait()).isEqualTo(Requirement.FREE_TEXT);
            assertThat(r.part()).isEqualTo("policy");
            assertThat(r.why()).contains("profile textcraft lists no valid actions; profiles that do (with actionMode: "
                    + "list): [webshop, alfworld, babyai, sciworld, maze]");
        });
        assertThat(factory.requirements(config(BASE, "profile", "webshop")).get(0).why())
                .contains("a policy that picks among listed actions needs environment.actionMode: list");
        assertThat(factory.requirements(config(BASE, "profile", "babyai"))).isEmpty();
        assertThat(factory.requirements(config(BASE, "profile", "webshop", "actionMode", "list"))).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithWhatIsAllowed() {
        Map<String, Object> noTasks = new HashMap<>(BASE);
        noTasks.remove("train");
        assertThatThrownBy(() -> config(noTasks)).rootCause()
                .hasMessageContaining("no tasks: give task indices in train, seen and/or unseen");
        assertThatThrownBy(() -> config(BASE, "seen", "5-12")).rootCause()
                .hasMessageContaining("task 5 is in both train and seen");
        assertThatThrownBy(() -> config(BASE, "train", "9-3")).rootCause()
                .hasMessageContaining("train: '9-3' is not a task index or range");
        assertThatThrownBy(() -> config(BASE, "profile", "alfwrld")).rootCause()
                .hasMessageContaining("unknown profile 'alfwrld'; known: [webshop, alfworld");
        Map<String, Object> noProfile = new HashMap<>(BASE);
        noProfile.remove("profile");
        assertThatThrownBy(() -> config(noProfile)).rootCause()
                .hasMessageContaining("profile is required: the AgentGym server family, one of [webshop");
        assertThatThrownBy(() -> config(BASE, "profileFile", "x.yaml")).rootCause()
                .hasMessageContaining("give profile or profileFile, not both");
        assertThatThrownBy(() -> config(BASE, "actionMode", "list")).rootCause()
                .hasMessageContaining("actionMode list: profile textcraft reads no list of valid actions");
        assertThatThrownBy(() -> config(BASE, "profile", "alfworld", "actionMode", "both")).rootCause()
                .hasMessageContaining("actionMode both: profile alfworld has no free-text templates");
        assertThatThrownBy(() -> config(BASE, "actionMode", "some")).hasMessageContaining("unknown action mode 'some'");
        assertThatThrownBy(() -> config(BASE, "profile", "sqlgym", "instances", 16)).rootCause()
                .hasMessageContaining("instances is 16, but a sqlgym server keeps only 8 instances apart");
        assertThatThrownBy(() -> config(BASE, "instances", 0)).rootCause()
                .hasMessageContaining("instances must be between 1 and 4096, got 0");
        assertThatThrownBy(() -> config(BASE, "retries", -1)).rootCause()
                .hasMessageContaining("retries must be between 0 and 20, got -1");
        assertThatThrownBy(() -> config(BASE, "retryBackoffMillis", 70_000)).rootCause()
                .hasMessageContaining("retryBackoffMillis must be between 0 and 60000");
        assertThatThrownBy(() -> config(BASE, "baseUrl", "36001")).rootCause()
                .hasMessageContaining("baseUrl must be an http:// or https:// URL");
        assertThatThrownBy(() -> config(BASE, "maxSteps", 0)).rootCause()
                .hasMessageContaining("maxSteps must be >= 1, got 0");
        assertThatThrownBy(() -> config(BASE, "requestTimeoutSeconds", 0)).rootCause()
                .hasMessageContaining("requestTimeoutSeconds and connectTimeoutSeconds must be > 0");
        assertThatThrownBy(() -> config(BASE, "protocol", "id")).hasMessageContaining("protocol");
    }

    @Test
    void aProfileFileIsReadAndItsProblemsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), """
                name: mine
                reset: {body: {id: $instance, data_idx: $task}, observation: /observation}
                step: {body: {id: $instance, action: $action}, observation: /o, reward: /r, done: /d}
                freeText: ["{}"]
                """, StandardCharsets.UTF_8);
        Map<String, Object> fromFile = new HashMap<>(BASE);
        fromFile.remove("profile");
        AgentGymConfig mine = config(fromFile, "profileFile", file.toString());
        assertThat(mine.resolvedProfile().name()).isEqualTo("mine");
        Files.writeString(file, "name: mine\n");
        assertThatThrownBy(() -> config(fromFile, "profileFile", file.toString()))
                .hasStackTraceContaining("profile file " + file).hasStackTraceContaining("reset is required");
    }

    @Test
    void everyShippedRecipesEnvironmentIsAValidConfig() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path recipes = Path.of("..", "..", "dist", "recipes");
        List<Path> files;
        try (Stream<Path> all = Files.list(recipes)) {
            files = all.filter(p -> p.getFileName().toString().startsWith("agentgym-")).sorted().toList();
        }
        assertThat(files).hasSize(16);
        for (Path file : files) {
            JsonNode environment;
            try (InputStream in = Files.newInputStream(file)) {
                environment = yaml.readTree(in).get("environment");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = yaml.convertValue(environment, Map.class);
            AgentGymConfig config = (AgentGymConfig) context.config(EnvironmentConfig.class, fields);
            assertThat(config.resolvedProfile().name()).as(file.toString()).isEqualTo(fields.get("profile"));
        }
    }
}
