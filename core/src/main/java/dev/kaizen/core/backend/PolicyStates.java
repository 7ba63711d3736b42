package dev.kaizen.core.backend;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A policy's state as executors receive it: the files its {@link Checkpointable#save} writes, as
 * one payload named by their SHA-256, so that a state is shipped once however many requests use it
 * and a policy trained in between gets a new name.
 */
final class PolicyStates {

    private PolicyStates() {
    }

    /** The state of {@code policy} as a payload, or null if it has none to save (it is rebuilt from its config). */
    static Payload snapshot(Policy policy) throws IOException {
        if (!(policy instanceof Checkpointable checkpointable)) {
            return null;
        }
        Path directory = Files.createTempDirectory("kaizen-policy-");
        try {
            checkpointable.save(directory);
            byte[] bytes = DirectoryArchive.pack(directory);
            return new Payload("policy-" + sha256(bytes), bytes);
        } finally {
            DirectoryArchive.delete(directory);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
