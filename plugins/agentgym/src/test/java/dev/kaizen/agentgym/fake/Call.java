package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One request a fake server received.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path, without the query
 * @param query the query parameters
 * @param body the JSON body, or null when there was none
 * @param upgrade the {@code Upgrade} header, or null
 * @param clientPort the client's port: requests on one kept-alive connection share it
 */
public record Call(String method, String path, Map<String, String> query, JsonNode body, String upgrade,
                   int clientPort) {

    /** {@code POST /step}, as routes are written. */
    public String route() {
        return method + " " + path;
    }

    /** The number in query parameter {@code name}, or -1. */
    public long queryNumber(String name) {
        try {
            return Long.parseLong(query.getOrDefault(name, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The number in body field {@code name}, or -1. */
    public long bodyNumber(String name) {
        return body == null ? -1 : body.path(name).asLong(-1);
    }

    /** The text in body field {@code name}, or "". */
    public String bodyText(String name) {
        return body == null ? "" : body.path(name).asText("");
    }
}
