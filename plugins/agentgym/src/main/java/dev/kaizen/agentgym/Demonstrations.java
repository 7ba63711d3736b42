package dev.kaizen.agentgym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expert action sequences from an AgentGym trajectory file (AgentTraj): a JSON array, or JSON lines,
 * of {@code {"item_id": "<env>_<index>", "conversations": [{"from": "human"|"gpt", "loss", "value"}]}}.
 * The actions are the agent's turns ({@code gpt}, without the opening acknowledgement marked
 * {@code loss: false}), each read as the text after its last {@code Action:} (or the whole turn
 * where there is none). Items of other environment families (another item prefix) are skipped.
 * Immutable.
 */
final class Demonstrations {

    private static final Logger LOG = LoggerFactory.getLogger(Demonstrations.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ITEM_ID = Pattern.compile("(.+)_(\\d+)");

    private final Map<Integer, List<String>> actions;

    private Demonstrations(Map<Integer, List<String>> actions) {
        this.actions = Map.copyOf(actions);
    }

    static Demonstrations none() {
        return new Demonstrations(Map.of());
    }

    /** The expert's actions for a task index, or null. */
    List<String> actions(int dataIndex) {
        return actions.get(dataIndex);
    }

    int size() {
        return actions.size();
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file, the line or item, and what is wrong
     */
    static Demonstrations load(Path file, String itemPrefix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("demonstrations file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read demonstrations file " + file + ": " + e.getMessage(), e);
        }
        List<JsonNode> items = new ArrayList<>();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("[")) {
            try {
                MAPPER.readTree(trimmed).forEach(items::add);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("demonstrations file " + file + " is not a valid JSON array: "
                        + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
            }
        } else {
            String[] lines = text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    items.add(MAPPER.readTree(lines[i]));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("demonstrations file " + file + ", line " + (i + 1)
                            + ": not valid JSON (" + e.getOriginalMessage() + "); expected one AgentGym item per line "
                            + "or a JSON array of items", e);
                }
            }
        }
        Map<Integer, List<String>> actions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode id = item.get("item_id");
            JsonNode conversations = item.get("conversations");
            if (id == null || !id.isTextual() || conversations == null || !conversations.isArray()) {
                throw new IllegalArgumentException("demonstrations file " + file + ", item " + (i + 1)
                        + ": needs \"item_id\" (e.g. \"" + itemPrefix + "_12\") and a \"conversations\" list");
            }
            Matcher m = ITEM_ID.matcher(id.asText());
            if (!m.matches() || !m.group(1).equalsIgnoreCase(itemPrefix)) {
                continue;
            }
            actions.put(Integer.parseInt(m.group(2)), actionsOf(conversations));
        }
        return new Demonstrations(actions);
    }

    private static List<String> actionsOf(JsonNode conversations) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            JsonNode turn = conversations.get(i);
            if (!turn.path("from").asText().equals("gpt")) {
                continue;
            }
            JsonNode loss = turn.get("loss");
            boolean untrained = loss != null && loss.isBoolean() && !loss.asBoolean();
            boolean unflaggedOpening = i == 1 && (loss == null || loss.isNull());
            if (untrained || unflaggedOpening) {
                continue;
            }
            String action = action(turn.path("value").asText(""));
            if (!action.isEmpty()) {
                out.add(action);
            }
        }
        return out;
    }

    /** The text after the last {@code Action:} (its first non-empty line), else the whole text. */
    static String action(String value) {
        int at = value.lastIndexOf("Action:");
        String rest = at < 0 ? value : value.substring(at + "Action:".length());
        for (String line : rest.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** Replays {@code actions} in a fresh episode of {@code task}; empty (with a warning) if the server fails. */
    static Optional<Trajectory> replay(AgentGymEnvironment environment, Task task, List<String> actions) {
        List<Step> steps = new ArrayList<>();
        double total = 0;
        try (Episode episode = environment.reset(task, 0)) {
            for (String text : actions) {
                Observation before = episode.observation();
                if (before.done()) {
                    break;
                }
                Action action = matching(before, text);
                Observation after = episode.step(action);
                steps.add(new Step(before, action, after.reward()));
                total += after.reward();
            }
        } catch (AgentGymException e) {
            LOG.warn("the expert trajectory of {} could not be replayed; no demonstration: {}", task.id(),
                    e.getMessage());
            return Optional.empty();
        }
        return Optional.of(Trajectory.of(task, steps, total, TrajectorySource.EXPERT));
    }

    /** The allowed action equal to {@code text}, ignoring case if need be; else {@code text} itself. */
    private static Action matching(Observation observation, String text) {
        Action action = Action.of(text);
        if (observation.allows(action)) {
            return action;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Action candidate : observation.actions()) {
            if (candidate.text().toLowerCase(Locale.ROOT).equals(lower)) {
                return candidate;
            }
        }
        return action;
    }
}
