package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a server instance is created.
 *
 * @param path default {@code /create}
 * @param body the JSON object sent, literal values only (an instance is created before it has a task);
 *     null sends no body
 * @param id the JSON pointer to the instance id in the answer, {@code ""} when the answer is the id itself
 */
public record CreateCall(String path, JsonNode body, String id) {

    public CreateCall {
        path = Fields.path(path == null ? "/create" : path, "create.path");
        body = Fields.body(body, "create.body");
        if (body != null && (BodyTemplate.mentions(body, BodyTemplate.INSTANCE) || BodyTemplate.mentions(body,
                BodyTemplate.TASK) || BodyTemplate.mentions(body, BodyTemplate.ACTION))) {
            throw new IllegalArgumentException("create.body cannot use $instance, $task or $action: an instance is "
                    + "created before it has a task; give literal values");
        }
        id = Fields.pointer(id, "create.id", true);
    }
}
