package dev.kaizen.llm;

import static dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.critic.LlmCriticFactory;
import dev.kaizen.llm.policy.LlmPolicy;
import dev.kaizen.llm.policy.LlmPolicyFactory;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The API key reaches the server and nowhere else: not in log lines (at any level), exception
 * messages, checkpoint files, metrics, config errors or what the parts report for {@code run.json}
 * — even when the server echoes it back.
 */
class SecretsTest {

    private static final String VARIABLE = "KAIZEN_TEST_LLM_KEY";

    @TempDir
    Path runDirectory;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private String key;

    @BeforeEach
    void captureLogs() {
        key = System.getenv(VARIABLE);
        assumeTrue(key != null && !key.isBlank(), VARIABLE + " is set by the build (surefire) for this test");
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        if (rootLevel != null) {
            root.detachAppender(logs);
            root.setLevel(rootLevel);
        }
    }

    @Test
    void theKeyNeverLeavesTheAuthorizationHeader() throws Exception {
        FakeComponentContext context = new FakeComponentContext(3, runDirectory).register(new LlmPolicyFactory());
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        Task task = environment.tasks(Split.SEEN).get(0);
        AgentContext start;
        try (Episode episode = environment.reset(task, 1)) {
            start = AgentContext.start(task, episode.observation());
        }
        List<String> texts = new ArrayList<>();
        // a server that echoes the Authorization header in its errors, as some gateways do
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> switch (call) {
            case 0 -> Reply.status(500, "{\"error\":{\"message\":\"upstream failed for " + e.header("Authorization")
                    + "\"}}");
            case 1 -> Reply.json(completion("Action: click[+1]"));
            default -> Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + e.header("Authorization").substring("Bearer ".length()) + "\"}}");
        })) {
            PolicyConfig config = context.config(PolicyConfig.class, Map.of("type", "llm",
                    "baseUrl", server.baseUrl().toString(), "model", "m", "apiKeyEnv", VARIABLE,
                    "initialBackoffMillis", 5, "maxBackoffMillis", 5));
            try (LlmPolicy policy = (LlmPolicy) context.create(config)) {
                policy.decide(List.of(start), Sampling.greedy());
                Throwable failure = catchThrowable(() -> policy.decide(List.of(start), Sampling.greedy()));
                assertThat(failure).isNotNull().hasMessageContaining("Incorrect API key provided: [redacted]");
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    texts.add(t.toString());
                }
                texts.add(policy.toString());
                Files.createDirectories(runDirectory.resolve("checkpoint"));
                policy.save(runDirectory.resolve("checkpoint"));
            }
            assertThat(server.chatRequests()).allSatisfy(e ->
                    assertThat(e.header("Authorization")).isEqualTo("Bearer " + key));
            texts.add(config.toString());
        }
        texts.add(context.recordedMetrics().toString());
        for (ILoggingEvent event : logs.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getMessage());
            }
        }
        texts.addAll(filesUnder(runDirectory));

        assertThat(logs.list).as("the client logged something at debug level").isNotEmpty();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(key));
    }

    @Test
    void theCriticKeepsTheKeyToo() {
        FakeComponentContext context = new FakeComponentContext(3, runDirectory).register(new LlmCriticFactory());
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
        List<String> texts = new ArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.status(403,
                "{\"error\":{\"message\":\"key " + e.header("Authorization") + " may not use this model\"}}"))) {
            CriticConfig config = context.config(CriticConfig.class, Map.of("type", "llm-critic",
                    "baseUrl", server.baseUrl().toString(), "model", "judge", "apiKeyEnv", VARIABLE));
            try (Critic critic = context.create(config)) {
                Throwable failure = catchThrowable(() -> critic.score(List.of(expert.contextAt(0)),
                        List.of(List.of(Action.of("click[+1]"), Action.of("click[submit]")))));
                assertThat(failure).isNotNull().hasMessageContaining("403");
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    texts.add(t.toString());
                }
                texts.add(critic.toString());
            }
            assertThat(server.chatRequests()).isNotEmpty().allSatisfy(e ->
                    assertThat(e.header("Authorization")).isEqualTo("Bearer " + key));
        }
        logs.list.forEach(event -> texts.add(event.getFormattedMessage()));
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(key));
    }

    @Test
    void whatThePartsReportForRunJsonNamesTheClientAndNoSecret() {
        for (Map<String, String> provenance : List.of(new LlmPolicyFactory(name -> key).provenance(),
                new LlmCriticFactory(name -> key).provenance())) {
            assertThat(provenance).containsEntry("api", "openai-chat-completions");
            assertThat(provenance.get("httpclient5")).matches("5\\.\\d+.*");
            assertThat(provenance.toString()).doesNotContain(key);
        }
    }

    @Test
    void aKeyPastedInsteadOfAVariableNameIsNotEchoed() {
        FakeComponentContext context = new FakeComponentContext(3, runDirectory).register(new LlmPolicyFactory());
        Throwable failure = catchThrowable(() -> context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1", "model", "m", "apiKeyEnv", key)));
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(key);
        }
        assertThat(failure).rootCause().hasMessageContaining("apiKeyEnv must be the NAME of an environment variable");
    }

    private static List<String> filesUnder(Path directory) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(out).as("files were written").isNotEmpty();
        return out;
    }
}
