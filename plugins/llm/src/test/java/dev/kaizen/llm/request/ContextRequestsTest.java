package dev.kaizen.llm.request;

import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ChatClientSettings;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.client.ChatRequest;
import dev.kaizen.llm.client.LlmServerException;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextRequestsTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
    private final List<AgentContext> batch = List.of(expert.contextAt(0), expert.contextAt(1), expert.contextAt(2));

    private static ChatClient client(URI baseUrl) {
        return new ChatClient(new ChatClientSettings(baseUrl, null, 4, Duration.ofSeconds(5), Duration.ofSeconds(2), 0,
                Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5), 42L));
    }

    private static LlmServerException failure(int status) {
        return new LlmServerException("http://localhost/v1/chat/completions", status, "no", false, "failed " + status,
                null);
    }

    @Test
    void resultsComeInBatchOrderAndAFailureStaysWithItsContext() {
        try (ContextRequests requests = new ContextRequests(client(URI.create("http://127.0.0.1:9/v1")), 3, "test",
                "the test server")) {
            List<String> results = requests.forEach(batch, i -> () -> {
                if (i == 1) {
                    throw failure(500);
                }
                Thread.sleep(30L * (batch.size() - i));
                return "context " + i;
            }, (context, failure) -> "failed at step " + context.step() + ": " + failure.getMessage());

            assertThat(results).containsExactly("context 0", "failed at step 1: failed 500", "context 2");
        }
    }

    @Test
    void aServerThatRejectsTheCredentialsOrTheModelEndsTheCall() {
        try (ContextRequests requests = new ContextRequests(client(URI.create("http://127.0.0.1:9/v1")), 2, "test",
                "the test server")) {
            assertThatThrownBy(() -> requests.forEach(batch, i -> () -> {
                throw failure(401);
            }, (context, failure) -> "unused")).isInstanceOf(LlmServerException.class).hasMessage("failed 401");
        }
    }

    @Test
    void aRepairAsksOnceMoreWithTheReplyAndTheCorrection() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((exchange, call) -> Reply.json(completion("Action: b")));
             ContextRequests requests = new ContextRequests(client(server.baseUrl()), 2, "test", "the test server")) {
            ChatRequest request = new ChatRequest("m", List.of(ChatMessage.system("sys"), ChatMessage.user("task")),
                    0.7, null, 3, 16, List.of(), 99L, false, null);

            assertThat(requests.repair(request, "Action: ?", "that is no action").content()).isEqualTo("Action: b");

            FakeOpenAiServer.Exchange sent = server.chatRequests().get(0);
            List<String> roles = new ArrayList<>();
            sent.body().get("messages").forEach(m -> roles.add(m.get("role").asText()));
            assertThat(roles).containsExactly("system", "user", "assistant", "user");
            assertThat(sent.lastUserMessage()).isEqualTo("that is no action");
            assertThat(sent.body().has("n")).isFalse();
            assertThat(sent.body().get("seed").asLong()).isEqualTo(Seeds.derive(99L, "repair"));
            Map<String, Object> fields = requests.stop("m", () -> 3);
            assertThat(fields).containsExactly(Map.entry("model", "m"), Map.entry("contexts", 3L),
                    Map.entry("requests", 1L), Map.entry("retries", 0L), Map.entry("failedRequests", 0L),
                    Map.entry("repairs", 1L));
        }
    }
}
