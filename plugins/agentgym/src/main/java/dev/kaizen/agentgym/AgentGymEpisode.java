package dev.kaizen.agentgym;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.agentgym.AgentGymClient.Retry;
import dev.kaizen.agentgym.profile.ActionCleanup;
import dev.kaizen.agentgym.profile.BodyTemplate;
import dev.kaizen.agentgym.profile.Profile;
import dev.kaizen.agentgym.profile.ResetCall;
import dev.kaizen.agentgym.profile.Scoring;
import dev.kaizen.agentgym.profile.StepCall;
import dev.kaizen.agentgym.profile.SuccessRule;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One episode on an AgentGym server: a pooled server instance reset to the task's index, stepped
 * with the agent's actions and given back to the pool at the end.
 *
 * <p>An action the observation does not allow is answered with feedback without reaching the server;
 * an allowed one is cleaned as the profile says (as AgentGym's client cleans the model's reply) and
 * sent, unless the clean-up refuses it, which is answered with AgentGym's message. Both count as
 * steps. After {@code maxSteps} steps the episode ends.
 *
 * <p>Rewards: the step answer's reward field is the outcome so far as AgentGym's evaluation reads it;
 * each step's reward is its scaled increase, so that an episode's return is the final outcome. When
 * the episode ends the family's success rule decides: a success returns at least 1, a failure less
 * than 1 (BabyAI's server says the task is completed with a score of 0.888: a success, returning 1).
 *
 * <p>Server failures during a step (an error body, a 5xx, no answer, a server that restarted and forgot
 * the instance) throw an {@link AgentGymException}, which fails this episode only; its instance is not
 * used again. No snapshots: tree search replays prefixes in fresh episodes. Not thread-safe.
 */
final class AgentGymEpisode implements Episode {

    /** A failed episode's return stays below 1 (see the api's reward contract). */
    static final double FAILURE_CAP = 0.99;

    private final AgentGymEnvironment environment;
    private final Profile profile;
    private final AgentGymClient client;
    private final Task task;
    private final int index;
    private final JsonNode instance;
    private Observation observation;
    private double value;
    private double returned;
    private int steps;
    private boolean failed;
    private boolean closed;

    AgentGymEpisode(AgentGymEnvironment environment, Task task, int index, JsonNode instance) {
        this.environment = environment;
        this.profile = environment.profile();
        this.client = environment.client();
        this.task = task;
        this.index = index;
        this.instance = instance;
        this.observation = reset();
    }

    private String describe() {
        return "task " + task.id() + ", instance " + instance;
    }

    private Observation reset() {
        ResetCall call = profile.reset();
        JsonNode answer = client.post(environment.path(call.path()), BodyTemplate.fill(call.body(), instance, index,
                null), this::describe, Retry.ALWAYS);
        String server = call.observation() != null
                ? AnswerFields.text(answer, call.observation(), client.server(), "POST " + call.path() + " for "
                + describe())
                : environment.observe(instance, describe());
        if (call.prefix() != null) {
            server = AnswerFields.text(answer, call.prefix(), client.server(), "POST " + call.path()) + "\n" + server;
        }
        String text = call.preamble() == null ? server : call.serverObservation()
                ? environment.preamble(instance, describe()) + "\n" + server : environment.preamble(instance, describe());
        value = AnswerFields.number(answer, profile.step().reward(), 0.0, client.server(), "POST " + call.path());
        return render(answer, server, text, false, 0.0, Map.of());
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
            return local(observation.text() + "\n\n" + feedback, feedback);
        }
        ActionCleanup.Cleaned cleaned = environment.cleanup().apply(action.text());
        if (cleaned.refused()) {
            return local(cleaned.refusal(), cleaned.refusal());
        }
        StepCall call = profile.step();
        int step = steps;
        JsonNode answer;
        try {
            answer = client.post(environment.path(call.path()), BodyTemplate.fill(call.body(), instance, null,
                    cleaned.text()), () -> describe() + ", step " + step, Retry.UNSENT);
        } catch (AgentGymException e) {
            failed = true;
            throw e;
        }
        String what = "POST " + call.path() + " for " + describe() + ", step " + step;
        try {
            String text = AnswerFields.text(answer, call.observation(), client.server(), what);
            double next = AnswerFields.number(answer, call.reward(), value, client.server(), what);
            boolean done = AnswerFields.flag(answer, call.done(), client.server(), what);
            Scoring scoring = profile.scoring();
            double reward = scoring.scale() * (next - value);
            value = next;
            if (done || steps >= environment.config().maxSteps()) {
                observation = end(text, reward, done);
            } else {
                observation = render(answer, text, text, false, reward, Map.of());
            }
            returned += observation.reward();
            return observation;
        } catch (AgentGymException e) {
            failed = true;
            throw e;
        }
    }

    /** An answer the episode gives itself, without the server: the observation's offer stays. */
    private Observation local(String text, String feedback) {
        Observation next = new Observation(text, observation.actions(), observation.templates(), false, 0.0,
                Map.of(Observation.FEEDBACK, feedback), observation.descriptions());
        observation = steps >= environment.config().maxSteps() ? end(text, 0.0, false) : next;
        if (observation.done()) {
            returned += observation.reward();
        }
        return observation;
    }

    /** The last observation: the family's success rule sets the return to at least 1, or below 1. */
    private Observation end(String text, double reward, boolean serverDone) {
        Scoring scoring = profile.scoring();
        double outcome = scoring.scale() * value;
        boolean success = scoring.success() == SuccessRule.DONE ? serverDone
                : outcome >= scoring.threshold() - 1e-9;
        double total = returned + reward;
        if (success && total < 1.0) {
            reward += 1.0 - total;
        } else if (!success && total >= Trajectory.SUCCESS_THRESHOLD) {
            reward -= total - FAILURE_CAP;
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("score", String.format(Locale.ROOT, "%s", value));
        if (!serverDone) {
            info.put(Observation.FEEDBACK, "out of steps (maxSteps " + environment.config().maxSteps() + ")");
        }
        return new Observation(text, List.of(), List.of(), true, reward, info);
    }

    private Observation render(JsonNode answer, String serverText, String text, boolean done, double reward,
                               Map<String, String> info) {
        ValidActions.Offer offer = environment.validActions().read(answer, serverText, instance, describe());
        return new Observation(text + offer.shown(), offer.actions(), offer.templates(), done, reward, info);
    }

    /** Gives the instance back to the pool; after a server failure it is dropped instead. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            environment.release(instance, !failed);
        }
    }
}
