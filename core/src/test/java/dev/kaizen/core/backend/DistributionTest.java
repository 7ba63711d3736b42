package dev.kaizen.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a rollout backend ({@code threads-test}: pieces on threads, each through the executor's
 * code) gives the numbers and files of the local run, whatever the number of pieces; ships each
 * policy state once; runs what it cannot rebuild locally after one notice, or refuses it; and fails
 * with a piece's own reason.
 */
class DistributionTest {

    private static final String ITERATE = """
            name: iterate
            seed: 5
            environment: {type: test, train: 40, seen: 20, unseen: 20}
            policy: {type: tabular}
            method: {type: iterate-test, iterations: 2, tasks: 20, explorer: {type: sample, samples: 3, temperature: 2.0}}
            evaluation: {episodes: 20, validation: 8, search: {type: sample, samples: 1, temperature: 1.0}}
            """;

    private static final String DECORATED = """
            name: decorated
            seed: 3
            environment: {type: test, train: 20, seen: 10, unseen: 10}
            policy: {type: tabular}
            method: {type: decorated-rollouts-test, tasks: 12}
            evaluation: {episodes: 10, validation: 0}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void clearTheLog() {
        ThreadsBackendFactory.clearLog();
    }

    private Cli.Result run(String recipe, String name, String... sets) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), recipe);
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", dir.resolve(name).toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode summary(String name) throws IOException {
        return json.readTree(dir.resolve(name).resolve("summary.json").toFile());
    }

    /** Every file a run wrote that holds its results: trajectories, pairs, evaluated episodes. */
    private List<String> resultFiles(String name) throws IOException {
        Path run = dir.resolve(name);
        List<String> files = new ArrayList<>();
        for (String folder : List.of("trajectories", "pairs", "evaluation")) {
            if (Files.isDirectory(run.resolve(folder))) {
                try (Stream<Path> listing = Files.list(run.resolve(folder))) {
                    listing.sorted().forEach(file -> files.add(run.relativize(file).toString()));
                }
            }
        }
        return files;
    }

    private JsonNode runEnd(String name) throws IOException {
        for (String line : Files.readAllLines(dir.resolve(name).resolve("metrics.jsonl"))) {
            JsonNode event = json.readTree(line);
            if (event.path("event").asText().equals("run-end")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) event).remove(List.of("time", "seconds"));
                return event;
            }
        }
        throw new AssertionError("no run-end event in " + name);
    }

    private void assertSameResults(String local, String distributed) throws IOException {
        assertSameResults(local, distributed, true);
    }

    /** @param totals whether to compare the run-end totals too (a resumed run counts only its own process's) */
    private void assertSameResults(String local, String distributed, boolean totals) throws IOException {
        JsonNode expected = summary(local);
        JsonNode actual = summary(distributed);
        assertThat(actual.path("status").asText()).isEqualTo("completed");
        for (String field : List.of("evaluations", "validation", "kept")) {
            assertThat(actual.path(field)).as(field).isEqualTo(expected.path(field));
        }
        assertThat(actual.path("stages").findValues("episodes")).isEqualTo(expected.path("stages").findValues("episodes"));
        assertThat(resultFiles(distributed)).isEqualTo(resultFiles(local)).isNotEmpty();
        for (String file : resultFiles(local)) {
            assertThat(Files.readAllLines(dir.resolve(distributed).resolve(file))).as(file)
                    .isEqualTo(Files.readAllLines(dir.resolve(local).resolve(file)));
        }
        if (totals) {
            assertThat(runEnd(distributed)).isEqualTo(runEnd(local));
        }
    }

    @Test
    void aRunOnTheBackendGivesTheLocalNumbersAndFilesWhateverThePieces() throws Exception {
        Cli.Result local = run(ITERATE, "local");
        assertThat(local.code()).as(local.toString()).isZero();
        for (String partitions : List.of("1", "3", "7")) {
            Cli.Result result = run(ITERATE, "pieces-" + partitions, "rollout.backend=threads-test",
                    "rollout.master=3", "rollout.partitions=" + partitions);
            assertThat(result.code()).as(result.toString()).isZero();
            assertSameResults("local", "pieces-" + partitions);
        }
        // executors in the driver's JVM hand their outcomes over instead of encoding them
        Cli.Result handedOver = run(ITERATE, "handed-over", "rollout.backend=threads-test",
                "rollout.master=3/in-process", "rollout.partitions=3");
        assertThat(handedOver.code()).as(handedOver.toString()).isZero();
        assertSameResults("local", "handed-over");
        assertThat(Files.readString(dir.resolve("handed-over/metrics.jsonl"))).contains("\"handedOver\":true");
        assertThat(ThreadsBackendFactory.JOBS).extracting(ThreadsBackendFactory.Job::pieces).contains(1, 3, 7);
        assertThat(ThreadsBackendFactory.JOBS).extracting(ThreadsBackendFactory.Job::label)
                .contains("eval/baseline/seen", "iter-1/explore", "eval/final/validation");
    }

    @Test
    void aRunResumedOnTheBackendEndsAsTheLocalRun() throws Exception {
        Cli.Result local = run(ITERATE, "local");
        assertThat(local.code()).as(local.toString()).isZero();
        Cli.Result first = run(ITERATE, "resumed", "rollout.backend=threads-test", "rollout.partitions=2");
        assertThat(first.code()).as(first.toString()).isZero();
        // as if the process had died during stage iter-2: its checkpoint and the next are not there
        for (String stage : List.of("final", "iter-2")) {
            try (Stream<Path> walk = Files.walk(dir.resolve("resumed/checkpoints/" + stage))) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        Cli.Result resumed = Cli.run("run", "--resume", dir.resolve("resumed").toString());

        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("stage iter-1: completed earlier, skipped", "resuming after stage iter-1");
        assertSameResults("local", "resumed", false);
    }

    @Test
    void eachPolicyStateIsShippedOnceAndReadOncePerExecutorThread() throws Exception {
        Cli.Result result = run(ITERATE, "shipped", "rollout.backend=threads-test", "rollout.master=3");
        assertThat(result.code()).as(result.toString()).isZero();

        List<String> order = new ArrayList<>();
        for (ThreadsBackendFactory.Job job : ThreadsBackendFactory.JOBS) {
            assertThat(job.payloads()).as(job.label()).hasSize(1);
            if (!order.contains(job.payloads().get(0))) {
                order.add(job.payloads().get(0));
            }
        }
        // the untrained policy, after iter-1's training, after iter-2's
        assertThat(order).hasSize(3);
        assertThat(ThreadsBackendFactory.JOBS.size()).isGreaterThan(order.size() * 3);
        assertThat(ThreadsBackendFactory.RELEASED).containsExactly(order.get(0), order.get(1));
        assertThat(ThreadsBackendFactory.READS.keySet()).containsExactlyElementsOf(order);
        assertThat(ThreadsBackendFactory.READS.values()).allSatisfy(reads -> assertThat(reads).isBetween(1, 3));
    }

    @Test
    void aPolicyTheHostDidNotBuildRunsLocallyAfterOneNoticeOrIsRefused() throws Exception {
        Cli.Result local = run(DECORATED, "local");
        assertThat(local.code()).as(local.toString()).isZero();
        Cli.Result result = run(DECORATED, "fallback", "rollout.backend=threads-test");
        assertThat(result.code()).as(result.toString()).isZero();

        assertSameResults("local", "fallback");
        String notice = "kaizen: note: rollout.backend threads-test: the policy (dev.kaizen.core.testing"
                + ".DecoratedRolloutsMethodFactory$1) was not built by the host";
        assertThat(occurrences(result.err(), notice)).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("was not built by the host from a config, so executors cannot rebuild it;"
                + " requests with it run on this machine (rollout.fallback: fail refuses them instead)");
        Set<String> labels = new HashSet<>();
        ThreadsBackendFactory.JOBS.forEach(job -> labels.add(job.label()));
        assertThat(labels).contains("plain", "eval/final/seen").doesNotContain("decorated-1", "decorated-2");

        Cli.Result refused = run(DECORATED, "refused", "rollout.backend=threads-test", "rollout.fallback=fail");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("kaizen: rollout.fallback is fail, but in 'decorated-1' the policy (")
                .contains("so the threads-test backend's executors cannot rebuild it; set rollout.fallback: local to"
                        + " run such requests on this machine, or rollout.backend: local")
                .doesNotContain("\tat ");
    }

    @Test
    void aPieceThatFailsForAReasonInTheRecipeFailsTheRunWithThatReason() throws Exception {
        String broken = ITERATE.replace("policy: {type: tabular}", "policy: {type: first-action, failAfter: 0}")
                .replace("iterations: 2", "iterations: 1");
        Cli.Result local = run(broken, "local");
        assertThat(local.code()).as(local.toString()).isEqualTo(1);
        Cli.Result result = run(broken, "broken", "rollout.backend=threads-test");

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(summary("broken").path("error").asText()).isEqualTo(summary("local").path("error").asText())
                .isNotBlank();
        assertThat(result.err()).contains("kaizen: failed: " + summary("local").path("error").asText())
                .doesNotContain("\tat ");
    }

    private static int occurrences(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
