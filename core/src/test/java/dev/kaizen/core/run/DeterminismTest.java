package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same recipe and seed ⇒ the same numbers; a different seed ⇒ other samples; threads, batch size and rollout mode change nothing. */
class DeterminismTest {

    private static final String RECIPE = """
            name: iterate
            seed: 5
            environment: {type: test, train: 30, seen: 20, unseen: 20}
            policy: {type: tabular}
            method: {type: iterate-test, iterations: 2, tasks: 20, explorer: {type: sample, samples: 3, temperature: 2.0}}
            evaluation: {episodes: 20, search: {type: sample, samples: 1, temperature: 1.0}}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String name, String... sets) throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), RECIPE);
        String[] args = new String[4 + 2 * sets.length];
        args[0] = "run";
        args[1] = recipe.toString();
        args[2] = "--out";
        args[3] = dir.resolve(name).toString();
        for (int i = 0; i < sets.length; i++) {
            args[4 + 2 * i] = "--set";
            args[5 + 2 * i] = sets[i];
        }
        Cli.Result result = Cli.run(args);
        assertThat(result.code()).as(result.toString()).isZero();
        return json.readTree(dir.resolve(name).resolve("summary.json").toFile()).path("evaluations");
    }

    @Test
    void sameRecipeAndSeedGiveIdenticalEvaluations() throws Exception {
        JsonNode first = run("first");
        JsonNode second = run("second");
        assertThat(first).hasSize(8);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllLines(dir.resolve("second/trajectories/iter-2.jsonl")))
                .isEqualTo(Files.readAllLines(dir.resolve("first/trajectories/iter-2.jsonl")));

        JsonNode parallel = run("parallel", "rollout.threads=7", "rollout.batchSize=3");
        assertThat(parallel).isEqualTo(first);

        JsonNode pipelined = run("pipelined", "rollout.mode=pipelined", "rollout.threads=3", "rollout.batchSize=5");
        assertThat(pipelined).isEqualTo(first);
        for (String file : new String[] {"iter-1.jsonl", "iter-2.jsonl"}) {
            assertThat(Files.readAllLines(dir.resolve("pipelined/trajectories/" + file)))
                    .isEqualTo(Files.readAllLines(dir.resolve("first/trajectories/" + file)));
        }

        JsonNode reseeded = run("reseeded", "seed=6");
        assertThat(Files.readAllLines(dir.resolve("reseeded/trajectories/iter-1.jsonl")))
                .isNotEqualTo(Files.readAllLines(dir.resolve("first/trajectories/iter-1.jsonl")));
        assertThat(reseeded).hasSize(8);
    }
}
