package dev.kaizen.core.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.method.TrainingMethodFactory;
import java.nio.file.Files;
import org.pf4j.Extension;

/**
 * A test method, {@code blocked-write-test}, whose stage {@code final} evaluates after putting a
 * folder where the evaluation's trajectory file goes, so that writing it fails as on a full disk.
 */
@Extension
public final class BlockedWriteMethodFactory implements TrainingMethodFactory<BlockedWriteMethodFactory.Config> {

    /** It has no settings. */
    public record Config() implements TrainingMethodConfig {
    }

    @Override
    public String name() {
        return "blocked-write-test";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public TrainingMethod create(Config config, ComponentContext context) {
        return method -> method.stage("final", () -> {
            Files.createDirectories(method.runDirectory().resolve("evaluation/final-greedy-seen.jsonl"));
            method.evaluate("final", method.policy());
        });
    }
}
