package dev.kaizen.api.reward;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kaizen.api.ComponentConfig;

/** Base type of reward model configs; the {@code type} property names the factory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface RewardModelConfig extends ComponentConfig<RewardModel> {
}
