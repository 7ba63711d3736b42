package dev.kaizen.llm.client;

import static dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completionWithLogprobs;
import static dev.kaizen.llm.testing.FakeOpenAiServer.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.llm.testing.FakeOpenAiServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    private static final String KEY = "sk-live-0123456789abcdef";

    private static ChatClientSettings settings(URI baseUrl, int maxRetries, Duration timeout) {
        return new ChatClientSettings(baseUrl, null, 8, timeout, Duration.ofSeconds(2), maxRetries,
                Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5), 42L);
    }

    private static ChatClient client(FakeOpenAiServer server) {
        return new ChatClient(settings(server.baseUrl(), 3, Duration.ofSeconds(5)));
    }

    private static ChatRequest request(int n) {
        return new ChatRequest("test-model", List.of(ChatMessage.system("sys"), ChatMessage.user("hello")), 0.7,
                0.95, n, 64, List.of("\nObservation:"), 1234L, true, 2);
    }

    @Test
    void sendsTheOpenAiWireFormatWithStreamingOff() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Action: go")));
             ChatClient client = client(server)) {
            List<ChatChoice> choices = client.complete(request(1));

            assertThat(choices).extracting(ChatChoice::content).containsExactly("Action: go");
            FakeOpenAiServer.Exchange sent = server.chatRequests().get(0);
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/v1/chat/completions");
            assertThat(sent.header("Content-Type")).isEqualTo("application/json");
            assertThat(sent.header("Authorization")).isNull();
            assertThat(sent.body().get("stream").asBoolean(true)).isFalse();
            assertThat(sent.body().get("model").asText()).isEqualTo("test-model");
            assertThat(sent.body().get("messages").get(0).get("role").asText()).isEqualTo("system");
            assertThat(sent.body().get("messages").get(1).get("content").asText()).isEqualTo("hello");
            assertThat(sent.body().get("temperature").asDouble()).isEqualTo(0.7);
            assertThat(sent.body().get("top_p").asDouble()).isEqualTo(0.95);
            assertThat(sent.body().get("max_tokens").asInt()).isEqualTo(64);
            assertThat(sent.body().get("stop").get(0).asText()).isEqualTo("\nObservation:");
            assertThat(sent.body().get("seed").asLong()).isEqualTo(1234L);
            assertThat(sent.body().get("logprobs").asBoolean()).isTrue();
            assertThat(sent.body().get("top_logprobs").asInt()).isEqualTo(2);
            assertThat(sent.body().has("n")).as("n is only sent when > 1").isFalse();
        }
    }

    @Test
    void keepsOneConnectionAliveAcrossRequests() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Action: go")));
             ChatClient client = client(server)) {
            for (int i = 0; i < 5; i++) {
                client.complete(request(1));
            }
            assertThat(server.chatRequests()).hasSize(5).extracting(FakeOpenAiServer.Exchange::clientPort)
                    .containsOnly(server.chatRequests().get(0).clientPort());
        }
    }

    @Test
    void aRestartedServerGetsTheNextRequestWithoutARetry() throws Exception {
        FakeOpenAiServer.Responder answer = (e, call) -> Reply.json(completion("Action: go"));
        FakeOpenAiServer first = FakeOpenAiServer.start(answer);
        int port = first.baseUrl().getPort();
        try (ChatClient client = client(first)) {
            client.complete(request(1));
            first.close(); // also closes the kept-alive connection
            Thread.sleep(ChatClient.CHECK_AFTER_IDLE.toMilliseconds() + 100); // a restart takes a moment
            try (FakeOpenAiServer second = FakeOpenAiServer.start(answer, port)) {
                assertThat(client.complete(request(1)).get(0).content()).isEqualTo("Action: go");
                assertThat(client.stats().retries()).as("the closed connection was not used").isZero();
                assertThat(second.chatRequests()).hasSize(1);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void sendsTheKeyAsBearerToken() {
        ApiKey key = ApiKey.fromEnvironment("MY_KEY", "apiKeyEnv", Map.of("MY_KEY", KEY)::get);
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             ChatClient client = new ChatClient(new ChatClientSettings(server.baseUrl(), key, 4, Duration.ofSeconds(5),
                     Duration.ofSeconds(2), 0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), 1))) {
            client.complete(request(1));
            assertThat(server.chatRequests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(client.toString()).doesNotContain(KEY).contains("$MY_KEY");
            assertThat(key.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void usesNWhereTheServerHonoursIt() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("a", "b", "c")));
             ChatClient client = client(server)) {
            assertThat(client.complete(request(3))).extracting(ChatChoice::content).containsExactly("a", "b", "c");
            assertThat(server.chatRequests()).hasSize(1);
            assertThat(server.chatRequests().get(0).body().get("n").asInt()).isEqualTo(3);
            assertThat(client.stats().nSupported()).isTrue();
        }
    }

    @Test
    void fallsBackToSeparateRequestsWhenNIsRefused() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> e.body().has("n")
                ? Reply.status(400, error("Only n=1 is supported"))
                : Reply.json(completion("seed " + e.body().get("seed").asLong())));
             ChatClient client = client(server)) {
            List<ChatChoice> choices = client.complete(request(3));

            assertThat(choices).hasSize(3);
            assertThat(choices).extracting(ChatChoice::content).doesNotHaveDuplicates();
            assertThat(client.stats().nSupported()).isFalse();
            int before = server.chatRequests().size();
            assertThat(before).isEqualTo(4);

            client.complete(request(2));
            List<FakeOpenAiServer.Exchange> later = server.chatRequests().subList(before, server.chatRequests().size());
            assertThat(later).hasSize(2).allSatisfy(e -> assertThat(e.body().has("n")).isFalse());
        }
    }

    @Test
    void asksForTheRestWhenNIsIgnored() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("reply " + call)));
             ChatClient client = client(server)) {
            List<ChatChoice> choices = client.complete(request(3));
            assertThat(choices).extracting(ChatChoice::content).hasSize(3).doesNotHaveDuplicates();
            assertThat(server.chatRequests()).hasSize(3);
            assertThat(client.stats().nSupported()).isFalse();
        }
    }

    @Test
    void missingLogprobsGiveNaN() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Action: go")));
             ChatClient client = client(server)) {
            ChatChoice choice = client.complete(request(1)).get(0);
            assertThat(choice.hasLogprobs()).isFalse();
            assertThat(choice.logprobOfSpan(8, 10)).isNaN();
        }
    }

    @Test
    void dropsLogprobsWhenTheServerRefusesThem() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> e.body().has("logprobs")
                ? Reply.status(400, error("logprobs is not supported"))
                : Reply.json(completion("Action: go")));
             ChatClient client = client(server)) {
            assertThat(client.complete(request(1))).hasSize(1);
            assertThat(client.complete(request(1))).hasSize(1);
            assertThat(client.stats().logprobsSupported()).isFalse();
            assertThat(server.chatRequests()).hasSize(3);
            assertThat(server.chatRequests().get(2).body().has("logprobs")).isFalse();
        }
    }

    @Test
    void readsTokenLogprobs() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completionWithLogprobs(-0.5, "Thought: hm\nAction: click[Buy Now]")));
             ChatClient client = client(server)) {
            ChatChoice choice = client.complete(request(1)).get(0);
            int start = choice.content().indexOf("click");
            // tokens: "Thought:", " hm", "\nAction:", " click[Buy", " Now]"
            assertThat(choice.logprobOfSpan(start, choice.content().length())).isEqualTo(-1.0);
            assertThat(client.stats().logprobsSupported()).isTrue();
        }
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call < 2
                ? Reply.status(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}")
                : Reply.json(completion("ok")));
             ChatClient client = client(server)) {
            assertThat(client.complete(request(1)).get(0).content()).isEqualTo("ok");
            assertThat(client.stats().retries()).isEqualTo(2);
        }
    }

    @Test
    void givesUpAfterTheRetriesNamingEndpointStatusAndMessage() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.status(503, "{\"error\":{\"message\":\"model is loading\"}}"));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining(server.baseUrl() + "/chat/completions")
                    .hasMessageContaining("503")
                    .hasMessageContaining("model is loading")
                    .hasMessageContaining("gave up after 4 attempts");
            assertThat(server.chatRequests()).hasSize(4);
        }
    }

    @Test
    void honoursRetryAfterOn429() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call == 0
                ? Reply.status(429, error("Rate limit reached")).withHeader("Retry-After", "1")
                : Reply.json(completion("ok")));
             ChatClient client = client(server)) {
            long start = System.nanoTime();
            assertThat(client.complete(request(1)).get(0).content()).isEqualTo("ok");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMillis).as("waited for Retry-After: 1 although the backoff is 10 ms")
                    .isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanAllowed() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.status(429, error("Rate limit reached")).withHeader("Retry-After", "3600"));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("retry after 3600 s")
                    .hasMessageContaining("maxRetryAfter");
            assertThat(server.chatRequests()).hasSize(1);
        }
    }

    @Test
    void retriesSlowAnswersAsTimeouts() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call == 0
                ? Reply.json(completion("late")).withDelay(4000)
                : Reply.json(completion("on time")));
             ChatClient client = new ChatClient(settings(server.baseUrl(), 3, Duration.ofMillis(1000)))) {
            assertThat(client.complete(request(1)).get(0).content()).isEqualTo("on time");
            assertThat(client.stats().retries()).isPositive();
        }
    }

    @Test
    void reportsATimeoutWhenTheServerStaysSlow() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("late")).withDelay(1500));
             ChatClient client = new ChatClient(settings(server.baseUrl(), 1, Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("no answer from " + server.baseUrl() + "/chat/completions within 200 ms");
        }
    }

    @Test
    void retriesMalformedJsonThenReportsIt() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json("{\"choices\": [{\"message\": {\"content\": \"trunc"));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("malformed chat completion")
                    .hasMessageContaining("not valid JSON")
                    .hasMessageContaining("{\"choices\"");
            assertThat(server.chatRequests()).hasSize(4);
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call == 0
                ? Reply.json("{\"id\": \"x\", \"object\": \"chat.completion\"}")
                : Reply.json(completion("fine")));
             ChatClient client = client(server)) {
            assertThat(client.complete(request(1)).get(0).content()).isEqualTo("fine");
        }
    }

    @Test
    void tellsAnEmptyChoicesArrayFromAMissingOne() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json("{\"id\": \"x\", \"object\": \"chat.completion\", \"choices\": []}"));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("malformed chat completion: the reply's 'choices' array is empty; body starts with: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("no 'choices' array"));
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json("{\"id\": \"x\", \"object\": \"chat.completion\"}"));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("malformed chat completion: no 'choices' array; body starts with: ");
        }
    }

    @Test
    void doesNotRetryClientErrors() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.status(404, error("The model `nope` does not exist.")));
             ChatClient client = client(server)) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("answered 404: The model `nope` does not exist.")
                    .satisfies(e -> assertThat(((LlmServerException) e).status()).isEqualTo(404));
            assertThat(server.chatRequests()).hasSize(1);
        }
    }

    @Test
    void reportsAnUnreachableServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ChatClient client = new ChatClient(settings(URI.create("http://127.0.0.1:" + port + "/v1"), 1,
                Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> client.complete(request(1)))
                    .isInstanceOf(LlmServerException.class)
                    .hasMessageContaining("cannot reach http://127.0.0.1:" + port + "/v1/chat/completions");
        }
    }

    @Test
    void assemblesAStreamedAnswer() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Action: \"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"click[x]\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(stream).withContentType("text/event-stream"));
             ChatClient client = client(server)) {
            ChatChoice choice = client.complete(request(1)).get(0);
            assertThat(choice.content()).isEqualTo("Action: click[x]");
            assertThat(choice.finishReason()).isEqualTo("stop");
        }
    }

    @Test
    void boundsTheRequestsInFlight() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("ok")).withDelay(300));
             ChatClient client = new ChatClient(new ChatClientSettings(server.baseUrl(), null, 2,
                     Duration.ofSeconds(5), Duration.ofSeconds(2), 0, Duration.ofMillis(10), Duration.ofMillis(10),
                     Duration.ofSeconds(1), 1))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<ChatChoice>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> client.complete(request(1))));
            }
            for (Future<List<ChatChoice>> future : futures) {
                assertThat(future.get()).hasSize(1);
            }
            pool.shutdown();
            assertThat(server.maxInFlight()).isEqualTo(2);
        }
    }

    @Test
    void readsContentGivenAsParts() {
        String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Action: \"},{\"type\":\"text\",\"text\":\"go\"}]},"
                + "\"finish_reason\":\"stop\"}]}";
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(body));
             ChatClient client = client(server)) {
            assertThat(client.complete(request(1)).get(0).content()).isEqualTo("Action: go");
        }
    }
}
