package dev.kaizen.core.builtin;

import dev.kaizen.api.critic.CriticConfig;

/** Config of critic {@code none}: no fields. */
public record NoneCriticConfig() implements CriticConfig {
}
