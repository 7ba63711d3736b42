package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.Seeds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
 * <p>Thread-safe; one client is meant to be shared by all threads of a part. The creator closes it.
 */
public final class ChatClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
    private static final int MAX_MESSAGE_CHARS = 500;

    /** Counters of what the client did, for metrics. */
    public record Stats(long requests, long retries, long failures, Boolean nSupported, Boolean logprobsSupported) {
    }

    private final AtomicReference<ChatClientSettings> settings;
    private final HttpClient http;
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
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
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

    private ChatResponse attempt(ChatClientSettings current, URI endpoint, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(current.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (current.apiKey() != null) {
            builder.header("Authorization", current.apiKey().authorization());
        }
        HttpResponse<String> response;
        acquire();
        try {
            requests.incrementAndGet();
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmServerException(endpoint.toString(), LlmServerException.NO_ANSWER, null, true,
                    "no answer from " + endpoint + " within " + describe(current.requestTimeout()), e);
        } catch (IOException e) {
            throw new LlmServerException(endpoint.toString(), LlmServerException.NO_ANSWER, null, true,
                    "cannot reach " + endpoint + ": " + redact(current, String.valueOf(e.getMessage()))
                            + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + endpoint, e);
        } finally {
            permits.release();
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status == 200) {
            return parse(current, endpoint, response, text);
        }
        String message = redact(current, serverMessage(text));
        boolean retryable = status == 429 || status == 408 || status >= 500;
        String what = endpoint + " answered " + status + ": " + message;
        Duration retryAfter = retryAfter(response);
        if (retryable && retryAfter != null) {
            throw new RetryAfterException(endpoint.toString(), status, message, what, retryAfter);
        }
        throw new LlmServerException(endpoint.toString(), status, message, retryable, what, null);
    }

    private ChatResponse parse(ChatClientSettings current, URI endpoint, HttpResponse<String> response, String text) {
        String trimmed = text.strip();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try {
            if (contentType.startsWith("text/event-stream") || trimmed.startsWith("data:")) {
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
            if (choices == null || !choices.isArray() || choices.isEmpty()) {
                throw malformed(current, endpoint, text, "no 'choices' array", null);
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
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4096);
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

    private static Duration retryAfter(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
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
