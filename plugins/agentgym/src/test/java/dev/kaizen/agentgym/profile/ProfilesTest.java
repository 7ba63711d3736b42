package dev.kaizen.agentgym.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ProfilesTest {

    static final java.util.List<String> BUILT_IN = Profiles.BUILT_IN;

    /** The smallest profile a user can write. */
    private static final String MINIMAL = """
            name: mine
            reset: {body: {id: $instance, data_idx: $task}, observation: /observation}
            step: {body: {id: $instance, action: $action}, observation: /observation, reward: /reward, done: /done}
            freeText: ["{}"]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("BUILT_IN")
    void everyBuiltInProfileLoadsAndCanOfferItsDefaultMode(String name) {
        Profile profile = Profiles.builtIn(name);
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.instructions()).as("AgentGym's own instructions").isNotBlank();
        profile.check(profile.mode(), "mode");
        assertThat(profile.step().body().toString()).contains("\"$action\"");
    }

    @Test
    void builtInProfilesCarryAgentGymsWordsAndWireFormat() {
        Profile alfworld = Profiles.builtIn("alfworld");
        assertThat(alfworld.reset().body().toString()).isEqualTo("{\"id\":\"$instance\",\"game\":\"$task\",\"world_type\":\"Text\"}");
        assertThat(alfworld.close()).as("the ALFWorld server has no /close").isNull();
        assertThat(alfworld.actions().show()).isEqualTo("\nAVAILABLE ACTIONS: {}");
        assertThat(alfworld.instructions()).startsWith("Interact with a household to solve a task.");
        Profile babyai = Profiles.builtIn("babyai");
        assertThat(babyai.scoring().success()).isEqualTo(SuccessRule.DONE);
        assertThat(babyai.step().reward()).isEqualTo("/score");
        assertThat(Profiles.builtIn("sciworld").scoring().scale()).isEqualTo(0.01);
        assertThat(Profiles.builtIn("sqlgym").maxInstances()).isEqualTo(8);
        assertThat(Profiles.builtIn("maze").pathPrefix()).isEqualTo("/maze");
        assertThat(Profiles.builtIn("maze").reset().preamble()).startsWith("Your objective is to reach the goal");
        assertThat(Profiles.builtIn("wordle").reset().preambleList().placeholder()).isEqualTo("{{vocab}}");
        assertThat(Profiles.builtIn("webshop").create().id()).as("the answer is the id itself").isEmpty();
        assertThat(Profiles.builtIn("webarena").step().done()).isEqualTo("/terminated");
        assertThat(Profiles.builtIn("textcraft").instructions()).contains("craft [target object] using [input ingredients]");
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() {
        assertThatThrownBy(() -> Profiles.builtIn("alfwrld"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown profile 'alfwrld'; known: [webshop, alfworld, babyai, sciworld, textcraft, maze, "
                        + "wordle, sqlgym, searchqa, academia, movie, sheet, todo, weather, webarena] (or give "
                        + "profileFile: a YAML file describing your server)");
    }

    @Test
    void aUsersFileIsReadWithDefaultsFilledIn() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), MINIMAL, StandardCharsets.UTF_8);
        Profile profile = Profiles.file(file);
        assertThat(profile.create().path()).isEqualTo("/create");
        assertThat(profile.create().id()).isEqualTo("/id");
        assertThat(profile.reset().path()).isEqualTo("/reset");
        assertThat(profile.mode()).isEqualTo(ActionMode.FREE_TEXT);
        assertThat(profile.itemPrefix()).isEqualTo("mine");
        assertThat(profile.scoring()).isEqualTo(new Scoring(1.0, SuccessRule.REWARD, 1.0));
        assertThat(profile.close()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field         | bdy: 1                                              | unknown field 'bdy'; allowed: [actions, cleanup, close, create, description, freeText, identity, instructions, itemPrefix, maxInstances, mode, name, observe, pathPrefix, reset, scoring, step]
            nested unknown field  | scoring: {scale: 2, sucess: done}                    | unknown field 'sucess' at scoring; allowed: [scale, success, threshold]
            bad mode              | mode: lots                                          | line 5 at mode: unknown action mode 'lots'; allowed: [list, free-text, both]
            list without a list   | mode: list                                          | mode list: profile mine reads no list of valid actions; its actions are free text (free-text)
            bad regex             | 'cleanup: [{remove: "[a-"}]'                        | at cleanup[0]: remove is not a valid regular expression (Illegal character range near index 3): [a-
            two things in a step  | 'cleanup: [{remove: "x", collapseWhitespace: true}]' | a cleanup step does exactly one thing: one of [stripSuffix, find, remove, collapseWhitespace, require], got [remove, collapseWhitespace]
            only without message  | 'cleanup: [{find: {pattern: "a", take: only}}]'     | find with take: only needs a message for text with several matches
            bad pointer           | 'observe: {path: observation}'                      | path must be an endpoint path such as /reset, got 'observation'
            bad scale             | 'scoring: {scale: -1}'                              | scoring.scale must be a finite number > 0, got -1.0
            template without slot | 'actions: {from: answer, pointer: /a, format: "go"}' | actions.format must contain {} where the listed item goes, got 'go'
            endpoint no request   | 'actions: {from: endpoint}'                         | actions.request is required with from: endpoint, e.g. {path: /available_actions, query: id}
            bad source            | 'actions: {from: everywhere}'                       | unknown action source 'everywhere'; allowed: [answer, text, endpoint, hint]
            no instances          | 'maxInstances: 0'                                   | maxInstances must be >= 1, got 0
            """)
    void badProfilesAreRefusedNamingTheFileThePlaceAndWhatIsAllowed(String what, String extra, String message)
            throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), MINIMAL + extra + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Profiles.file(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("profile file " + file)
                .hasMessageContaining(message);
    }

    @Test
    void requestBodiesMustCarryWhatTheServerNeeds() throws Exception {
        Path noTask = Files.writeString(dir.resolve("a.yaml"), MINIMAL.replace("data_idx: $task", "data_idx: 0"));
        assertThatThrownBy(() -> Profiles.file(noTask)).hasMessageContaining("at reset: reset.body has no $task");
        Path noAction = Files.writeString(dir.resolve("b.yaml"), MINIMAL.replace("action: $action", "action: x"));
        assertThatThrownBy(() -> Profiles.file(noAction)).hasMessageContaining("step.body has no $action");
        Path createWithTask = Files.writeString(dir.resolve("c.yaml"), MINIMAL + "create: {body: {idx: $task}}\n");
        assertThatThrownBy(() -> Profiles.file(createWithTask))
                .hasMessageContaining("create.body cannot use $instance, $task or $action");
        Path noObservation = Files.writeString(dir.resolve("d.yaml"), MINIMAL.replace(", observation: /observation}",
                "}").replaceFirst("observation: /observation, ", ""));
        assertThatThrownBy(() -> Profiles.file(noObservation)).hasMessageContaining("step.observation is required");
        Path nowhere = Files.writeString(dir.resolve("e.yaml"), MINIMAL.replace("data_idx: $task}, observation: "
                + "/observation}", "data_idx: $task}}"));
        assertThatThrownBy(() -> Profiles.file(nowhere))
                .hasMessageContaining("the first observation comes from nowhere");
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> Profiles.file(dir.resolve("none.yaml")))
                .hasMessage("profile file " + dir.resolve("none.yaml").toAbsolutePath() + " does not exist");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: \"x\nreset: {\n");
        assertThatThrownBy(() -> Profiles.file(broken)).hasMessageContaining("profile file " + broken)
                .hasMessageContaining("is not valid YAML");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> Profiles.file(empty)).hasMessageContaining("is empty");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- name: x\n");
        assertThatThrownBy(() -> Profiles.file(list)).hasMessageContaining("expected a mapping (Profile) here");
        Path wrongType = Files.writeString(dir.resolve("type.yaml"), MINIMAL + "name: [x]\n");
        assertThatThrownBy(() -> Profiles.file(wrongType)).hasMessageContaining("at name: expected text here");
    }

    @Test
    void bodyTemplatesFillThePlaceholdersWithTheirTypes() {
        ObjectMapper json = new ObjectMapper();
        var template = Profiles.builtIn("webarena").reset().body();
        assertThat(BodyTemplate.fill(template, json.getNodeFactory().numberNode(3), 12, null).toString())
                .isEqualTo("{\"env_idx\":3,\"seed\":0,\"idx\":12}");
        var step = Profiles.builtIn("babyai").step().body();
        assertThat(BodyTemplate.fill(step, json.getNodeFactory().textNode("a7"), null, "turn left").toString())
                .isEqualTo("{\"id\":\"a7\",\"action\":\"turn left\"}");
        assertThatThrownBy(() -> BodyTemplate.fill(step, null, null, "turn left"))
                .hasMessage("$instance has no value in this request");
    }
}
