package dev.kaizen.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/sweep.json}: every cell of the sweep with its overrides, its state ({@code pending},
 * {@code running}, {@code completed}, {@code failed} with the reason) and its last stage's figures,
 * rewritten atomically on every change. Thread-safe.
 */
final class SweepState {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode root;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

    private SweepState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
        for (JsonNode cell : root.path("cells")) {
            byId.put(cell.path("id").asText(), (ObjectNode) cell);
        }
    }

    /**
     * The state of the sweep in {@code out}: a new one, or the one written before if it lists the
     * same cells with the same overrides (then completed cells keep their state).
     *
     * @throws BadInputException if {@code out} holds another sweep
     */
    static SweepState open(Path out, List<Cell> cells, String master) {
        Path file = out.resolve("sweep.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("cells");
        JsonNode earlier = null;
        if (Files.isRegularFile(file)) {
            try {
                earlier = json.readTree(file.toFile());
            } catch (IOException e) {
                throw new BadInputException(file + " is not readable JSON (" + e.getMessage() + "); move it away "
                        + "to start the sweep afresh");
            }
        }
        Map<String, JsonNode> before = new LinkedHashMap<>();
        if (earlier != null) {
            earlier.path("cells").forEach(cell -> before.put(cell.path("id").asText(), cell));
        }
        for (Cell cell : cells) {
            ObjectNode node = list.addObject();
            node.put("id", cell.id());
            node.put("run", "runs/" + cell.id());
            node.put("group", cell.group());
            node.put("recipe", cell.recipe());
            node.put("seed", cell.seed());
            ArrayNode overrides = node.putArray("overrides");
            cell.overrides().forEach(overrides::add);
            JsonNode old = before.get(cell.id());
            if (old != null && !old.path("overrides").equals(overrides)) {
                throw new BadInputException(out + " holds another sweep: cell " + cell.id() + " had overrides "
                        + old.path("overrides") + ", now " + overrides + "; use another --out");
            }
            node.put("state", old != null && "completed".equals(old.path("state").asText()) ? "completed" : "pending");
            if (old != null && old.has("evaluations")) {
                node.set("evaluations", old.path("evaluations"));
            }
        }
        root.put("master", master);
        SweepState state = new SweepState(file, root);
        state.write();
        return state;
    }

    /** Marks a cell running. */
    synchronized void running(Cell cell) {
        byId.get(cell.id()).put("state", "running");
        write();
    }

    /** Records what a cell gave. */
    synchronized void finished(CellOutcome outcome) {
        ObjectNode node = byId.get(outcome.id());
        node.put("state", outcome.state());
        node.put("exitCode", outcome.exitCode());
        node.put("seconds", outcome.seconds());
        if (outcome.reason() != null) {
            node.put("reason", outcome.reason());
        } else {
            node.remove("reason");
        }
        node.set("evaluations", json.valueToTree(outcome.evaluations()));
        write();
    }

    private void write() {
        try {
            RunDirectory.writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
