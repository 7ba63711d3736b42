package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a fake server answers: a status and a body, as the Python servers send them. */
public record Reply(int status, String body) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** 200 with a JSON value. */
    public static Reply ok(JsonNode json) {
        return new Reply(200, json.toString());
    }

    /** 200 with {@code {"error": message}}: how the AgentGym servers report failures. */
    public static Reply error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("error", message);
        return ok(error);
    }

    /** FastAPI's answer to a route it does not have. */
    public static Reply notFound() {
        return new Reply(404, "{\"detail\":\"Not Found\"}");
    }

    /** An exception in a FastAPI handler. */
    public static Reply serverError() {
        return new Reply(500, "Internal Server Error");
    }

    /** A new JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
