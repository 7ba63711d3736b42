package dev.kaizen.agentgym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP to one AgentGym server. Every failure becomes an {@link AgentGymException} that
 * names the URL, what the request was for, and the server's words; that includes the
 * {@code {"error": ...}} bodies AgentGym servers return with status 200. Thread-safe.
 */
final class AgentGymClient {

    private static final int MAX_BODY_CHARS = 400;

    /** A failure a retry might cure: no answer, or a 5xx. */
    static final class Transient extends AgentGymException {
        private static final long serialVersionUID = 1L;

        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server has no such route (404/405): an optional endpoint it does not offer. */
    static final class NoRoute extends AgentGymException {
        private static final long serialVersionUID = 1L;

        NoRoute(String message) {
            super(message);
        }
    }

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    AgentGymClient(URI baseUrl, Duration requestTimeout, Duration connectTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** {@code POST path} with a JSON body. */
    JsonNode post(String path, ObjectNode body, String what) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return exchange(request, "POST " + path, what);
    }

    /** {@code GET path?name=value}. */
    JsonNode get(String path, String name, String value, String what) {
        URI uri = URI.create(baseUrl + path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
                .GET().build();
        return exchange(request, "GET " + path, what);
    }

    private JsonNode exchange(HttpRequest request, String call, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Transient("AgentGym server " + baseUrl + " did not answer " + call + " for " + what + " within "
                    + seconds(requestTimeout), e);
        } catch (IOException e) {
            throw new Transient("cannot reach AgentGym server " + baseUrl + " (" + call + " for " + what + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; is the server running, and did it restart?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentGymException("interrupted during " + call + " for " + what, e);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status == 404 || status == 405) {
            throw new NoRoute("AgentGym server " + baseUrl + " has no " + call + " (" + status + ")");
        }
        if (status >= 500) {
            throw new Transient("AgentGym server " + baseUrl + " answered " + status + " to " + call + " for " + what
                    + ": " + abbreviate(body) + "; if the server restarted, its episodes are lost", null);
        }
        if (status != 200) {
            throw new AgentGymException("AgentGym server " + baseUrl + " answered " + status + " to " + call + " for "
                    + what + ": " + abbreviate(body));
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AgentGymException("AgentGym server " + baseUrl + " sent malformed JSON to " + call + " for " + what
                    + " (" + e.getOriginalMessage() + "): " + abbreviate(body), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new AgentGymException("AgentGym server " + baseUrl + " sent an empty answer to " + call + " for "
                    + what);
        }
        if (json.isObject() && json.hasNonNull("error")) {
            JsonNode error = json.get("error");
            throw new AgentGymException("AgentGym server " + baseUrl + " reported an error for " + call + " (" + what
                    + "): " + abbreviate(error.isTextual() ? error.asText() : error.toString())
                    + "; if the server restarted, its episodes are lost");
        }
        return json;
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_BODY_CHARS ? stripped : stripped.substring(0, MAX_BODY_CHARS) + "...";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
