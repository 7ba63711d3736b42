package dev.kaizen.agentgym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.agentgym.AgentGymClient.Retry;
import dev.kaizen.agentgym.fake.Call;
import dev.kaizen.agentgym.fake.Family;
import dev.kaizen.agentgym.fake.FakeServer;
import dev.kaizen.agentgym.fake.Reply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The HTTP client against a local server: what is tried again, what is not, and what a failure says. */
class AgentGymClientTest {

    /** Answers each route from a script; a route's last answer repeats. */
    private static final class Scripted implements Family {
        private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();

        Scripted on(String route, Reply... answers) {
            replies.put(route, new ArrayDeque<>(java.util.List.of(answers)));
            return this;
        }

        @Override
        public Reply answer(Call call) {
            Deque<Reply> queue = replies.get(call.route());
            if (queue == null) {
                return Reply.notFound();
            }
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }

        @Override
        public int liveInstances() {
            return 0;
        }

        @Override
        public int createdInstances() {
            return 0;
        }

        @Override
        public int closedInstances() {
            return 0;
        }
    }

    private static AgentGymClient client(FakeServer server, int retries) {
        return new AgentGymClient(server.baseUrl(), "textcraft", Duration.ofMillis(800), Duration.ofSeconds(1), 4,
                retries, 20);
    }

    private static final Reply OK = Reply.ok(Reply.object().put("observation", "fine"));

    @Test
    void aPassingFailureIsTriedAgainAfterABackoff() {
        Scripted family = new Scripted().on("GET /observation", Reply.serverError(), new Reply(503, "busy"), OK);
        try (FakeServer server = FakeServer.start(family); AgentGymClient client = client(server, 3)) {
            assertThat(client.get("/observation", "id", "3", () -> "task textcraft-1").path("observation").asText())
                    .isEqualTo("fine");
            assertThat(server.calls("GET /observation")).hasSize(3)
                    .allSatisfy(c -> assertThat(c.query()).containsEntry("id", "3"));
            assertThat(client.retries()).isEqualTo(2);
        }
    }

    @Test
    void aStepThatReachedTheServerIsNotSentAgain() {
        Scripted family = new Scripted().on("POST /step", Reply.serverError(), OK);
        try (FakeServer server = FakeServer.start(family); AgentGymClient client = client(server, 3)) {
            assertThatThrownBy(() -> client.post("/step", client.object().put("id", 1), () -> "task textcraft-1, step 2",
                    Retry.UNSENT))
                    .isInstanceOf(AgentGymException.class)
                    .hasMessage("AgentGym textcraft server " + server.baseUrl() + " answered 500 to POST /step for task "
                            + "textcraft-1, step 2: Internal Server Error; if the server restarted, its episodes are lost");
            assertThat(server.calls("POST /step")).hasSize(1);
        }
    }

    @Test
    void errorBodiesWithStatus200AndOtherBadAnswersFailClearly() {
        Scripted family = new Scripted()
                .on("POST /reset", Reply.error("The id 9 is not valid."))
                .on("POST /close", new Reply(422, "{\"detail\":\"field required\"}"))
                .on("GET /observation", new Reply(200, "not json"));
        try (FakeServer server = FakeServer.start(family); AgentGymClient client = client(server, 1)) {
            String url = server.baseUrl().toString();
            assertThatThrownBy(() -> client.post("/reset", client.object(), () -> "task textcraft-4", Retry.ALWAYS))
                    .hasMessage("AgentGym textcraft server " + url + " reported an error for POST /reset (task "
                            + "textcraft-4): The id 9 is not valid.; if the server restarted, its episodes are lost");
            assertThatThrownBy(() -> client.post("/close", null, () -> "closing", Retry.NEVER))
                    .hasMessage("AgentGym textcraft server " + url + " answered 422 to POST /close for closing: "
                            + "{\"detail\":\"field required\"}");
            assertThatThrownBy(() -> client.get("/observation", "id", "1", () -> "task textcraft-4"))
                    .hasMessageContaining("sent malformed JSON to GET /observation for task textcraft-4");
            assertThatThrownBy(() -> client.get("/nowhere", null, null, () -> "x"))
                    .isInstanceOf(AgentGymClient.NoRoute.class).hasMessageContaining("has no GET /nowhere (404)");
            assertThat(client.getText("/observation", () -> "its identity")).isEqualTo("not json");
            assertThat(server.calls("POST /reset")).as("an error body is an answer, not tried again").hasSize(1);
        }
    }

    @Test
    void noRequestOffersAProtocolUpgrade() {
        Scripted family = new Scripted().on("GET /observation", OK).on("POST /step", OK);
        try (FakeServer server = FakeServer.start(family); AgentGymClient client = client(server, 0)) {
            client.get("/observation", "id", "1", () -> "x");
            client.post("/step", client.object(), () -> "x", Retry.UNSENT);
            assertThat(server.calls()).hasSize(2).allSatisfy(c -> assertThat(c.upgrade()).isNull());
        }
    }

    @Test
    void aServerThatAnswersNoTryIsDownAndLaterRequestsFailAtOnce() {
        FakeServer server = FakeServer.start(new Scripted());
        String url = server.baseUrl().toString();
        server.close();
        try (AgentGymClient client = new AgentGymClient(server.baseUrl(), "babyai", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 4, 2, 50)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.post("/step", client.object(), () -> "task babyai-3, step 1", Retry.UNSENT))
                    .isInstanceOf(AgentGymClient.ServerDown.class)
                    .hasMessageStartingWith("AgentGym babyai server " + url + " is down: no answer to 3 tries over ")
                    .hasMessageContaining("last error: cannot reach AgentGym babyai server " + url
                            + " (POST /step for task babyai-3, step 1)")
                    .hasMessageContaining("start the server or fix environment.baseUrl");
            assertThat((System.nanoTime() - started) / 1e6).as("two backoffs: 50 + 100 ms").isGreaterThan(140);
            long again = System.nanoTime();
            assertThatThrownBy(() -> client.get("/observation", "id", "3", () -> "x"))
                    .isInstanceOf(AgentGymClient.ServerDown.class).hasMessageContaining("is down");
            assertThat((System.nanoTime() - again) / 1e6).as("no tries once down").isLessThan(40);
            assertThat(client.requests()).isEqualTo(3);
        }
    }

    @Test
    void aSlowAnswerTimesOutAndAStepIsNotTriedAgain() {
        Scripted family = new Scripted().on("POST /step", OK);
        try (FakeServer server = FakeServer.start(family).delaySteps(2000); AgentGymClient client = client(server, 3)) {
            assertThatThrownBy(() -> client.post("/step", client.object(), () -> "task textcraft-0, step 1",
                    Retry.UNSENT))
                    .hasMessage("AgentGym textcraft server " + server.baseUrl() + " did not answer POST /step for task "
                            + "textcraft-0, step 1 within 800 ms");
            assertThat(server.calls("POST /step")).hasSize(1);
        }
    }
}
