package dev.kaizen.llm.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.api.export.ExportSource;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import dev.kaizen.llm.prompt.ReactPrompt;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared part of the chat-based dataset formats: rendering (the {@code llm} policy's ReAct
 * prompt), selection and atomic file writing. {@link #export} writes the run's successful trajectories
 * (supervised formats) or its pairs (preference formats); {@link #write} writes exactly the data it
 * is given (the {@code trl} optimiser uses it for one iteration's batch). Stateless and thread-safe.
 */
public abstract class ConversationFormat implements DatasetFormat {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationFormat.class);

    /** Shared JSON mapper (thread-safe once configured). */
    protected static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReactPrompt prompt;

    protected ConversationFormat(PromptOptions options) {
        // the turns are recorded actions without thoughts: the system message asks for exactly that
        this.prompt = new ReactPrompt(requireNonNull(options, "options is null").forRecordedActions());
    }

    /** The rendering of contexts. */
    protected ReactPrompt prompt() {
        return prompt;
    }

    /** Whether this format writes trajectories (supervised) rather than pairs. */
    public abstract boolean supervised();

    /**
     * Writes the given data in this format into {@code directory} (which exists).
     *
     * @param datasetName a name for the dataset where the format records one (e.g. dataset_info.json)
     * @return the files written
     * @throws IllegalArgumentException if the data holds nothing this format can write
     */
    public abstract List<Path> write(List<Trajectory> trajectories, List<PreferencePair> pairs, Path directory,
                                     String datasetName) throws IOException;

    @Override
    public List<Path> export(ExportSource source, Path outputDirectory) throws IOException {
        if (!supervised()) {
            return write(List.of(), source.pairs(), outputDirectory, source.recipeName());
        }
        List<Trajectory> successful = successfulDistinct(source.trajectories());
        if (successful.isEmpty()) {
            throw new IllegalArgumentException(name() + " writes successful trajectories; the run at "
                    + source.runDirectory() + " holds " + source.trajectories().size()
                    + " trajectories and none succeeded with at least one step");
        }
        return write(successful, List.of(), outputDirectory, source.recipeName());
    }

    /** Successful trajectories with steps, each (task, actions) once, in order. */
    static List<Trajectory> successfulDistinct(List<Trajectory> trajectories) {
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Trajectory> out = new ArrayList<>();
        for (Trajectory trajectory : trajectories) {
            if (!trajectory.success() || trajectory.steps().isEmpty()) {
                continue;
            }
            List<String> key = new ArrayList<>();
            key.add(trajectory.task().id());
            trajectory.steps().forEach(s -> key.add(s.action().text()));
            if (seen.add(key)) {
                out.add(trajectory);
            }
        }
        return out;
    }

    /** Trajectories with at least one step; fails clearly when there are none. */
    protected List<Trajectory> requireTrajectories(List<Trajectory> trajectories) {
        List<Trajectory> usable = trajectories.stream().filter(t -> !t.steps().isEmpty()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException(name() + " writes trajectories (one conversation each) and got "
                    + (trajectories.isEmpty() ? "none" : "only trajectories without steps"));
        }
        return usable;
    }

    /**
     * The step-level pairs; fails clearly when there are none, and warns about trajectory-level
     * pairs, which a format with single-message continuations cannot hold.
     */
    protected List<PreferencePair> requireStepPairs(List<PreferencePair> pairs) {
        List<PreferencePair> steps = pairs.stream().filter(p -> p.level() == PairLevel.STEP).toList();
        long trajectoryLevel = pairs.size() - steps.size();
        if (steps.isEmpty()) {
            if (trajectoryLevel > 0) {
                throw new IllegalArgumentException(name() + " writes step-level pairs (one chosen and one rejected "
                        + "action); the data holds " + trajectoryLevel + " trajectory-level pairs, whose "
                        + "continuations contain observations. Export them with trl-dpo-trajectory (TRL's "
                        + "conversational form) or eto-trajectory-pairs (ETO's trainer) instead");
            }
            throw new IllegalArgumentException(name() + " writes step-level preference pairs and the data holds "
                    + "none; run a method that writes them (agentq, stepagent) first; eto's trajectory-level pairs "
                    + "export with trl-dpo-trajectory");
        }
        if (trajectoryLevel > 0) {
            LOG.warn("{}: skipped {} trajectory-level pairs (continuations with observations cannot be single "
                    + "messages); wrote {} step-level pairs; trl-dpo-trajectory writes the others", name(),
                    trajectoryLevel, steps.size());
        }
        return steps;
    }

    /** The conversation for a whole trajectory (system, then alternating user/assistant, ending with the last action). */
    protected List<ChatMessage> conversation(Trajectory trajectory) {
        return prompt.withFullHistory().conversation(trajectory.contextAt(0), trajectory.steps());
    }

    /** The prompt of a step-level pair: the policy's conversation for its context (ends with a user turn). */
    protected List<ChatMessage> stepPrompt(PreferencePair pair) {
        return prompt.messages(pair.context());
    }

    /**
     * A trajectory-level pair as conversations: the shared part (system, the task with the first
     * observation, and the steps both took) and each side's continuation, alternating actions and
     * the observations they led to, ending with an action.
     */
    protected TrajectoryTurns trajectoryTurns(PreferencePair pair) {
        List<ChatMessage> chosen = prompt.withFullHistory().conversation(pair.context(), pair.chosen());
        List<ChatMessage> rejected = prompt.withFullHistory().conversation(pair.context(), pair.rejected());
        int shared = 2 + 2 * pair.context().history().size();
        return new TrajectoryTurns(chosen.subList(0, shared), chosen.subList(shared, chosen.size()),
                rejected.subList(shared, rejected.size()));
    }

    /** The turns of a trajectory-level pair (see {@link #trajectoryTurns}). */
    protected record TrajectoryTurns(List<ChatMessage> context, List<ChatMessage> chosen, List<ChatMessage> rejected) {
    }

    /** The assistant turn for the single step of a step-level continuation. */
    protected static ChatMessage stepTurn(List<Step> continuation) {
        return ChatMessage.assistant(ReactPrompt.actionTurn(continuation.get(0).action()));
    }

    /** Chat messages as {@code [{"role", "content"}]}. */
    protected static ArrayNode roleContent(List<ChatMessage> messages) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ChatMessage message : messages) {
            out.addObject().put("role", message.role()).put("content", message.content());
        }
        return out;
    }

    /** A sharegpt message: {@code {"from": human|gpt, "value"}}. */
    protected static ObjectNode fromValue(ChatMessage message) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("from", message.role().equals(ChatMessage.ASSISTANT) ? "gpt" : "human");
        out.put("value", message.content());
        return out;
    }

    /** Writes one JSON object per line, atomically. */
    protected static Path writeJsonLines(Path file, List<? extends com.fasterxml.jackson.databind.JsonNode> rows)
            throws IOException {
        return writeAtomically(file, writer -> {
            for (var row : rows) {
                writer.write(MAPPER.writeValueAsString(row));
                writer.write('\n');
            }
        });
    }

    /** Writes a JSON array with one element per line, atomically. */
    protected static Path writeJsonArray(Path file, List<? extends com.fasterxml.jackson.databind.JsonNode> rows)
            throws IOException {
        return writeAtomically(file, writer -> {
            writer.write("[\n");
            for (int i = 0; i < rows.size(); i++) {
                writer.write(MAPPER.writeValueAsString(rows.get(i)));
                writer.write(i + 1 < rows.size() ? ",\n" : "\n");
            }
            writer.write("]\n");
        });
    }

    /** Body of an atomic write. */
    @FunctionalInterface
    protected interface Body {
        void write(Writer writer) throws IOException;
    }

    /** Writes into a temporary file beside {@code file}, then moves it into place. */
    protected static Path writeAtomically(Path file, Body body) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            body.write(writer);
        } catch (JsonProcessingException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
