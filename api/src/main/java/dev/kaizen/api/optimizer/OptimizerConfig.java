package dev.kaizen.api.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kaizen.api.ComponentConfig;

/** Base type of optimiser configs; the {@code type} property names the factory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface OptimizerConfig extends ComponentConfig<Optimizer> {
}
