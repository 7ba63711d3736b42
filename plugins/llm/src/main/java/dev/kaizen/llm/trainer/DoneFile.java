package dev.kaizen.llm.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code done.json} a successful training leaves in its iteration's folder: a digest of the data
 * it trained on, the model (and API root) the policy was pointed at, and the trainer's exit code. A
 * resumed run that finds it with the same data digest uses that model instead of training again.
 * Written atomically.
 */
final class DoneFile {

    /** The file's name. */
    static final String NAME = "done.json";

    /** Logged as the optimiser: its log is the one users follow. */
    private static final Logger LOG = LoggerFactory.getLogger(TrlOptimizer.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final String name;

    /** @param name the optimiser's part name, for messages */
    DoneFile(String name) {
        this.name = name;
    }

    /** The record in {@code file}, or null if there is none, it cannot be read or it names no model. */
    JsonNode read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode done = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return done != null && done.hasNonNull("model") ? done : null;
        } catch (IOException e) {
            LOG.warn("{}: ignoring unreadable {}: {}", name, file, e.getMessage());
            return null;
        }
    }

    /** Writes the record of a finished training; {@code baseUrl} may be null (the policy's server). */
    void write(Path file, String digest, String model, URI baseUrl, int exit) throws IOException {
        ObjectNode done = mapper.createObjectNode();
        done.put("dataDigest", digest);
        done.put("model", model);
        if (baseUrl != null) {
            done.put("baseUrl", baseUrl.toString());
        }
        done.put("exitCode", exit);
        Path temporary = file.resolveSibling(NAME + ".tmp");
        Files.writeString(temporary, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(done),
                StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The SHA-256 of the files' names and bytes, in order, as hex. */
    static String digest(List<Path> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
