package dev.kaizen.llm.policy;

import static dev.kaizen.llm.client.ClientFields.atLeast;

import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.llm.client.ClientFields;
import dev.kaizen.llm.client.ConnectionFields;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.List;

/**
 * Config of the LLM policy.
 *
 * @param baseUrl the server's OpenAI-compatible API root, e.g. {@code http://localhost:8000/v1} (required)
 * @param model the model name the server knows (required)
 * @param apiKeyEnv the name of the environment variable that holds the API key; null for servers
 *     without authentication. The key itself never goes into a recipe.
 * @param candidateTemperature the temperature used when several candidates are asked for greedily
 *     (identical samples at temperature 0 would give one candidate); default 0.7
 * @param topP nucleus sampling mass; null for the server's default
 * @param maxTokens the most tokens per reply; default 256
 * @param stop stop sequences; default {@code ["\nObservation:"]}
 * @param logprobs whether to ask for token log-probabilities (candidates carry the action's
 *     log-probability when the server sends them); default true
 * @param topLogprobs alternatives per token to ask for; null for none
 * @param systemPrompt the system message; null for the built-in ReAct instructions
 * @param instructions environment-specific instructions appended to the system message
 * @param historyWindow earlier steps shown as conversation turns; default 30
 * @param maxObservationChars observations are cut beyond this; default 6000
 * @param maxActionsListed the most valid actions listed per observation; default 100
 * @param maxAdvice the most advice exemplars shown; default 2
 * @param repair whether an unusable reply is answered once with what was wrong; default true
 * @param maxConcurrency the most requests in flight; this field and the next six are
 *     {@link ConnectionFields}, where their defaults are
 * @param requestTimeoutSeconds how long one request may take
 * @param connectTimeoutSeconds how long connecting may take
 * @param maxRetries retries of a failed request
 * @param initialBackoffMillis the wait before the first retry, doubled each time
 * @param maxBackoffMillis the longest wait between retries
 * @param maxRetryAfterSeconds the longest Retry-After honoured
 */
public record LlmPolicyConfig(String baseUrl, String model, String apiKeyEnv, Double candidateTemperature,
                              Double topP, Integer maxTokens, List<String> stop, Boolean logprobs,
                              Integer topLogprobs, String systemPrompt, String instructions, Integer historyWindow,
                              Integer maxObservationChars, Integer maxActionsListed, Integer maxAdvice,
                              Boolean repair, Integer maxConcurrency, Double requestTimeoutSeconds,
                              Double connectTimeoutSeconds, Integer maxRetries, Integer initialBackoffMillis,
                              Integer maxBackoffMillis, Double maxRetryAfterSeconds) implements PolicyConfig {

    public LlmPolicyConfig {
        ClientFields.baseUrl(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required: the model name the server serves, "
                    + "e.g. Qwen/Qwen2.5-7B-Instruct (see GET " + baseUrl + "/models)");
        }
        apiKeyEnv = ClientFields.apiKeyEnv(apiKeyEnv);
        candidateTemperature = candidateTemperature == null ? 0.7 : candidateTemperature;
        maxTokens = maxTokens == null ? 256 : maxTokens;
        stop = stop == null ? List.of("\nObservation:") : List.copyOf(stop);
        logprobs = logprobs == null ? Boolean.TRUE : logprobs;
        historyWindow = historyWindow == null ? PromptOptions.DEFAULT_HISTORY_WINDOW : historyWindow;
        maxObservationChars = maxObservationChars == null ? PromptOptions.DEFAULT_MAX_OBSERVATION_CHARS
                : maxObservationChars;
        maxActionsListed = maxActionsListed == null ? PromptOptions.DEFAULT_MAX_ACTIONS_LISTED : maxActionsListed;
        maxAdvice = maxAdvice == null ? PromptOptions.DEFAULT_MAX_ADVICE : maxAdvice;
        repair = repair == null ? Boolean.TRUE : repair;

        atLeast("candidateTemperature", candidateTemperature, 0);
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        atLeast("maxTokens", maxTokens, 1);
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > 20)) {
            throw new IllegalArgumentException("topLogprobs must be in [0, 20], got " + topLogprobs);
        }
        atLeast("historyWindow", historyWindow, 0);
        atLeast("maxObservationChars", maxObservationChars, 100);
        atLeast("maxActionsListed", maxActionsListed, 1);
        atLeast("maxAdvice", maxAdvice, 0);
        // the connection fields last: their checks follow those of the fields above
        ConnectionFields connection = new ConnectionFields(maxConcurrency, requestTimeoutSeconds,
                connectTimeoutSeconds, maxRetries, initialBackoffMillis, maxBackoffMillis, maxRetryAfterSeconds);
        maxConcurrency = connection.maxConcurrency();
        requestTimeoutSeconds = connection.requestTimeoutSeconds();
        connectTimeoutSeconds = connection.connectTimeoutSeconds();
        maxRetries = connection.maxRetries();
        initialBackoffMillis = connection.initialBackoffMillis();
        maxBackoffMillis = connection.maxBackoffMillis();
        maxRetryAfterSeconds = connection.maxRetryAfterSeconds();
    }

    /** The prompt options these fields describe. */
    public PromptOptions promptOptions() {
        return new PromptOptions(systemPrompt, instructions, historyWindow, maxObservationChars, maxActionsListed,
                maxAdvice, PromptOptions.DEFAULT_MAX_ADVICE_CHARS);
    }

    /** The connection fields, for the client's settings. */
    public ConnectionFields connection() {
        return new ConnectionFields(maxConcurrency, requestTimeoutSeconds, connectTimeoutSeconds, maxRetries,
                initialBackoffMillis, maxBackoffMillis, maxRetryAfterSeconds);
    }
}
