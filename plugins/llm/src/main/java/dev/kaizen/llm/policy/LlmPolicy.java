package dev.kaizen.llm.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.llm.client.ChatChoice;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.client.ChatRequest;
import dev.kaizen.llm.client.LlmServerException;
import dev.kaizen.llm.prompt.ActionParser;
import dev.kaizen.llm.prompt.ReactPrompt;
import dev.kaizen.llm.request.ContextRequests;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy that asks a chat model served over the OpenAI-compatible API.
 *
 * <p>Each context becomes one chat request (a ReAct prompt, see {@link ReactPrompt}); a batch of
 * contexts becomes concurrent requests. {@link Sampling#count()} &gt; 1 asks for that many
 * completions ({@code n}); distinct valid actions become the candidates, in reply order, each with
 * the summed log-probability of the action's tokens where the server sends log-probabilities (else
 * NaN). A reply without a valid action line is answered once with what was wrong; if the second
 * reply is no better, the named (invalid) action is returned, so that the environment records it
 * and gives its feedback.
 *
 * <p>Randomness: the seed sent to the server derives from {@link Sampling#seed()}, the task id and
 * the step, so a context's request does not depend on its batch. Whether the server honours seeds
 * is the server's matter.
 *
 * <p>A context whose requests fail after all retries gets a {@linkplain Decision#failed failed
 * decision} (its episode is recorded as errored, and the run fails if too many do) and a warning is
 * logged, however the contexts were batched. A server that rejects the credentials or the model
 * (401, 403, 404) ends the call with an {@link LlmServerException}.
 *
 * <p>The model and endpoint can be switched ({@link #switchModel}) and are checkpointed, so a
 * resumed run talks to the model the run had reached. One thread calls {@link #decide} at a time;
 * the creator closes the policy, which closes its client.
 */
public final class LlmPolicy implements Policy, Checkpointable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmPolicy.class);
    private static final String CHECKPOINT_FILE = "llm-policy.json";

    private final LlmPolicyConfig config;
    private final ChatClient client;
    private final ReactPrompt prompt;
    private final MetricsSink metrics;
    private final ContextRequests requests;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile String model;
    private final AtomicLong contexts = new AtomicLong();
    private final AtomicLong invalidActions = new AtomicLong();
    private final AtomicLong failedContexts = new AtomicLong();

    public LlmPolicy(LlmPolicyConfig config, ChatClient client, MetricsSink metrics) {
        this.config = requireNonNull(config, "config is null");
        this.client = requireNonNull(client, "client is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.prompt = new ReactPrompt(config.promptOptions());
        this.model = config.model();
        this.requests = new ContextRequests(client, config.maxConcurrency(), "llm-policy", "the LLM server");
    }

    /** The config the policy was built from: its base model and server, before any {@link #switchModel}. */
    public LlmPolicyConfig config() {
        return config;
    }

    /** The model now asked. */
    public String model() {
        return model;
    }

    /** The API root now called. */
    public URI baseUrl() {
        return client.settings().baseUrl();
    }

    /** How contexts are rendered. */
    public ReactPrompt prompt() {
        return prompt;
    }

    /** The client, for waiting until a new model is served. */
    public ChatClient client() {
        return client;
    }

    /** Points the policy at another model, and optionally another server (null keeps the server). */
    public void switchModel(String newModel, URI newBaseUrl) {
        if (newModel == null || newModel.isBlank()) {
            throw new IllegalArgumentException("the new model name is empty");
        }
        if (newBaseUrl != null) {
            client.baseUrl(newBaseUrl);
        }
        this.model = newModel;
        LOG.info("now asking model {} at {}", newModel, baseUrl());
    }

    @Override
    public List<Decision> decide(List<AgentContext> batch, Sampling sampling) {
        return requests.forEach(batch, i -> {
            AgentContext context = batch.get(i);
            return () -> decideOne(context, sampling);
        }, this::failed);
    }

    private Decision failed(AgentContext context, LlmServerException failure) {
        failedContexts.incrementAndGet();
        LOG.warn("no decision for task {} at step {}: {}", context.task().id(), context.step(), failure.getMessage());
        return Decision.failed(failure.getMessage());
    }

    private Decision decideOne(AgentContext context, Sampling sampling) {
        contexts.incrementAndGet();
        Observation observation = context.observation();
        if (observation.actions().isEmpty() && observation.templates().isEmpty()) {
            return new Decision(List.of());
        }
        List<ChatMessage> messages = prompt.messages(context);
        long seed = Seeds.derive(Seeds.derive(sampling.seed(), context.task().id()), context.step());
        int count = sampling.count();
        double temperature = sampling.isGreedy() ? (count > 1 ? config.candidateTemperature() : 0.0)
                : sampling.temperature();
        ChatRequest request = new ChatRequest(model, messages, temperature, config.topP(), count, config.maxTokens(),
                config.stop(), seed, config.logprobs(), config.topLogprobs());
        Map<Action, Candidate> found = new LinkedHashMap<>();
        ActionParser.Parsed firstInvalid = null;
        String firstInvalidReply = null;
        for (ChatChoice choice : client.complete(request)) {
            ActionParser.Parsed parsed = ActionParser.parse(choice.content(), observation);
            if (parsed.valid()) {
                found.putIfAbsent(parsed.action(), candidate(parsed, choice));
            } else if (firstInvalid == null) {
                firstInvalid = parsed;
                firstInvalidReply = choice.content();
            }
        }
        if (!found.isEmpty()) {
            return new Decision(List.copyOf(found.values()));
        }
        if (config.repair()) {
            ChatChoice again = requests.repair(request, firstInvalidReply, ActionParser.repairRequest(firstInvalid));
            ActionParser.Parsed parsed = ActionParser.parse(again.content(), observation);
            if (parsed.valid()) {
                return new Decision(List.of(candidate(parsed, again)));
            }
            firstInvalid = parsed;
        }
        invalidActions.incrementAndGet();
        LOG.debug("task {} step {}: recording invalid action '{}' ({})", context.task().id(), context.step(),
                firstInvalid.action(), firstInvalid.error());
        return Decision.of(firstInvalid.action(), Double.NaN);
    }

    private static Candidate candidate(ActionParser.Parsed parsed, ChatChoice choice) {
        return new Candidate(parsed.action(), choice.logprobOfSpan(parsed.start(), parsed.end()));
    }

    /** Saves the model name and endpoint now in use. */
    @Override
    public void save(Path directory) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("model", model);
        state.put("baseUrl", baseUrl().toString());
        Files.writeString(directory.resolve(CHECKPOINT_FILE), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(state), StandardCharsets.UTF_8);
    }

    /** Switches to the model name and endpoint saved in {@code directory}. */
    @Override
    public void load(Path directory) throws IOException {
        Path file = directory.resolve(CHECKPOINT_FILE);
        JsonNode state;
        try {
            state = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot read the LLM policy checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (state == null || !state.hasNonNull("model") || !state.hasNonNull("baseUrl")) {
            throw new IOException("the LLM policy checkpoint " + file + " lacks 'model' or 'baseUrl'");
        }
        switchModel(state.get("model").asText(), URI.create(state.get("baseUrl").asText()));
    }

    @Override
    public void close() {
        Map<String, Object> fields = requests.stop(model, contexts::get);
        fields.put("invalidActions", invalidActions.get());
        fields.put("failedContexts", failedContexts.get());
        metrics.record("llm-policy", fields);
        requests.close();
    }

    @Override
    public String toString() {
        return "LlmPolicy[" + model + " at " + baseUrl() + "]";
    }
}
