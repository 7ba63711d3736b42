package dev.kaizen.llm.critic;

import static dev.kaizen.llm.client.ClientFields.atLeast;

import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.llm.client.ClientFields;
import dev.kaizen.llm.client.ConnectionFields;
import dev.kaizen.llm.prompt.PromptOptions;

/**
 * Config of the LLM critic.
 *
 * @param baseUrl the server's OpenAI-compatible API root; null for the server of the run's {@code llm}
 *     policy (as its config names it)
 * @param model the model that judges; null for the run's {@code llm} policy's model as its config
 *     names it, i.e. the frozen base model also after a trainer switched the policy to a new one
 *     (AgentQ's critic)
 * @param apiKeyEnv the name of the environment variable holding the API key; null for none, or, where
 *     {@code baseUrl} is taken from the {@code llm} policy, the policy's
 * @param procedure {@code iterative} (AgentQ: best of the remaining, removed, asked again; default)
 *     or {@code single-call} (one full ranking)
 * @param maxPicks iterative only: how many best-of picks to ask for before the rest are tied;
 *     null for a full ranking (K−1 picks)
 * @param temperature the judge's temperature; default 0
 * @param maxTokens the most tokens per judgement; default 256
 * @param instructions environment-specific instructions added to the judge's system message
 * @param historyWindow earlier steps shown to the judge; default 10
 * @param maxObservationChars observations are cut beyond this; default 4000
 * @param repair whether an unreadable judgement is answered once with what was wrong; default true
 * @param maxConcurrency the most requests in flight; this field and the next six are
 *     {@link ConnectionFields}, where their defaults are
 * @param requestTimeoutSeconds how long one request may take
 * @param connectTimeoutSeconds how long connecting may take
 * @param maxRetries retries of a failed request
 * @param initialBackoffMillis the wait before the first retry, doubled each time
 * @param maxBackoffMillis the longest wait between retries
 * @param maxRetryAfterSeconds the longest Retry-After honoured
 */
public record LlmCriticConfig(String baseUrl, String model, String apiKeyEnv, RankingProcedure procedure,
                              Integer maxPicks, Double temperature, Integer maxTokens, String instructions,
                              Integer historyWindow, Integer maxObservationChars, Boolean repair,
                              Integer maxConcurrency, Double requestTimeoutSeconds, Double connectTimeoutSeconds,
                              Integer maxRetries, Integer initialBackoffMillis, Integer maxBackoffMillis,
                              Double maxRetryAfterSeconds) implements CriticConfig {

    public LlmCriticConfig {
        if (baseUrl != null) {
            ClientFields.baseUrl(baseUrl, "baseUrl");
        }
        if (model != null && model.isBlank()) {
            throw new IllegalArgumentException("model must name the model the server serves, or be left out for"
                    + " the llm policy's model; got a blank string");
        }
        apiKeyEnv = ClientFields.apiKeyEnv(apiKeyEnv);
        procedure = procedure == null ? RankingProcedure.ITERATIVE : procedure;
        temperature = temperature == null ? 0.0 : temperature;
        maxTokens = maxTokens == null ? 256 : maxTokens;
        historyWindow = historyWindow == null ? 10 : historyWindow;
        maxObservationChars = maxObservationChars == null ? 4000 : maxObservationChars;
        repair = repair == null ? Boolean.TRUE : repair;

        if (maxPicks != null) {
            atLeast("maxPicks", maxPicks, 1);
            if (procedure != RankingProcedure.ITERATIVE) {
                throw new IllegalArgumentException("maxPicks applies to procedure iterative only, not " + procedure);
            }
        }
        atLeast("temperature", temperature, 0);
        atLeast("maxTokens", maxTokens, 1);
        atLeast("historyWindow", historyWindow, 0);
        atLeast("maxObservationChars", maxObservationChars, 100);
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

    /** Whether the server or the model is left to the {@code llm} policy. */
    public boolean followsPolicy() {
        return baseUrl == null || model == null;
    }

    /** This config with the server, model and key variable given, where they are not set here. */
    public LlmCriticConfig withDefaults(String defaultBaseUrl, String defaultModel, String defaultApiKeyEnv) {
        boolean ownServer = baseUrl != null;
        return new LlmCriticConfig(ownServer ? baseUrl : defaultBaseUrl, model != null ? model : defaultModel,
                ownServer ? apiKeyEnv : apiKeyEnv != null ? apiKeyEnv : defaultApiKeyEnv, procedure, maxPicks,
                temperature, maxTokens, instructions, historyWindow, maxObservationChars, repair, maxConcurrency,
                requestTimeoutSeconds, connectTimeoutSeconds, maxRetries, initialBackoffMillis, maxBackoffMillis,
                maxRetryAfterSeconds);
    }

    /** How the judged context is rendered. */
    PromptOptions promptOptions() {
        return new PromptOptions(null, instructions, historyWindow, maxObservationChars,
                PromptOptions.DEFAULT_MAX_ACTIONS_LISTED, 0, 0);
    }

    /** The connection fields, for the client's settings. */
    public ConnectionFields connection() {
        return new ConnectionFields(maxConcurrency, requestTimeoutSeconds, connectTimeoutSeconds, maxRetries,
                initialBackoffMillis, maxBackoffMillis, maxRetryAfterSeconds);
    }
}
