package dev.kaizen.llm.policy;

import java.util.Set;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyFactory;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ClientProvenance;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.Extension;

/** Registers {@link LlmPolicy}. */
@Extension
public final class LlmPolicyFactory implements PolicyFactory<LlmPolicyConfig> {

    private final Function<String, String> environment;

    public LlmPolicyFactory() {
        this(System::getenv);
    }

    /** A factory that reads environment variables through {@code environment}. */
    public LlmPolicyFactory(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Class<LlmPolicyConfig> configType() {
        return LlmPolicyConfig.class;
    }

    @Override
    public Policy create(LlmPolicyConfig config, ComponentContext context) {
        ChatClient client = new ChatClient(config.connection().settings(config.baseUrl(), config.apiKeyEnv(),
                context.seed(name() + "/jitter"), environment));
        return new LlmPolicy(config, client, context.metrics());
    }

    /** The API and the HTTP client's version ({@link ClientProvenance}); never the key or the server. */
    @Override
    public Map<String, String> provenance() {
        return ClientProvenance.current();
    }

    @Override
    public Set<String> traits() {
        return Set.of(Requirement.CHAT_MODEL, Requirement.FREE_TEXT);
    }

    @Override
    public String description() {
        return "ReAct policy over an OpenAI-compatible chat server (vLLM, llama.cpp, Ollama, hosted APIs)";
    }
}
