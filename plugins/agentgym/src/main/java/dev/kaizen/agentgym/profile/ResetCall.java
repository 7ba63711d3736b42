package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an instance is reset to a task, and where the first observation comes from.
 *
 * @param path default {@code /reset}
 * @param body the JSON object sent; must carry {@code $instance} and {@code $task}
 * @param observation the JSON pointer to the observation text in the answer ({@code ""}: the answer is
 *     the text); null when the answer has none and the profile's {@code observe} request reads it
 * @param prefix a JSON pointer to text put before the observation on a line of its own (SciWorld's
 *     {@code task_description}), or null
 * @param preamble text AgentGym's client puts before the first observation on a line of its own, or null
 * @param preambleList a list the preamble names with a placeholder, read from the server, or null
 * @param serverObservation whether the server's first observation is shown (default true; false
 *     when AgentGym's client shows only the preamble)
 */
public record ResetCall(String path, JsonNode body, String observation, String prefix, String preamble,
                        ListRead preambleList, Boolean serverObservation) {

    public ResetCall {
        path = Fields.path(path == null ? "/reset" : path, "reset.path");
        body = Fields.body(body, "reset.body", BodyTemplate.INSTANCE, BodyTemplate.TASK);
        observation = Fields.pointer(observation, "reset.observation", false);
        prefix = Fields.pointer(prefix, "reset.prefix", false);
        preamble = preamble == null || preamble.isBlank() ? null : preamble.strip();
        serverObservation = serverObservation == null ? Boolean.TRUE : serverObservation;
        if (preambleList != null && (preamble == null || !preamble.contains(preambleList.placeholder()))) {
            throw new IllegalArgumentException("reset.preambleList fills " + preambleList.placeholder()
                    + ", but reset.preamble does not contain it");
        }
        if (!serverObservation && preamble == null) {
            throw new IllegalArgumentException("reset.serverObservation is false but there is no reset.preamble: "
                    + "the first observation would be empty");
        }
    }
}
