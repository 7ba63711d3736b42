package dev.kaizen.agentgym.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.agentgym.fake.FakeChatServer;
import dev.kaizen.agentgym.fake.FakeServer;
import dev.kaizen.agentgym.fake.Families;
import dev.kaizen.agentgym.fake.TextCraft;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Server instances over a long run (at most the rollout's concurrency, reused, all closed at the end)
 * and a server that dies during a run (the run fails within the retry budget, naming the server).
 */
class InstancesAndFailuresTest {

    @TempDir
    Path dir;

    private static List<String> sets(FakeServer server, FakeChatServer chat, String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("environment.baseUrl=" + server.baseUrl(),
                "policy.baseUrl=" + chat.baseUrl(), "policy.model=fake"));
        sets.addAll(List.of(more));
        return sets;
    }

    @ParameterizedTest(name = "{0} episodes, {1} mode")
    @CsvSource({"1000, pipelined", "200, lockstep"})
    @Timeout(300)
    void episodesAtConcurrency16UseAtMost16InstancesAllClosedAtTheEnd(int episodes, String mode) throws Exception {
        TextCraft family = new TextCraft();
        Path out = dir.resolve("many-" + mode);
        try (FakeServer server = FakeServer.start(family, 0, 32, false);
             FakeChatServer chat = FakeChatServer.start(Families.player("textcraft"))) {
            KaizenCli.Result result = KaizenCli.run(KaizenCli.RECIPES.resolve("agentgym-textcraft.yaml"), out,
                    sets(server, chat, "environment.unseen=0-" + (episodes - 1), "evaluation.episodes=" + episodes,
                            "rollout.threads=16", "rollout.batchSize=16", "rollout.mode=" + mode,
                            "evaluation.trajectories=false"));
            assertThat(result.code()).as(result.printed()).isZero();
            JsonNode evaluation = KaizenCli.summary(out).path("evaluations").get(0);
            assertThat(evaluation.path("episodes").asInt()).isEqualTo(episodes);
            assertThat(evaluation.path("successRate").asDouble()).isEqualTo(1.0);

            assertThat(family.createdInstances()).isBetween(1, 16);
            assertThat(family.closedInstances()).isEqualTo(family.createdInstances());
            assertThat(family.liveInstances()).isZero();
            JsonNode counts = KaizenCli.events(out, "agentgym-instances").get(0);
            assertThat(counts.path("created").asInt()).isEqualTo(family.createdInstances());
            assertThat(counts.path("reused").asInt()).isEqualTo(episodes - family.createdInstances());
            assertThat(counts.path("closed").asInt()).isEqualTo(family.createdInstances());
            assertThat(counts.path("open").asInt()).isZero();
            assertThat(result.err()).contains("kaizen: note: agentgym textcraft at " + server.baseUrl() + ": "
                    + family.createdInstances() + " server instances created, reused "
                    + (episodes - family.createdInstances()) + " times, " + family.createdInstances() + " closed");
        }
    }

    @Test
    @Timeout(120)
    void aServerKilledMidRunFailsTheRunWithinTheRetryBudgetNamingIt() throws Exception {
        TextCraft family = new TextCraft();
        Path out = dir.resolve("killed");
        try (FakeServer server = FakeServer.start(family).killAfter(120);
             FakeChatServer chat = FakeChatServer.start(Families.player("textcraft"))) {
            String url = server.baseUrl().toString();
            KaizenCli.Result result = KaizenCli.run(KaizenCli.RECIPES.resolve("agentgym-textcraft.yaml"), out,
                    sets(server, chat, "environment.unseen=0-399", "evaluation.episodes=400", "rollout.threads=4",
                            "rollout.batchSize=4", "environment.retries=3", "environment.retryBackoffMillis=100"));
            assertThat(result.code()).as(result.printed()).isEqualTo(1);
            // the retry budget is 100 + 200 + 400 ms; the rest of the run's 400 tasks fail at once
            assertThat(result.seconds()).isLessThan(30);
            assertThat(result.err()).contains("kaizen: failed: evaluation final unseen (greedy): ")
                    .contains("AgentGym textcraft server " + url)
                    .contains("more than evaluation.maxErrorShare 0.05 allows");
            JsonNode summary = KaizenCli.summary(out);
            assertThat(summary.path("status").asText()).isEqualTo("failed");
            assertThat(summary.path("error").asText()).contains("AgentGym textcraft server " + url)
                    .containsPattern("\\d+ of 400 episodes errored \\(policy 0, environment \\d+, other 0\\)");
            List<JsonNode> errors = KaizenCli.events(out, "rollout-errors");
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).path("firstError").asText()).contains(url);
            JsonNode down = KaizenCli.events(out, "rollout-errors").stream()
                    .filter(e -> e.path("firstError").asText().contains("is down")).findFirst().orElse(errors.get(0));
            assertThat(down.path("firstError").asText()).contains(url);
            assertThat(KaizenCli.events(out, "agentgym-instances")).as("the counts are recorded also when the run fails")
                    .hasSize(1);
        }
    }

    @Test
    void aServerThatIsDownAtTheStartFailsTheRunAtOnce() throws Exception {
        FakeServer gone = FakeServer.start(new TextCraft());
        String url = gone.baseUrl().toString();
        gone.close();
        Path out = dir.resolve("down");
        try (FakeChatServer chat = FakeChatServer.start(Families.player("textcraft"))) {
            KaizenCli.Result result = KaizenCli.run(KaizenCli.RECIPES.resolve("agentgym-textcraft.yaml"), out,
                    List.of("environment.baseUrl=" + url, "policy.baseUrl=" + chat.baseUrl(), "policy.model=fake",
                            "environment.retries=1", "environment.retryBackoffMillis=50"));
            assertThat(result.code()).as(result.printed()).isEqualTo(1);
            assertThat(result.err()).contains("kaizen: failed: AgentGym textcraft server " + url + " is down: no answer "
                    + "to 2 tries").contains("start the server or fix environment.baseUrl");
            assertThat(KaizenCli.summary(out).path("status").asText()).isEqualTo("failed");
            assertThat(chat.completions()).isZero();
        }
    }
}
