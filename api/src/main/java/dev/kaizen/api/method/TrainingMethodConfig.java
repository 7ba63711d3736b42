package dev.kaizen.api.method;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kaizen.api.ComponentConfig;

/** Base type of training method configs; the {@code type} property names the factory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface TrainingMethodConfig extends ComponentConfig<TrainingMethod> {
}
