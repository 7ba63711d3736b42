package dev.kaizen.api.env;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kaizen.api.ComponentConfig;

/** Base type of environment configs; the {@code type} property names the factory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface EnvironmentConfig extends ComponentConfig<Environment> {
}
