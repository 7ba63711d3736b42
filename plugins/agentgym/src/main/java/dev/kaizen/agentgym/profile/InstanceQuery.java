package dev.kaizen.agentgym.profile;

/**
 * A GET request about one instance, e.g. {@code GET /observation?id=3}.
 *
 * @param path the endpoint
 * @param query the query parameter that names the instance; null for none
 */
public record InstanceQuery(String path, String query) {

    public InstanceQuery {
        path = Fields.path(path, "path");
        query = query == null || query.isBlank() ? null : query;
    }
}
