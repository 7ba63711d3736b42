package dev.kaizen.core.registry;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.critic.CriticFactory;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.EnvironmentFactory;
import dev.kaizen.api.memory.ExperienceMemoryConfig;
import dev.kaizen.api.memory.ExperienceMemoryFactory;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.PolicyFactory;
import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of parts a recipe names by {@code type}, one per api factory interface. */
public enum ComponentKind {
    ENVIRONMENT("environment", EnvironmentFactory.class, EnvironmentConfig.class),
    POLICY("policy", PolicyFactory.class, PolicyConfig.class),
    CRITIC("critic", CriticFactory.class, CriticConfig.class),
    SEARCH("search", SearchAlgorithmFactory.class, SearchAlgorithmConfig.class),
    REWARD("reward", RewardModelFactory.class, RewardModelConfig.class),
    OPTIMIZER("optimizer", OptimizerFactory.class, OptimizerConfig.class),
    MEMORY("memory", ExperienceMemoryFactory.class, ExperienceMemoryConfig.class),
    METHOD("method", TrainingMethodFactory.class, TrainingMethodConfig.class);

    private final String id;
    private final Class<? extends ComponentFactory<?, ?>> factoryType;
    private final Class<? extends ComponentConfig<?>> configBase;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ComponentKind(String id, Class factoryType, Class configBase) {
        this.id = id;
        this.factoryType = factoryType;
        this.configBase = configBase;
    }

    /** The name used on the command line and in messages, e.g. {@code policy}. */
    public String id() {
        return id;
    }

    /** The api factory interface, the PF4J extension point. */
    public Class<? extends ComponentFactory<?, ?>> factoryType() {
        return factoryType;
    }

    /** The api config base type that carries the {@code type} discriminator. */
    public Class<? extends ComponentConfig<?>> configBase() {
        return configBase;
    }

    /**
     * The kind named {@code id}.
     *
     * @throws IllegalArgumentException listing the known kinds
     */
    public static ComponentKind of(String id) {
        for (ComponentKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; known: " + ids());
    }

    /** The kind whose config base type is {@code type} or a supertype of it. */
    public static Optional<ComponentKind> ofConfigType(Class<?> type) {
        return Arrays.stream(values()).filter(k -> k.configBase.isAssignableFrom(type)).findFirst();
    }

    /** Every kind's id, in declaration order. */
    public static java.util.List<String> ids() {
        return Arrays.stream(values()).map(ComponentKind::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
