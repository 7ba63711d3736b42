package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an instance is closed on servers that offer it.
 *
 * @param path default {@code /close}
 * @param body the JSON object sent; must carry {@code $instance}
 */
public record CloseCall(String path, JsonNode body) {

    public CloseCall {
        path = Fields.path(path == null ? "/close" : path, "close.path");
        body = Fields.body(body, "close.body", BodyTemplate.INSTANCE);
    }
}
