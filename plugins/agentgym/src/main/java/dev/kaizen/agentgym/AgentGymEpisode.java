package dev.kaizen.agentgym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One episode on an AgentGym server: an environment instance created on the server, reset to the
 * task's index, stepped with the agent's actions and closed at the end.
 *
 * <p>Actions the observation does not allow are not sent: the episode answers with feedback itself
 * (the step counts). After {@code maxSteps} steps the episode ends. Server failures during a step
 * (an error body, a 5xx, no answer, a server that restarted and forgot the instance) throw an
 * {@link AgentGymException}, which fails this episode only. No snapshots: tree search replays
 * prefixes in fresh episodes. Not thread-safe; one thread drives an episode.
 */
final class AgentGymEpisode implements Episode {

    private static final Logger LOG = LoggerFactory.getLogger(AgentGymEpisode.class);

    private final AgentGymEnvironment environment;
    private final AgentGymConfig config;
    private final AgentGymClient client;
    private final Task task;
    private final int dataIndex;
    private final JsonNode instance;
    private Observation observation;
    private double score;
    private int steps;
    private boolean closed;

    AgentGymEpisode(AgentGymEnvironment environment, Task task, int dataIndex) {
        this.environment = environment;
        this.config = environment.config();
        this.client = environment.client();
        this.task = task;
        this.dataIndex = dataIndex;
        this.instance = environment.retrying(() -> create(), "create an environment for task " + task.id());
        try {
            this.observation = environment.retrying(this::reset, "reset " + describe());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String describe() {
        return "task " + task.id() + (instance == null ? "" : ", " + config.protocol().instanceField() + " " + instance);
    }

    private JsonNode create() {
        JsonNode created = client.post("/create", client.object(), () -> "task " + task.id());
        JsonNode id = created.isObject() ? created.get(config.protocol().instanceField()) : created;
        if (id == null && created.isObject()) {
            id = created.get("id");
        }
        if (id == null || !(id.isNumber() || id.isTextual())) {
            throw new AgentGymException("AgentGym server " + client.baseUrl() + " answered POST /create for task "
                    + task.id() + " without an instance id: " + created
                    + "; is protocol right (" + config.protocol() + ")?");
        }
        return id;
    }

    private ObjectNode body() {
        ObjectNode body = client.object();
        body.set(config.protocol().instanceField(), instance);
        return body;
    }

    private Observation reset() {
        ObjectNode body = body();
        body.put(config.protocol().taskField(), dataIndex);
        JsonNode answer = client.post("/reset", body, this::describe);
        String text = null;
        if (config.protocol() == Protocol.ID && answer.isObject()) {
            text = text(answer);
            if (text != null && answer.hasNonNull("task_description")) {
                text = answer.get("task_description").asText() + "\n" + text;
            }
            score = number(answer, config.rewardField(), 0.0);
        }
        if (text == null) {
            JsonNode current = client.get("/observation", config.protocol().instanceField(), instance.asText(),
                    this::describe);
            text = current.isTextual() ? current.asText() : text(current);
            if (text == null) {
                throw new AgentGymException("AgentGym server " + client.baseUrl() + " gave no observation for "
                        + describe() + ": " + current);
            }
        }
        return render(text, 0.0, false, "");
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public Observation observation() {
        return observation;
    }

    @Override
    public Observation step(Action action) {
        if (observation.done()) {
            observation = new Observation(observation.text(), List.of(), List.of(), true, 0.0,
                    Map.of(Observation.FEEDBACK, "the episode has ended; no further actions"));
            return observation;
        }
        steps++;
        if (!observation.allows(action)) {
            String feedback = "invalid action '" + action.text() + "': " + (observation.actions().isEmpty()
                    ? "write a non-empty action" : "use one of the valid actions or templates");
            observation = withCutOff(new Observation(observation.text() + "\n\n" + feedback, observation.actions(),
                    observation.templates(), false, 0.0, Map.of(Observation.FEEDBACK, feedback),
                    observation.descriptions()));
            return observation;
        }
        ObjectNode body = body();
        body.put("action", action.text());
        int step = steps;
        JsonNode answer = client.post("/step", body, () -> describe() + ", step " + step);
        String text;
        boolean done;
        double value;
        if (answer.isArray()) {
            text = answer.path(0).asText("");
            value = answer.path(1).asDouble(score);
            done = answer.path(2).asBoolean(false);
        } else if (answer.isObject()) {
            text = text(answer);
            if (text == null) {
                throw new AgentGymException("AgentGym server " + client.baseUrl() + " answered POST /step for "
                        + describe() + " without an observation: " + answer);
            }
            value = number(answer, config.rewardField(), score);
            done = answer.path("done").asBoolean(false);
        } else {
            throw new AgentGymException("AgentGym server " + client.baseUrl() + " answered POST /step for "
                    + describe() + " with " + answer + " instead of an object");
        }
        double reward = config.rewardScale() * (value - score);
        score = value;
        observation = withCutOff(render(text, reward, done, ""));
        return observation;
    }

    private Observation withCutOff(Observation next) {
        if (next.done() || steps < config.maxSteps()) {
            return next;
        }
        String feedback = next.feedback().isEmpty() ? "out of steps (maxSteps " + config.maxSteps() + ")"
                : next.feedback() + "; out of steps (maxSteps " + config.maxSteps() + ")";
        return new Observation(next.text(), List.of(), List.of(), true, next.reward(),
                Map.of(Observation.FEEDBACK, feedback));
    }

    private Observation render(String text, double reward, boolean done, String feedback) {
        List<Action> actions = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        if (!done) {
            if (config.availableActions()) {
                JsonNode available = client.get("/available_actions", config.protocol().instanceField(),
                        instance.asText(), this::describe);
                boolean searchBar = available.path("has_search_bar").asBoolean(false);
                if (searchBar) {
                    templates.add("search[{}]");
                }
                for (JsonNode clickable : available.path("clickables")) {
                    String value = clickable.asText();
                    if (!(searchBar && value.equals("search")) && !value.isEmpty()) {
                        Action click = Action.of("click", value);
                        if (!actions.contains(click)) {
                            actions.add(click);
                        }
                    }
                }
            } else {
                templates.add("{}");
            }
        }
        return new Observation(text, actions, templates, done, reward,
                feedback.isEmpty() ? Map.of() : Map.of(Observation.FEEDBACK, feedback));
    }

    /** The observation text of an answer: {@code observation}, else {@code state}. */
    private static String text(JsonNode answer) {
        for (String field : List.of("observation", "state")) {
            JsonNode node = answer.get(field);
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    private double number(JsonNode answer, String field, double fallback) {
        JsonNode node = answer.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() && !node.isBoolean()) {
            throw new AgentGymException("AgentGym server " + client.baseUrl() + " sent a non-numeric '" + field
                    + "' for " + describe() + ": " + node);
        }
        return node.isBoolean() ? (node.asBoolean() ? 1.0 : 0.0) : node.asDouble();
    }

    /** Closes the instance on the server where the server offers {@code /close}. Idempotent. */
    @Override
    public void close() {
        if (closed || instance == null) {
            return;
        }
        closed = true;
        if (!environment.closeSupported()) {
            return;
        }
        try {
            client.post("/close", body(), this::describe);
        } catch (AgentGymClient.NoRoute e) {
            environment.closeUnsupported();
        } catch (AgentGymException e) {
            LOG.debug("closing {} failed: {}", describe(), e.getMessage());
        }
    }
}
