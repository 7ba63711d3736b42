package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends with exit code 2 and one message that points at the problem, and writes nothing. */
class BadInputTest {

    private static final String GOOD = """
            name: tiny
            environment: {type: test, train: 5, seen: 3, unseen: 3}
            policy: {type: tabular}
            method: {type: bc, demonstrations: 5, optimizer: {type: tabular-bc}}
            evaluation: {episodes: 3}
            rollout: {threads: 2}
            """;

    @TempDir
    Path dir;

    private Cli.Result run(String recipe, String... extra) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), recipe);
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertBadInput(Cli.Result result, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(result.err().strip().lines().count()).as(result.toString()).isEqualTo(1);
    }

    @Test
    void theGoodRecipeRuns() throws Exception {
        Cli.Result result = run(GOOD);
        assertThat(result.code()).as(result.toString()).isZero();
    }

    @Test
    void unknownTypeNamesThePathAndTheKnownNames() throws Exception {
        Cli.Result result = run(GOOD.replace("{type: tabular}", "{type: tabulr}"));
        assertBadInput(result, "bad.yaml: policy.type: unknown policy 'tabulr'; known: [first-action, tabular]");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void unknownNestedTypeNamesItsPath() throws Exception {
        Cli.Result result = run(GOOD.replace("optimizer: {type: tabular-bc}", "optimizer: {type: tabular-bcc}"));
        assertBadInput(result, "method.optimizer.type: unknown optimizer 'tabular-bcc'; known: [tabular-bc]");
    }

    @Test
    void missingTypeListsTheKnownNames() throws Exception {
        Cli.Result result = run(GOOD.replace("{type: tabular}", "{initialLogit: 1.0}"));
        assertBadInput(result, "policy.type: missing", "known: [first-action, tabular]");
    }

    @Test
    void unknownPropertyNamesItsPathAndTheAllowedFields() throws Exception {
        Cli.Result result = run(GOOD.replace("train: 5", "trian: 5"));
        assertBadInput(result, "unknown property 'trian' at environment; allowed: [faultyTasks, maxSteps, seen, "
                + "snapshots, stepDelayMillis, train, unseen]");
    }

    @Test
    void unknownTopLevelPropertyIsNamed() throws Exception {
        Cli.Result result = run(GOOD + "sed: 3\n");
        assertBadInput(result, "unknown property 'sed' at the top level; allowed: [description, environment, "
                + "evaluation, method, name, policy, rollout, seed]");
    }

    @Test
    void aMisspeltFieldIsNamedWithTheNearestFieldInsteadOfTheMissingOne() throws Exception {
        Cli.Result result = run(GOOD.replace("environment:", "enviroment:"));
        assertBadInput(result, "kaizen: bad.yaml: unknown property 'enviroment' at the top level; allowed: [description, "
                + "environment, evaluation, method, name, policy, rollout, seed]; did you mean 'environment'?");
        assertThat(result.err()).doesNotContain("missing");
        assertBadInput(run(GOOD.replace("train: 5", "trian: 5")), "at environment; allowed: [",
                "unseen]; did you mean 'train'?");
        assertBadInput(run(GOOD.replace("{type: tabular-bc}", "{type: tabular-bc, epoch: 2}")),
                "unknown property 'epoch' at method.optimizer; allowed: [epochs, step]; did you mean 'epochs'?");
        assertBadInput(run(GOOD, "--set", "rollout.thread=3"), "--set rollout.thread=3: no field 'thread' at rollout; "
                + "valid: [backend, batchSize, fallback, gatherMillis, master, maxSteps, mode, partitions, threads]; did you"
                + " mean 'threads'?");
        assertThat(run(GOOD + "colour: red\n").err()).doesNotContain("did you mean");
    }

    @Test
    void aListWhereATypeNameIsExpectedSaysTypeIsOneName() throws Exception {
        Cli.Result result = run(GOOD.replace("{type: tabular}", "{type: [tabular, first-action]}"));
        assertBadInput(result, "kaizen: bad.yaml: policy.type: must be one policy name, got a list "
                + "[\"tabular\",\"first-action\"]; known: [first-action, tabular]");
    }

    @Test
    void malformedYamlGivesLineAndColumn() throws Exception {
        Cli.Result result = run("name: x\nenvironment: {type: test\npolicy: [tabular\n");
        assertBadInput(result, "bad.yaml: malformed YAML at line ", ", column ");
    }

    @Test
    void aRecipeThatIsNotUtf8TextNamesTheFirstBadByte() throws Exception {
        byte[] text = "name: x\nseed: 7\ndescription: caf".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = Arrays.copyOf(text, text.length + 3);
        garbage[text.length] = (byte) 0xE9;
        garbage[text.length + 1] = '\n';
        garbage[text.length + 2] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("bad.yaml"), garbage);
        Cli.Result result = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString());
        assertBadInput(result, "kaizen: bad.yaml: the recipe is not UTF-8 text: byte 0xE9 at offset 32 (line 3) is not "
                + "valid UTF-8; save the recipe as UTF-8");
    }

    @Test
    void duplicateKeysAreMalformed() throws Exception {
        Cli.Result result = run(GOOD + "seed: 3\nseed: 4\n");
        assertBadInput(result, "bad.yaml: malformed YAML at line ", "seed");
    }

    @Test
    void wrongValueTypeNamesPathExpectationAndValue() throws Exception {
        Cli.Result result = run(GOOD.replace("threads: 2", "threads: many"));
        assertBadInput(result, "rollout.threads: expected a whole number, got 'many'");
    }

    @Test
    void aSwitchTakesOnlyTrueOrFalse() throws Exception {
        Cli.Result result = run(GOOD, "--set", "evaluation.trajectories=maybe");
        assertBadInput(result, "evaluation.trajectories: expected true or false, got 'maybe'"
                + " (from --set evaluation.trajectories=maybe)");
    }

    @Test
    void aNegativeValidationCountIsBadInput() throws Exception {
        Cli.Result result = run(GOOD, "--set", "evaluation.validation=-1");
        assertBadInput(result, "validation must be >= 0 (held-out train tasks; 0 for none), got -1");
    }

    @Test
    void fractionsAreNotTruncatedIntoWholeNumbers() throws Exception {
        Cli.Result result = run(GOOD.replace("episodes: 3", "episodes: 2.5"));
        assertBadInput(result, "evaluation.episodes: expected a whole number, got 2.5");
    }

    @Test
    void aNameWhereAPartIsExpectedSaysWhatAPartLooksLike() throws Exception {
        Cli.Result result = run(GOOD.replace("policy: {type: tabular}", "policy: tabular"));
        assertBadInput(result, "policy: expected a policy like {type: NAME, ...} with NAME one of [first-action, tabular]",
                "got 'tabular'");
    }

    @Test
    void unknownSplitListsTheSplits() throws Exception {
        Cli.Result result = run(GOOD.replace("{episodes: 3}", "{episodes: 3, splits: [seen, tested]}"));
        assertBadInput(result, "evaluation.splits[1]", "'tested'", "[train, seen, unseen]");
    }

    @Test
    void unknownRolloutModeListsTheModes() throws Exception {
        Cli.Result result = run(GOOD, "--set", "rollout.mode=pipeline");
        assertBadInput(result, "rollout.mode", "'pipeline'", "[lockstep, pipelined]");
    }

    @Test
    void aGatherWindowOutsidePipelinedModeSaysWhatToDo() throws Exception {
        Cli.Result result = run(GOOD.replace("threads: 2", "threads: 2, gatherMillis: 5"));
        assertBadInput(result, "rollout: gatherMillis applies to mode pipelined only, got gatherMillis 5 with mode "
                + "lockstep; set mode: pipelined or drop gatherMillis");
        Cli.Result negative = run(GOOD.replace("threads: 2", "threads: 2, mode: pipelined, gatherMillis: -1"));
        assertBadInput(negative, "rollout: gatherMillis must be between 0 and 60000, got -1");
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        Cli.Result result = run(GOOD.replace("policy: {type: tabular}\n", ""));
        assertBadInput(result, "bad.yaml: recipe: missing required field 'policy'");
    }

    @Test
    void configValidationNamesThePathAndTheRule() throws Exception {
        Cli.Result result = run(GOOD.replace("threads: 2", "threads: 2, batchSize: 0"));
        assertBadInput(result, "rollout: batchSize must be >= 1, got 0");
    }

    @Test
    void partConfigValidationNamesThePath() throws Exception {
        Cli.Result result = run(GOOD.replace("train: 5", "train: 5, maxSteps: 0"));
        assertBadInput(result, "environment: maxSteps must be >= 1, got 0");
    }

    @Test
    void unknownSetPathNamesTheSetAndTheValidFields() throws Exception {
        Cli.Result result = run(GOOD, "--set", "rollout.thread=3");
        assertBadInput(result, "--set rollout.thread=3: no field 'thread' at rollout; valid: [backend, batchSize, "
                + "fallback, gatherMillis, master, maxSteps, mode, partitions, threads]");
        Cli.Result top = run(GOOD, "--set", "sed=3");
        assertBadInput(top, "--set sed=3: no field 'sed' at the top level; valid: [description, environment,");
        Cli.Result nested = run(GOOD, "--set", "method.optimizer.stepp.x=1");
        assertBadInput(nested, "--set method.optimizer.stepp.x=1: no field 'stepp' at method.optimizer; valid: [epochs, step]");
    }

    @Test
    void setValuesOfTheWrongTypeNameTheSet() throws Exception {
        Cli.Result result = run(GOOD, "--set", "seed=soon");
        assertBadInput(result, "seed: expected a whole number, got 'soon' (from --set seed=soon)");
    }

    @Test
    void setThroughAValueIsRefused() throws Exception {
        Cli.Result result = run(GOOD + "seed: 5\n", "--set", "seed.low=3");
        assertBadInput(result, "--set seed.low=3: 'seed' is 5, not an object with fields");
        Cli.Result created = run(GOOD, "--set", "seed.low=3");
        assertBadInput(created, "seed: expected a whole number, got an object {\"low\":3} (from --set seed.low=3)");
    }

    @Test
    void malformedSetIsRefused() throws Exception {
        assertBadInput(run(GOOD, "--set", "seed"), "--set seed: expected path.to.field=value");
        assertBadInput(run(GOOD, "--set", "a..b=1"), "is not a dotted field path");
        assertBadInput(run(GOOD, "--set", "evaluation.splits=[seen"), "kaizen: --set evaluation.splits=[seen: the value "
                + "is not valid YAML at column 6: expected ',' or ']', but got <stream end>");
    }

    @Test
    void unknownRecipeIsNamedWithTheKnownOnes() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("recipes"));
        Files.writeString(home.resolve("recipes/bc-test.yaml"), GOOD);
        Cli.Result result = Cli.run(Map.of("KAIZEN_HOME", home.toString()), "", "run", "bc-tset");
        assertBadInput(result, "recipe 'bc-tset' not found", "known recipes: [bc-test]");
    }

    @Test
    void resumeRefusesSetAndRecipe() throws Exception {
        Path run = Files.createDirectories(dir.resolve("r"));
        Files.writeString(run.resolve("recipe.yaml"), GOOD);
        assertBadInput(Cli.run("run", "--resume", run.toString(), "--set", "seed=3"), "--set cannot be used with --resume");
        assertBadInput(Cli.run("run", "x.yaml", "--resume", run.toString()), "drop the RECIPE argument");
        assertBadInput(Cli.run("run", "--resume", dir.resolve("nothing").toString()), "no such run directory");
    }

    @Test
    void aBrokenStageRecordOnResumeNamesTheFileAndTheWayOut() throws Exception {
        Path out = dir.resolve("out");
        assertThat(run(GOOD).code()).isZero();
        List<Path> stages;
        try (Stream<Path> folders = Files.list(out.resolve("checkpoints"))) {
            stages = folders.sorted().toList();
        }
        Path last = stages.get(stages.size() - 1);
        String record = Files.readString(last.resolve("stage.json"));
        Files.writeString(last.resolve("stage.json"), record.substring(0, record.length() / 2));
        Cli.Result result = Cli.run("run", "--resume", out.toString());
        assertBadInput(result, "kaizen: " + last.resolve("stage.json") + " is broken (Unexpected end-of-input",
                "); delete " + last + ", and the folders of any stages after it, and --resume runs stage "
                        + last.getFileName() + " again");
        try (Stream<Path> files = Files.walk(last)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Cli.Result resumed = Cli.run("run", "--resume", out.toString());
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("stage " + last.getFileName() + ": completed in");
        assertThat(Files.readString(last.resolve("stage.json"))).contains("\"stage\" : \"" + last.getFileName() + "\"");
    }

    @Test
    void nonEmptyOutIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/keep.txt"), "mine");
        assertBadInput(run(GOOD), "exists and is not empty");
        assertThat(dir.resolve("out/keep.txt")).hasContent("mine");
    }

    @Test
    void missingPluginsDirectoryIsRefused() {
        assertBadInput(Cli.run("components", "--plugins", dir.resolve("none").toString()),
                "plugins directory", "does not exist");
        assertBadInput(Cli.run(Map.of("KAIZEN_PLUGINS", dir.resolve("none").toString()), "", "plugins"),
                "does not exist (from KAIZEN_PLUGINS)");
    }

    @Test
    void unknownArgumentsAreBadInput() {
        Cli.Result result = Cli.run("run", "--outt", "x");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--outt");
        assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
        assertThat(Cli.run("components", "--kind", "policies").err()).contains("unknown kind 'policies'; known: [environment,");
    }

    @Test
    void incompatiblePartsAreBadInput() throws Exception {
        Path checkpoint = Files.createDirectories(dir.resolve("checkpoint"));
        Path file = Files.writeString(dir.resolve("first.yaml"), GOOD.replace("{type: tabular}", "{type: first-action}"));
        Cli.Result result = Cli.run("eval", file.toString(), "--policy", checkpoint.toString(), "--out",
                dir.resolve("eval").toString());
        assertBadInput(result, "cannot load checkpoints");
    }
}
