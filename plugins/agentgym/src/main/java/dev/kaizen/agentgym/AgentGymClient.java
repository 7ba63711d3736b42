package dev.kaizen.agentgym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.http.PooledHttpClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to one AgentGym server. Every failure becomes an {@link AgentGymException} whose
 * message names the server (family and URL), what the request was for and the server's words; that
 * includes the {@code {"error": ...}} bodies AgentGym servers return with status 200.
 *
 * <p>Failures that may pass (no connection, a 5xx answer, a timeout) are tried again after a backoff
 * that doubles; requests that change the server's state ({@link Retry#UNSENT}) only when they never
 * reached it. When every try of a request found no server at all, the server is taken to be down: this
 * and every later request fail at once with {@link ServerDown}, which names the server and the last
 * error, so that a run whose server died ends quickly instead of trying every task.
 *
 * <p>Requests are blocking HTTP/1.1 on pooled keep-alive connections ({@link PooledHttpClients}): no
 * protocol upgrade, at most {@code maxConnections} connections, no redirects. A connection idle for
 * more than {@link #CHECK_AFTER_IDLE} is checked before it is reused. Thread-safe; the environment
 * closes it.
 */
final class AgentGymClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentGymClient.class);
    private static final int MAX_BODY_CHARS = 400;
    /** Connections idle this long are checked before reuse (see {@link PooledHttpClients#CHECK_AFTER_IDLE}). */
    static final TimeValue CHECK_AFTER_IDLE = PooledHttpClients.CHECK_AFTER_IDLE;
    private static final ContentType JSON = ContentType.create("application/json");

    /** Which failures a request is tried again after. */
    enum Retry {
        /** Every passing failure: the request changes nothing, or changes it the same way again. */
        ALWAYS,
        /** Only failures before the request reached the server (no connection): it changes the server's state. */
        UNSENT,
        /** None. */
        NEVER
    }

    /** A failure a retry might cure: no answer in time, or a 5xx. */
    static class Transient extends AgentGymException {
        private static final long serialVersionUID = 1L;

        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No connection could be made: the request never reached the server. */
    static final class Unreached extends Transient {
        private static final long serialVersionUID = 1L;

        Unreached(String message, Throwable cause) {
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

    /** The server did not answer any try of a request; every later request fails at once with this. */
    static final class ServerDown extends AgentGymException {
        private static final long serialVersionUID = 1L;

        ServerDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI baseUrl;
    private final String server;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final int retries;
    private final long backoffMillis;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicReference<ServerDown> down = new AtomicReference<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /**
     * @param baseUrl the root every path is appended to
     * @param family the profile's name, for messages
     */
    AgentGymClient(URI baseUrl, String family, Duration requestTimeout, Duration connectTimeout, int maxConnections,
                   int retries, long backoffMillis) {
        this.baseUrl = baseUrl;
        this.server = "AgentGym " + family + " server " + baseUrl;
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
        this.retries = retries;
        this.backoffMillis = backoffMillis;
        this.http = PooledHttpClients.builder()
                .setConnectTimeout(connectTimeout)
                .setRequestTimeout(requestTimeout)
                .optMaxConnections(maxConnections)
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** {@code AgentGym <family> server <url>}, as messages name it. */
    String server() {
        return server;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** Requests sent and retries made so far. */
    long requests() {
        return requests.get();
    }

    long retries() {
        return retried.get();
    }

    /**
     * {@code POST path} with a JSON body (none when {@code body} is null).
     *
     * @param what what the request is for, for error messages only (built only when one is needed)
     */
    JsonNode post(String path, ObjectNode body, Supplier<String> what, Retry retry) {
        byte[] bytes;
        try {
            bytes = body == null ? null : mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        return retrying(() -> {
            HttpPost request = new HttpPost(URI.create(baseUrl + path));
            request.setHeader("Accept", "application/json");
            if (bytes != null) {
                request.setEntity(new ByteArrayEntity(bytes, JSON));
            }
            return request;
        }, "POST ", path, what, retry);
    }

    /** {@code GET path}, with {@code ?name=value} unless {@code name} is null; tried again on passing failures. */
    JsonNode get(String path, String name, String value, Supplier<String> what) {
        String target = baseUrl + path + (name == null ? "" : "?" + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return retrying(() -> {
            HttpGet request = new HttpGet(URI.create(target));
            request.setHeader("Accept", "application/json");
            return request;
        }, "GET ", path, what, Retry.ALWAYS);
    }

    /** {@code GET path} read as text: a JSON string's value, else the body as it is (e.g. a plain {@code ok}). */
    String getText(String path, Supplier<String> what) {
        JsonNode answer = retrying(() -> {
            HttpGet request = new HttpGet(URI.create(baseUrl + path));
            return request;
        }, "GET ", path, what, Retry.ALWAYS, true);
        return answer.isTextual() ? answer.asText() : answer.toString();
    }

    private JsonNode retrying(Supplier<ClassicHttpRequest> request, String method, String path, Supplier<String> what,
                              Retry retry) {
        return retrying(request, method, path, what, retry, false);
    }

    private JsonNode retrying(Supplier<ClassicHttpRequest> request, String method, String path, Supplier<String> what,
                              Retry retry, boolean plainText) {
        ServerDown known = down.get();
        if (known != null) {
            throw new ServerDown(known.getMessage(), known);
        }
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange(request.get(), method, path, what, plainText);
            } catch (Transient e) {
                boolean again = attempt < retries && (retry == Retry.ALWAYS
                        || retry == Retry.UNSENT && e instanceof Unreached);
                if (!again) {
                    if (e instanceof Unreached && (retry == Retry.ALWAYS || retry == Retry.UNSENT)) {
                        throw markDown(e, attempt + 1, started);
                    }
                    throw attempt == 0 ? e : new AgentGymException(e.getMessage() + " (" + (attempt + 1)
                            + " tries)", e);
                }
                retried.incrementAndGet();
                LOG.debug("try {} of {} {}{} failed: {}", attempt + 1, server, method, path, e.getMessage());
                pause(backoffMillis << Math.min(attempt, 16), method + path);
            }
        }
    }

    private ServerDown markDown(Transient last, int tries, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        ServerDown failure = new ServerDown(server + " is down: no answer to " + tries + (tries == 1 ? " try" : " tries")
                + " over " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s; last error: "
                + last.getMessage() + "; start the server or fix environment.baseUrl (more tries: environment.retries)",
                last);
        down.compareAndSet(null, failure);
        return down.get() == failure ? failure : new ServerDown(down.get().getMessage(), last);
    }

    private void pause(long millis, String request) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentGymException("interrupted while waiting to try " + request + " on " + server + " again", e);
        }
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

    private JsonNode exchange(ClassicHttpRequest request, String method, String path, Supplier<String> what,
                              boolean plainText) {
        Answer response;
        requests.incrementAndGet();
        try {
            response = http.execute(request, Answer::read);
        } catch (ConnectTimeoutException e) {
            throw new Unreached("cannot reach " + server + " (" + method + path + " for " + what.get()
                    + "): no connection within " + seconds(connectTimeout) + "; is the server running?", e);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new Unreached("cannot reach " + server + " (" + method + path + " for " + what.get() + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; is the server running?", e);
        } catch (SocketTimeoutException e) {
            throw new Transient(server + " did not answer " + method + path + " for " + what.get() + " within "
                    + seconds(requestTimeout), e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AgentGymException("interrupted during " + method + path + " for " + what.get(), e);
            }
            throw new Transient("lost the connection to " + server + " (" + method + path + " for " + what.get()
                    + "): " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; did the server stop or restart?", e);
        }
        int status = response.status();
        String body = response.body();
        if (status == 404 || status == 405) {
            throw new NoRoute(server + " has no " + method + path + " (" + status + ")");
        }
        if (status >= 500) {
            throw new Transient(server + " answered " + status + " to " + method + path + " for " + what.get() + ": "
                    + abbreviate(body) + "; if the server restarted, its episodes are lost", null);
        }
        if (status != 200) {
            throw new AgentGymException(server + " answered " + status + " to " + method + path + " for "
                    + what.get() + ": " + abbreviate(body));
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            if (plainText) {
                return mapper.getNodeFactory().textNode(body.strip());
            }
            throw new AgentGymException(server + " sent malformed JSON to " + method + path + " for " + what.get()
                    + " (" + e.getOriginalMessage() + "): " + abbreviate(body), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new AgentGymException(server + " sent an empty answer to " + method + path + " for " + what.get());
        }
        if (json.isObject() && json.hasNonNull("error")) {
            JsonNode error = json.get("error");
            throw new AgentGymException(server + " reported an error for " + method + path + " (" + what.get() + "): "
                    + abbreviate(error.isTextual() ? error.asText() : error.toString())
                    + "; if the server restarted, its episodes are lost");
        }
        return json;
    }

    /** Closes every connection, also those of requests under way (they fail). */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_BODY_CHARS ? stripped : stripped.substring(0, MAX_BODY_CHARS) + "...";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
