package dev.kaizen.agentgym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.http.PooledHttpClients;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

/**
 * JSON over HTTP to one AgentGym server. Every failure becomes an {@link AgentGymException} that
 * names the URL, what the request was for, and the server's words; that includes the
 * {@code {"error": ...}} bodies AgentGym servers return with status 200.
 *
 * <p>Requests are blocking HTTP/1.1 on pooled keep-alive connections ({@link PooledHttpClients}):
 * the calling thread does the I/O itself, which costs a fraction of the CPU of an asynchronous
 * client per request. Nothing is retried here and redirects are not followed. A connection idle
 * for more than {@link #CHECK_AFTER_IDLE} is checked before it is reused, so that after a server
 * restart requests reach the new process instead of failing on a connection the old one closed. Thread-safe; the environment closes it.
 */
final class AgentGymClient implements AutoCloseable {

    private static final int MAX_BODY_CHARS = 400;
    /** Connections idle this long are checked before reuse (see {@link PooledHttpClients#CHECK_AFTER_IDLE}). */
    static final TimeValue CHECK_AFTER_IDLE = PooledHttpClients.CHECK_AFTER_IDLE;
    private static final ContentType JSON = ContentType.create("application/json");

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
    private final Duration connectTimeout;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    AgentGymClient(URI baseUrl, Duration requestTimeout, Duration connectTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
        this.http = PooledHttpClients.builder()
                .setConnectTimeout(connectTimeout)
                .setRequestTimeout(requestTimeout)
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /**
     * {@code POST path} with a JSON body.
     *
     * @param what what the request is for, for error messages only (built only when one is needed)
     */
    JsonNode post(String path, ObjectNode body, Supplier<String> what) {
        HttpPost request = new HttpPost(URI.create(baseUrl + path));
        request.setHeader("Accept", "application/json");
        try {
            request.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        return exchange(request, "POST ", path, what);
    }

    /** {@code GET path?name=value}. */
    JsonNode get(String path, String name, String value, Supplier<String> what) {
        HttpGet request = new HttpGet(URI.create(baseUrl + path + "?" + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        request.setHeader("Accept", "application/json");
        return exchange(request, "GET ", path, what);
    }

    /** A status and a body read in full (the connection goes back to the pool). */
    private record Answer(int status, String body) {
        static Answer read(ClassicHttpResponse response) throws IOException {
            HttpEntity entity = response.getEntity();
            try {
                return new Answer(response.getCode(), entity == null ? "" : EntityUtils.toString(entity,
                        StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IOException("unreadable Content-Type: " + e.getMessage(), e);
            }
        }
    }

    private JsonNode exchange(ClassicHttpRequest request, String method, String path, Supplier<String> what) {
        Answer response;
        try {
            response = http.execute(request, Answer::read);
        } catch (ConnectTimeoutException e) {
            throw new Transient("cannot reach AgentGym server " + baseUrl + " (" + method + path + " for "
                    + what.get() + "): no connection within " + seconds(connectTimeout) + "; is the server running?",
                    e);
        } catch (SocketTimeoutException e) {
            throw new Transient("AgentGym server " + baseUrl + " did not answer " + method + path + " for "
                    + what.get() + " within " + seconds(requestTimeout), e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AgentGymException("interrupted during " + method + path + " for " + what.get(), e);
            }
            throw new Transient("cannot reach AgentGym server " + baseUrl + " (" + method + path + " for "
                    + what.get() + "): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; is the server running, and did it restart?", e);
        }
        int status = response.status();
        String body = response.body();
        if (status == 404 || status == 405) {
            throw new NoRoute("AgentGym server " + baseUrl + " has no " + method + path + " (" + status + ")");
        }
        if (status >= 500) {
            throw new Transient("AgentGym server " + baseUrl + " answered " + status + " to " + method + path
                    + " for " + what.get() + ": " + abbreviate(body) + "; if the server restarted, its episodes are lost",
                    null);
        }
        if (status != 200) {
            throw new AgentGymException("AgentGym server " + baseUrl + " answered " + status + " to " + method + path
                    + " for " + what.get() + ": " + abbreviate(body));
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AgentGymException("AgentGym server " + baseUrl + " sent malformed JSON to " + method + path
                    + " for " + what.get() + " (" + e.getOriginalMessage() + "): " + abbreviate(body), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new AgentGymException("AgentGym server " + baseUrl + " sent an empty answer to " + method + path
                    + " for " + what.get());
        }
        if (json.isObject() && json.hasNonNull("error")) {
            JsonNode error = json.get("error");
            throw new AgentGymException("AgentGym server " + baseUrl + " reported an error for " + method + path
                    + " (" + what.get() + "): " + abbreviate(error.isTextual() ? error.asText() : error.toString())
                    + "; if the server restarted, its episodes are lost");
        }
        return json;
    }

    /** Closes every connection, also those of requests under way (they fail). */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
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
