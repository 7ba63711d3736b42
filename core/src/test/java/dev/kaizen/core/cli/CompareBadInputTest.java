package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.testing.Cli;
import dev.kaizen.core.testing.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen compare} on bad input: exit code 2, one line naming the path, nothing written. */
class CompareBadInputTest {

    @TempDir
    Path dir;

    private Path good(String name, String recipe, long seed) throws Exception {
        return SyntheticRuns.write(dir.resolve(name),
                SyntheticRuns.evaluation(SyntheticRuns.summary(recipe, seed, "completed"), "final", "seen", 10, 0, 0.5, 1));
    }

    private Cli.Result compare(Path... directories) {
        String[] args = new String[directories.length + 3];
        args[0] = "compare";
        for (int i = 0; i < directories.length; i++) {
            args[i + 1] = directories[i].toString();
        }
        args[directories.length + 1] = "--out";
        args[directories.length + 2] = dir.resolve("out").toString();
        return Cli.run(args);
    }

    private void assertBadInput(Cli.Result result, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(Kaizen.BAD_INPUT);
        assertThat(result.err()).as(result.toString()).contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(result.err().strip().lines().count()).as(result.toString()).isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingDirectoryIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-run");
        assertBadInput(compare(good("a", "bc-x", 1), missing), "kaizen: " + missing + ": no such directory");
    }

    @Test
    void aSummaryThatIsNotJsonIsNamed() throws Exception {
        Path run = good("a", "bc-x", 1);
        Files.writeString(run.resolve("summary.json"), "{\"recipe\": \"bc-x\", \"seed\": ");
        assertBadInput(compare(run), run.resolve("summary.json") + " is not valid JSON");
    }

    @Test
    void aSummaryWithoutSeedOrEvaluationsIsNamed() throws Exception {
        Path run = good("a", "bc-x", 1);
        Files.writeString(run.resolve("summary.json"), "{\"recipe\": \"bc-x\", \"evaluations\": []}");
        assertBadInput(compare(run), run.resolve("summary.json") + " is not a run summary: it lacks a whole-number seed");
        Files.writeString(run.resolve("summary.json"), "{\"recipe\": \"bc-x\", \"seed\": 3, \"status\": \"completed\"}");
        assertBadInput(compare(run), run.resolve("summary.json") + " is not a run summary: it lacks the evaluations list");
    }

    @Test
    void aRunDirectoryWithoutSummaryIsNamed() throws Exception {
        Path run = Files.createDirectories(dir.resolve("started"));
        Files.writeString(run.resolve("recipe.yaml"), "name: x\n");
        assertBadInput(compare(run), run + " has no summary.json");
    }

    @Test
    void aForeignDirectoryIsNamed() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("cat.jpg"), "meow");
        assertBadInput(compare(good("a", "bc-x", 1), foreign),
                foreign + " is neither a run directory (no summary.json, no recipe.yaml) nor a sweep directory");
    }

    @Test
    void twoRunsOfOneGroupWithOneSeedAreBothNamed() throws Exception {
        Path first = good("a", "eto-x", 7);
        Path second = good("b", "eto-x", 7);
        assertBadInput(compare(good("c", "bc-x", 7), first, second),
                "runs " + first + " and " + second + " are both seed 7 of group 'eto-x'");
    }

    @Test
    void anUnknownBaselineListsTheGroups() throws Exception {
        Cli.Result result = Cli.run("compare", good("a", "bc-x", 1).toString(), good("b", "eto-x", 1).toString(),
                "--baseline", "bc-y", "--out", dir.resolve("out").toString());
        assertBadInput(result, "--baseline bc-y: no such group; groups: [bc-x, eto-x]");
    }

    @Test
    void anUnknownStageListsTheStages() throws Exception {
        Cli.Result result = Cli.run("compare", good("a", "bc-x", 1).toString(), "--stage", "iter-9",
                "--out", dir.resolve("out").toString());
        assertBadInput(result, "--stage iter-9: no run has an evaluation at that stage; stages: [final]");
    }

    @Test
    void noCompletedRunIsBadInput() throws Exception {
        Path failed = SyntheticRuns.write(dir.resolve("failed"), SyntheticRuns.summary("bc-x", 1, "failed"));
        assertBadInput(compare(failed), "kaizen: nothing to compare: no completed run in [" + failed
                + "]; not completed: [" + failed + " (failed)]");
    }
}
