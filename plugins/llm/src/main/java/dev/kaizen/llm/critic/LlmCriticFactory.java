package dev.kaizen.llm.critic;

import java.util.List;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticFactory;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ClientProvenance;
import dev.kaizen.llm.policy.LlmPolicy;
import dev.kaizen.llm.policy.LlmPolicyConfig;
import dev.kaizen.llm.policy.LlmPolicyFactory;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link LlmCritic}. A critic config without {@code baseUrl} or {@code model} judges with
 * the run's {@code llm} policy's server and base model, so a recipe points both at a server with
 * {@code --set policy.baseUrl=... --set policy.model=...}.
 */
@Extension
public final class LlmCriticFactory implements CriticFactory<LlmCriticConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(LlmCriticFactory.class);

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

    /**
     * Builds the critic. Where the config leaves out {@code baseUrl} or {@code model}, they come from
     * the run's {@code llm} policy as its config names them (its base model), which the factory finds
     * when it is called from a training method ({@link MethodContext#policy()}).
     *
     * @throws IllegalArgumentException if the server or model is left out and there is no {@code llm}
     *     policy to take it from
     */
    @Override
    public Critic create(LlmCriticConfig given, ComponentContext context) {
        LlmCriticConfig config = given.followsPolicy() ? fromPolicy(given, context) : given;
        ChatClient client = new ChatClient(config.connection().settings(config.baseUrl(), config.apiKeyEnv(),
                context.seed(name() + "/jitter"), environment));
        return new LlmCritic(config, client, context.seed(name()), context.metrics());
    }

    private LlmCriticConfig fromPolicy(LlmCriticConfig config, ComponentContext context) {
        String policyName = new LlmPolicyFactory().name();
        Policy policy = context instanceof MethodContext method ? method.policy() : null;
        if (!(policy instanceof LlmPolicy llm)) {
            String found = policy == null ? "no policy is at hand here" : "the policy is "
                    + policy.getClass().getSimpleName();
            throw new IllegalArgumentException("baseUrl and model may be left out only where the recipe's policy is"
                    + " the " + policyName + " policy, whose server and model the critic then uses; " + found
                    + ". Set this critic's baseUrl and model, e.g. {type: " + name()
                    + ", baseUrl: http://localhost:8000/v1, model: Qwen/Qwen2.5-7B-Instruct}");
        }
        LlmPolicyConfig base = llm.config();
        LlmCriticConfig resolved = config.withDefaults(base.baseUrl(), base.model(), base.apiKeyEnv());
        LOG.info("{}: judging with model {} at {} (the {} policy's{})", name(), resolved.model(), resolved.baseUrl(),
                policyName, config.model() == null ? " base model" : " server");
        return resolved;
    }

    /** The API and the HTTP client's version ({@link ClientProvenance}); never the key or the server. */
    @Override
    public Map<String, String> provenance() {
        return ClientProvenance.current();
    }

    @Override
    public List<Requirement> requirements(LlmCriticConfig config) {
        return config.followsPolicy() ? List.of(Requirement.policy(Requirement.CHAT_MODEL, "it judges with the "
                + "policy's server and base model when its own baseUrl and model are not set")) : List.of();
    }

    @Override
    public String description() {
        return "AgentQ's AI feedback: a chat model ranks candidate actions (best of K, iterated, or one ranking)";
    }
}
