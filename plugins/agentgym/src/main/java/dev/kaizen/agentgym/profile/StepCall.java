package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an action is sent and the answer read.
 *
 * @param path default {@code /step}
 * @param body the JSON object sent; must carry {@code $instance} and {@code $action}
 * @param observation the JSON pointer to the new observation text
 * @param reward the JSON pointer to the value AgentGym's own evaluation reads as the episode's outcome
 *     so far (a running score, or the last step's reward); a missing value keeps the previous one
 * @param done the JSON pointer to the flag that the episode has ended
 */
public record StepCall(String path, JsonNode body, String observation, String reward, String done) {

    public StepCall {
        path = Fields.path(path == null ? "/step" : path, "step.path");
        body = Fields.body(body, "step.body", BodyTemplate.INSTANCE, BodyTemplate.ACTION);
        observation = Fields.pointer(observation, "step.observation", true);
        reward = Fields.pointer(reward, "step.reward", true);
        done = Fields.pointer(done, "step.done", true);
    }
}
