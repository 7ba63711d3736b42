package dev.kaizen.core.testing;

import dev.kaizen.api.method.TrainingMethodConfig;
import java.util.List;

/**
 * Config of the test method {@code spawn-test}.
 *
 * @param command the command its one stage starts and waits for, like an external trainer
 */
public record SpawnMethodConfig(List<String> command) implements TrainingMethodConfig {

    public SpawnMethodConfig {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command must name a program");
        }
        command = List.copyOf(command);
    }
}
