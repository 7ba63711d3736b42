package dev.kaizen.api.critic;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kaizen.api.ComponentConfig;

/** Base type of critic configs; the {@code type} property names the factory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface CriticConfig extends ComponentConfig<Critic> {
}
