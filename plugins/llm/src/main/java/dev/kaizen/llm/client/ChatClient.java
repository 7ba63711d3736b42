package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.Seeds;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one OpenAI-compatible chat-completions server.
 *
 * <p>At most {@link ChatClientSettings#maxConcurrency()} requests are in flight at once. Requests
 * that fail with 429, 5xx, a timeout, a broken connection or an unreadable body are retried with
 * exponential backoff and seeded jitter, waiting at least as long as a {@code Retry-After} header
 * asks. {@code n > 1} and {@code logprobs} are treated as capabilities: a server that refuses them
 * (400/422) or ignores {@code n} gets separate requests (or requests without log-probabilities) from
 * then on.
 *
 * <p>Requests are blocking HTTP/1.1 on pooled keep-alive connections (Apache HttpClient): the
 * calling thread does the I/O itself, which costs a fraction of the CPU of an asynchronous client
 * per request. Redirects are not followed; a connection idle for more than {@link #CHECK_AFTER_IDLE}
 * is checked before it is reused (so that a restarted server gets the request instead of a dead
 * connection); connections never log
 * headers or bytes ({@link QuietConnectionFactory}), since the request carries the API key.
 *
 * <p>Thread-safe; one client is meant to be shared by all threads of a part. The creator closes it,
 * which also ends the requests under way.
 */
public final class ChatClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
    private static final int MAX_MESSAGE_CHARS = 500;
    /** Connections kept per server; the permits bound how many are in use. */
    private static final int MAX_CONNECTIONS = 4096;
    /**
     * Connections idle this long are checked before reuse: one the server closed (it restarted, or
     * its keep-alive timeout passed) is replaced instead of failing the request. The check waits
     * 1 ms on an open connection, so connections reused sooner (those of a busy rollout) skip it;
     * servers take longer than this to restart and close idle connections after seconds.
     */
    static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofMilliseconds(100);
    private static final ContentType JSON = ContentType.create("application/json");

    /** Counters of what the client did, for metrics. */
    public record Stats(long requests, long retries, long failures, Boolean nSupported, Boolean logprobsSupported) {
    }

    private final AtomicReference<ChatClientSettings> settings;
    private final CloseableHttpClient http;
    private final Semaphore permits;
    private final ExecutorService fanOut;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicReference<Boolean> nSupported = new AtomicReference<>();
    private final AtomicReference<Boolean> logprobsSupported = new AtomicReference<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public ChatClient(ChatClientSettings settings) {
        this.settings = new AtomicReference<>(requireNonNull(settings, "settings is null"));
        Timeout requestTimeout = Timeout.ofMilliseconds(settings.requestTimeout().toMillis());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(new QuietConnectionFactory())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
                                .setSocketTimeout(requestTimeout)
                                .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(requestTimeout)
                        .setConnectionRequestTimeout(requestTimeout).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
        this.permits = new Semaphore(settings.maxConcurrency(), true);
        AtomicInteger threads = new AtomicInteger();
        this.fanOut = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "llm-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The current settings. */
    public ChatClientSettings settings() {
        return settings.get();
    }

    /** Points the client at another server (e.g. after a trainer produced new weights). */
    public void baseUrl(URI baseUrl) {
        settings.updateAndGet(s -> s.withBaseUrl(requireNonNull(baseUrl, "baseUrl is null")));
    }

    /** What the client has done so far. */
    public Stats stats() {
        return new Stats(requests.get(), retries.get(), failures.get(), nSupported.get(), logprobsSupported.get());
    }

    /**
     * Returns {@code request.n()} completions: from one request where the server honours {@code n},
     * else from separate requests with seeds derived from {@code request.seed()}.
     *
     * @throws LlmServerException if the server cannot be used (after retries and fallbacks)
     */
    public List<ChatChoice> complete(ChatRequest request) {
        int k = request.n();
        if (k == 1) {
            return first(exchangeWithFallbacks(request).choices(), 1);
        }
        List<ChatChoice> have = new ArrayList<>();
        LlmServerException refused = null;
        if (!Boolean.FALSE.equals(nSupported.get())) {
            try {
                List<ChatChoice> got = exchangeWithFallbacks(request).choices();
                if (got.size() >= k) {
                    nSupported.compareAndSet(null, Boolean.TRUE);
                    return first(got, k);
                }
                if (!Boolean.FALSE.equals(nSupported.getAndSet(Boolean.FALSE))) {
                    LOG.info("{} returned {} completions for n={}; asking for the rest separately from now on",
                            settings().chatCompletions(), got.size(), k);
                }
                have.addAll(got);
            } catch (LlmServerException e) {
                if (!e.badRequest()) {
                    throw e;
                }
                refused = e;
            }
        }
        List<ChatChoice> rest = separately(request, have.size(), k - have.size());
        if (refused != null && !Boolean.FALSE.equals(nSupported.getAndSet(Boolean.FALSE))) {
            LOG.info("{} refused n={} ({}); using {} separate requests from now on",
                    settings().chatCompletions(), k, refused.serverMessage(), k);
        }
        have.addAll(rest);
        return have;
    }

    private static List<ChatChoice> first(List<ChatChoice> choices, int k) {
        return choices.size() <= k ? choices : choices.subList(0, k);
    }

    private List<ChatChoice> separately(ChatRequest request, int offset, int count) {
        if (count <= 0) {
            return List.of();
        }
        List<Future<ChatResponse>> futures = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            Long seed = request.seed() == null ? null : Seeds.derive(request.seed(), offset + j);
            ChatRequest single = request.withN(1).withSeed(seed);
            futures.add(fanOut.submit(() -> exchangeWithFallbacks(single)));
        }
        List<ChatChoice> out = new ArrayList<>(count);
        for (Future<ChatResponse> future : futures) {
            out.addAll(first(await(future).choices(), 1));
        }
        return out;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the LLM server", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ChatResponse exchangeWithFallbacks(ChatRequest request) {
        ChatRequest effective = request.logprobs() && Boolean.FALSE.equals(logprobsSupported.get())
                ? request.withoutLogprobs() : request;
        try {
            ChatResponse response = exchange(effective);
            if (effective.logprobs() && response.choices().stream().anyMatch(ChatChoice::hasLogprobs)) {
                logprobsSupported.compareAndSet(null, Boolean.TRUE);
            }
            return response;
        } catch (LlmServerException e) {
            boolean nSuspect = effective.n() > 1 && !Boolean.TRUE.equals(nSupported.get());
            if (!e.badRequest() || !effective.logprobs() || Boolean.TRUE.equals(logprobsSupported.get())
                    || nSuspect) {
                throw e;
            }
            ChatResponse response = exchange(effective.withoutLogprobs());
            if (!Boolean.FALSE.equals(logprobsSupported.getAndSet(Boolean.FALSE))) {
                LOG.info("{} refused logprobs ({}); asking without them from now on",
                        settings().chatCompletions(), e.serverMessage());
            }
            return response;
        }
    }

    /** One request with retries; no fallbacks. */
    private ChatResponse exchange(ChatRequest request) {
        ChatClientSettings current = settings();
        URI endpoint = current.chatCompletions();
        byte[] body = requestBody(request);
        LlmServerException last = null;
        for (int attempt = 0; attempt <= current.maxRetries(); attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                sleep(delay(current, request, attempt - 1, last));
            }
            try {
                return attempt(current, endpoint, body);
            } catch (LlmServerException e) {
                last = e;
                if (!e.retryable()) {
                    failures.incrementAndGet();
                    throw e;
                }
                if (e instanceof RetryAfterException tooLong && tooLong.waitFor.compareTo(current.maxRetryAfter()) > 0) {
                    failures.incrementAndGet();
                    throw new LlmServerException(endpoint.toString(), e.status(), e.serverMessage(), false,
                            endpoint + " asked to retry after " + tooLong.waitFor.toSeconds() + " s, longer than "
                                    + "maxRetryAfter (" + current.maxRetryAfter().toSeconds() + " s): "
                                    + e.getMessage(), e);
                }
                LOG.debug("attempt {} of {} failed: {}", attempt + 1, current.maxRetries() + 1, e.getMessage());
            }
        }
        failures.incrementAndGet();
        throw new LlmServerException(endpoint.toString(), last.status(), last.serverMessage(), false,
                last.getMessage() + " (gave up after " + (current.maxRetries() + 1) + " attempts)", last);
    }

    /** A status, the headers the client reads, and the body read in full (the connection goes back to the pool). */
    private record Answer(int status, String body, String contentType, String retryAfter) {
        static Answer read(ClassicHttpResponse response) throws IOException {
            HttpEntity entity = response.getEntity();
            String body;
            try {
                body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            } catch (ParseException e) {
                throw new IOException("unreadable Content-Type: " + e.getMessage(), e);
            }
            return new Answer(response.getCode(), body, value(response.getFirstHeader("Content-Type")),
                    value(response.getFirstHeader("Retry-After")));
        }

        private static String value(Header header) {
            return header == null ? null : header.getValue();
        }
    }

    private ChatResponse attempt(ChatClientSettings current, URI endpoint, byte[] body) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader("Accept", "application/json");
        if (current.apiKey() != null) {
            post.setHeader("Authorization", current.apiKey().authorization());
        }
        post.setEntity(new ByteArrayEntity(body, JSON));
        Answer response;
        acquire();
        try {
            requests.incrementAndGet();
            response = http.execute(post, Answer::read);
        } catch (ConnectTimeoutException e) {
            throw new LlmServerException(endpoint.toString(), LlmServerException.NO_ANSWER, null, true,
                    "cannot reach " + endpoint + ": no connection within " + describe(current.connectTimeout()), e);
        } catch (SocketTimeoutException e) {
            throw new LlmServerException(endpoint.toString(), LlmServerException.NO_ANSWER, null, true,
                    "no answer from " + endpoint + " within " + describe(current.requestTimeout()), e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while calling " + endpoint, e);
            }
            throw new LlmServerException(endpoint.toString(), LlmServerException.NO_ANSWER, null, true,
                    "cannot reach " + endpoint + ": " + redact(current, String.valueOf(e.getMessage()))
                            + " (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            permits.release();
        }
        int status = response.status();
        String text = response.body();
        if (status == 200) {
            return parse(current, endpoint, response.contentType(), text);
        }
        String message = redact(current, serverMessage(text));
        boolean retryable = status == 429 || status == 408 || status >= 500;
        String what = endpoint + " answered " + status + ": " + message;
        Duration retryAfter = retryAfter(response.retryAfter());
        if (retryable && retryAfter != null) {
            throw new RetryAfterException(endpoint.toString(), status, message, what, retryAfter);
        }
        throw new LlmServerException(endpoint.toString(), status, message, retryable, what, null);
    }

    private ChatResponse parse(ChatClientSettings current, URI endpoint, String contentType, String text) {
        String trimmed = text.strip();
        String type = contentType == null ? "" : contentType;
        try {
            if (type.startsWith("text/event-stream") || trimmed.startsWith("data:")) {
                return parseStream(trimmed);
            }
            JsonNode root = mapper.readTree(trimmed);
            if (root == null || !root.isObject()) {
                throw malformed(current, endpoint, text, "expected a JSON object", null);
            }
            if (root.hasNonNull("error") && !root.has("choices")) {
                String message = redact(current, serverMessage(trimmed));
                throw new LlmServerException(endpoint.toString(), 200, message, false,
                        endpoint + " answered 200 with an error: " + message, null);
            }
            JsonNode choices = root.get("choices");
            if (choices == null || !choices.isArray()) {
                throw malformed(current, endpoint, text, "no 'choices' array", null);
            }
            if (choices.isEmpty()) {
                throw malformed(current, endpoint, text, "the reply's 'choices' array is empty", null);
            }
            List<ChatChoice> out = new ArrayList<>();
            for (JsonNode choice : choices) {
                out.add(choice(choice));
            }
            return new ChatResponse(out);
        } catch (JsonProcessingException e) {
            throw malformed(current, endpoint, text, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private LlmServerException malformed(ChatClientSettings current, URI endpoint, String text, String why,
                                         Throwable cause) {
        return new LlmServerException(endpoint.toString(), 200, null, true,
                endpoint + " sent a malformed chat completion: " + why + "; body starts with: "
                        + redact(current, abbreviate(text)), cause);
    }

    private static ChatChoice choice(JsonNode choice) {
        JsonNode message = choice.path("message");
        String content = text(message.get("content"));
        if (content == null) {
            content = text(choice.get("text"));
        }
        String finish = choice.hasNonNull("finish_reason") ? choice.get("finish_reason").asText() : null;
        return new ChatChoice(content == null ? "" : content, finish, tokens(choice.get("logprobs")));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : node) {
                joined.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
            }
            return joined.toString();
        }
        return node.asText();
    }

    private static List<TokenLogprob> tokens(JsonNode logprobs) {
        if (logprobs == null || logprobs.isNull()) {
            return null;
        }
        JsonNode content = logprobs.get("content");
        if (content == null || !content.isArray()) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>(content.size());
        for (JsonNode token : content) {
            JsonNode logprob = token.get("logprob");
            if (!token.hasNonNull("token") || logprob == null || !logprob.isNumber()) {
                return null;
            }
            out.add(new TokenLogprob(token.get("token").asText(), logprob.asDouble()));
        }
        return out;
    }

    /** Assembles a streamed answer (some servers stream even when asked not to). */
    private ChatResponse parseStream(String text) throws JsonProcessingException {
        Map<Integer, StringBuilder> contents = new TreeMap<>();
        Map<Integer, List<TokenLogprob>> tokens = new TreeMap<>();
        Map<Integer, String> finishes = new TreeMap<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = mapper.readTree(data);
            for (JsonNode choice : chunk.path("choices")) {
                int index = choice.path("index").asInt(0);
                String piece = text(choice.path("delta").get("content"));
                contents.computeIfAbsent(index, i -> new StringBuilder()).append(piece == null ? "" : piece);
                List<TokenLogprob> more = tokens(choice.get("logprobs"));
                if (more != null) {
                    tokens.computeIfAbsent(index, i -> new ArrayList<>()).addAll(more);
                }
                if (choice.hasNonNull("finish_reason")) {
                    finishes.put(index, choice.get("finish_reason").asText());
                }
            }
        }
        if (contents.isEmpty()) {
            throw new JsonProcessingException("a stream without choices") {
                private static final long serialVersionUID = 1L;
            };
        }
        List<ChatChoice> out = new ArrayList<>();
        contents.forEach((index, content) ->
                out.add(new ChatChoice(content.toString(), finishes.get(index), tokens.get(index))));
        return new ChatResponse(out);
    }

    /** The request as JSON, written straight to bytes (prompts with long histories are large). */
    private byte[] requestBody(ChatRequest request) {
        int size = 512;
        for (ChatMessage message : request.messages()) {
            size += message.content().length() + 48;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + size / 8);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("model", request.model());
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                json.writeStartObject();
                json.writeStringField("role", message.role());
                json.writeStringField("content", message.content());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("temperature", request.temperature());
            if (request.topP() != null) {
                json.writeNumberField("top_p", request.topP());
            }
            if (request.n() > 1) {
                json.writeNumberField("n", request.n());
            }
            if (request.maxTokens() != null) {
                json.writeNumberField("max_tokens", request.maxTokens());
            }
            if (!request.stop().isEmpty()) {
                json.writeArrayFieldStart("stop");
                for (String stop : request.stop()) {
                    json.writeString(stop);
                }
                json.writeEndArray();
            }
            if (request.seed() != null) {
                json.writeNumberField("seed", request.seed());
            }
            if (request.logprobs()) {
                json.writeBooleanField("logprobs", true);
                if (request.topLogprobs() != null && request.topLogprobs() > 0) {
                    json.writeNumberField("top_logprobs", request.topLogprobs());
                }
            }
            json.writeBooleanField("stream", false);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
        return out.toByteArray();
    }

    /** The server's own words about an error: OpenAI's {@code error.message}, FastAPI's {@code detail}, or the body. */
    private String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode error = root.get("error");
                if (error != null && error.isObject() && error.hasNonNull("message")) {
                    return abbreviate(error.get("message").asText());
                }
                if (error != null && error.isTextual()) {
                    return abbreviate(error.asText());
                }
                for (String key : List.of("detail", "message")) {
                    if (root.hasNonNull(key)) {
                        JsonNode value = root.get(key);
                        return abbreviate(value.isTextual() ? value.asText() : value.toString());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: the raw body is the message
        }
        return abbreviate(body.strip());
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static String redact(ChatClientSettings current, String text) {
        return current.apiKey() == null ? text : current.apiKey().redact(text);
    }

    private static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** Exponential backoff with seeded jitter, never shorter than a Retry-After. */
    private static Duration delay(ChatClientSettings current, ChatRequest request, int retry, LlmServerException last) {
        long base = current.initialBackoff().toMillis();
        long capped = Math.min(current.maxBackoff().toMillis(), base << Math.min(retry, 30));
        long seed = Seeds.derive(Seeds.derive(current.jitterSeed(), request.seed() == null ? 0L : request.seed()), retry);
        double u = new SplittableRandom(seed).nextDouble();
        long jittered = (long) (capped * (0.5 + 0.5 * u));
        if (last instanceof RetryAfterException asked) {
            jittered = Math.max(jittered, asked.waitFor.toMillis());
        }
        return Duration.ofMillis(jittered);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free connection slot", e);
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    @Override
    public String toString() {
        ChatClientSettings current = settings();
        return "ChatClient[" + current.baseUrl() + (current.apiKey() == null ? "" : ", " + current.apiKey()) + "]";
    }

    /** A retryable failure whose answer carried a Retry-After header. */
    private static final class RetryAfterException extends LlmServerException {

        private static final long serialVersionUID = 1L;

        private final transient Duration waitFor;

        RetryAfterException(String endpoint, int status, String serverMessage, String message, Duration waitFor) {
            super(endpoint, status, serverMessage, true, message, null);
            this.waitFor = waitFor;
        }
    }
}
