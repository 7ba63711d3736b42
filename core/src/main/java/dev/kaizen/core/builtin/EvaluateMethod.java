package dev.kaizen.core.builtin;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stage {@code final}: evaluates the recipe's policy, after loading a checkpoint if one is named. */
final class EvaluateMethod implements TrainingMethod {

    private final EvaluateMethodConfig config;

    EvaluateMethod(EvaluateMethodConfig config) {
        this.config = config;
    }

    @Override
    public void run(MethodContext context) throws Exception {
        context.stage("final", () -> {
            if (config.checkpoint() != null) {
                if (!(context.policy() instanceof Checkpointable checkpointable)) {
                    throw new IncompatiblePartsException("method.checkpoint: the recipe's policy ("
                            + context.policy().getClass().getSimpleName() + ") cannot load checkpoints; "
                            + "use a trainable policy or drop the checkpoint");
                }
                Path folder = policyFolder(Path.of(config.checkpoint()));
                try {
                    checkpointable.load(folder);
                } catch (IOException | RuntimeException e) {
                    throw new IncompatiblePartsException("method.checkpoint: " + folder + " cannot be loaded into the "
                            + "recipe's policy (" + context.policy().getClass().getSimpleName() + "): " + e.getMessage()
                            + "; name a stage's checkpoint written by a run of this policy type, e.g. "
                            + "runs/NAME/checkpoints/final");
                }
            }
            context.evaluate("final", context.policy());
        });
    }

    /** The folder holding the policy's files: {@code DIR/policy} when DIR is a stage checkpoint, else DIR. */
    static Path policyFolder(Path checkpoint) {
        if (!Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " is not a folder");
        }
        Path inner = checkpoint.resolve("policy");
        return Files.isDirectory(inner) ? inner : checkpoint;
    }
}
