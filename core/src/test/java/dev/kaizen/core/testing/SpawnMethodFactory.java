package dev.kaizen.core.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import org.pf4j.Extension;

/**
 * A test method, {@code spawn-test}, whose stage {@code train} starts a command and waits for it to
 * end, as a method that launches an external trainer does.
 */
@Extension
public final class SpawnMethodFactory implements TrainingMethodFactory<SpawnMethodConfig> {

    @Override
    public String name() {
        return "spawn-test";
    }

    @Override
    public Class<SpawnMethodConfig> configType() {
        return SpawnMethodConfig.class;
    }

    @Override
    public TrainingMethod create(SpawnMethodConfig config, ComponentContext context) {
        return method -> method.stage("train", () -> {
            Process process = new ProcessBuilder(config.command()).inheritIO().start();
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("the command exited with " + code);
            }
        });
    }
}
