package dev.kaizen.llm.critic;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticFactory;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ClientFields;
import java.util.function.Function;
import org.pf4j.Extension;

/** Registers {@link LlmCritic}. */
@Extension
public final class LlmCriticFactory implements CriticFactory<LlmCriticConfig> {

    private final Function<String, String> environment;

    public LlmCriticFactory() {
        this(System::getenv);
    }

    /** A factory that reads environment variables through {@code environment}. */
    public LlmCriticFactory(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "llm-critic";
    }

    @Override
    public Class<LlmCriticConfig> configType() {
        return LlmCriticConfig.class;
    }

    @Override
    public Critic create(LlmCriticConfig config, ComponentContext context) {
        ChatClient client = new ChatClient(ClientFields.settings(config.baseUrl(), config.apiKeyEnv(),
                config.maxConcurrency(), config.requestTimeoutSeconds(), config.connectTimeoutSeconds(),
                config.maxRetries(), config.initialBackoffMillis(), config.maxBackoffMillis(),
                config.maxRetryAfterSeconds(), context.seed(name() + "/jitter"), environment));
        return new LlmCritic(config, client, context.seed(name()));
    }

    @Override
    public String description() {
        return "AgentQ's AI feedback: a chat model ranks candidate actions (best of K, iterated, or one ranking)";
    }
}
