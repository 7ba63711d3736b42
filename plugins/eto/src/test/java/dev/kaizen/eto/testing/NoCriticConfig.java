package dev.kaizen.eto.testing;

import dev.kaizen.api.critic.CriticConfig;

/** Config of the test {@code none} critic. */
public record NoCriticConfig() implements CriticConfig {
}
