package dev.kaizen.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process server that speaks the OpenAI chat-completions wire format ({@code POST
 * /v1/chat/completions}, {@code GET /v1/models}), answering as a {@link Responder} says: with any
 * status, headers, body (including malformed ones) and delay. It records every exchange and the
 * most requests it held at once.
 *
 * <p>Its {@link #main} serves a deterministic "first valid action" model for benchmarks
 * ({@code FakeOpenAiServer --port 8001 --delay-ms 0}) or {@link ScriptedAgentModel} for running
 * recipes by hand ({@code --model agent}).
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // answer without waiting for delayed ACKs (Nagle): a real server's latency, not the kernel's
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * One request the server received.
     *
     * @param clientPort the client's port: requests on one kept-alive connection share it
     */
    public record Exchange(String method, String path, Map<String, List<String>> headers, JsonNode body,
                           int clientPort) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        /** The text of the last user message of a chat request. */
        public String lastUserMessage() {
            String last = null;
            for (JsonNode message : body.path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    last = message.path("content").asText();
                }
            }
            return last;
        }
    }

    /** How to answer one request. */
    public record Reply(int status, String body, String contentType, Map<String, String> headers, long delayMillis) {

        public static Reply json(String body) {
            return new Reply(200, body, "application/json", Map.of(), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, "application/json", Map.of(), 0);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, contentType, more, delayMillis);
        }

        public Reply withDelay(long millis) {
            return new Reply(status, body, contentType, headers, millis);
        }

        public Reply withContentType(String type) {
            return new Reply(status, body, type, headers, delayMillis);
        }
    }

    /** Decides the reply to the {@code call}-th request (counting from 0). */
    @FunctionalInterface
    public interface Responder {
        Reply reply(Exchange exchange, int call);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private final boolean record;

    private FakeOpenAiServer(int port, int threads, Responder responder, boolean record) throws IOException {
        this.record = record;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "fake-openai");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", http -> handle(http, responder));
        server.start();
    }

    /** Starts a server on a free port. */
    public static FakeOpenAiServer start(Responder responder) {
        return start(responder, 0);
    }

    /** Starts a server on {@code port} (0 for a free one), e.g. in place of one that was closed. */
    public static FakeOpenAiServer start(Responder responder, int port) {
        try {
            return new FakeOpenAiServer(port, 64, responder, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange http, Responder responder) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (http) {
            byte[] raw;
            try (InputStream in = http.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = raw.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(raw);
            Exchange exchange = new Exchange(http.getRequestMethod(), http.getRequestURI().getPath(),
                    Map.copyOf(http.getRequestHeaders()), body, http.getRemoteAddress().getPort());
            if (record) {
                exchanges.add(exchange);
            }
            Reply reply = responder.reply(exchange, calls.getAndIncrement());
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            // no longer in flight once the answer starts: the client may send its next request at once
            inFlight.decrementAndGet();
            counted = false;
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> http.getResponseHeaders().set(k, v));
            http.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = http.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. it timed out); nothing to answer
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** The API root, e.g. {@code http://127.0.0.1:40123/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** The chat-completion requests received, in order. */
    public List<Exchange> chatRequests() {
        return exchanges().stream().filter(e -> e.path().endsWith("/chat/completions")).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        executor.shutdownNow(); // wakes handlers still sleeping out a delay
        server.stop(0);
    }

    // ---- wire-format helpers ----

    /** A chat completion with one choice per content, without log-probabilities. */
    public static String completion(String... contents) {
        ObjectNode root = envelope();
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < contents.length; i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            choice.putObject("message").put("role", "assistant").put("content", contents[i]);
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
        }
        usage(root);
        return root.toString();
    }

    /** A chat completion with one choice per content, each tokenised into words with the given log-probability each. */
    public static String completionWithLogprobs(double logprobPerToken, String... contents) {
        ObjectNode root = envelope();
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < contents.length; i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            choice.putObject("message").put("role", "assistant").put("content", contents[i]);
            ArrayNode tokens = choice.putObject("logprobs").putArray("content");
            Matcher m = Pattern.compile("\\s*\\S+|\\s+").matcher(contents[i]);
            while (m.find()) {
                ObjectNode token = tokens.addObject();
                token.put("token", m.group());
                token.put("logprob", logprobPerToken);
                token.putArray("bytes");
                token.putArray("top_logprobs");
            }
            choice.put("finish_reason", "stop");
        }
        usage(root);
        return root.toString();
    }

    /** An OpenAI-style error body. */
    public static String error(String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", "invalid_request_error");
        error.putNull("param");
        error.putNull("code");
        return root.toString();
    }

    private static ObjectNode envelope() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "test-model");
        return root;
    }

    private static void usage(ObjectNode root) {
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    }

    /** The first action of the prompt's "Valid actions:" list, or {@code look} where actions are free text. */
    public static String firstValidAction(String prompt) {
        if (prompt == null) {
            return "look";
        }
        int at = prompt.lastIndexOf("Valid actions:\n- ");
        if (at < 0) {
            return "look";
        }
        int start = at + "Valid actions:\n- ".length();
        int end = prompt.indexOf('\n', start);
        String line = end < 0 ? prompt.substring(start) : prompt.substring(start, end);
        int description = line.indexOf(" (");
        return description < 0 ? line : line.substring(0, description);
    }

    /**
     * Serves a fake model. Arguments: {@code --port N} (default 8001), {@code --delay-ms N} (default 0),
     * {@code --threads N} (default 256), {@code --model first-action|agent} (default
     * {@code first-action}: always the first listed valid action, or {@code look}, for benchmarks;
     * {@code agent}: {@link ScriptedAgentModel}, which also judges, honours {@code n} and follows
     * advice, for running recipes end to end).
     */
    public static void main(String[] args) throws Exception {
        int port = 8001;
        long delay = 0;
        int threads = 256;
        String model = "first-action";
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value); got " + List.of(args));
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--model" -> model = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; allowed: --port, --delay-ms, --threads, --model");
            }
        }
        long wait = delay;
        Responder answer = switch (model) {
            case "first-action" -> (exchange, call) -> {
                if (exchange.path().endsWith("/models")) {
                    return Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"fake\",\"object\":\"model\"}]}");
                }
                String action = firstValidAction(exchange.lastUserMessage());
                return Reply.json(completion("Thought: take the first valid action.\nAction: " + action));
            };
            case "agent" -> new ScriptedAgentModel();
            default -> throw new IllegalArgumentException("--model must be first-action or agent, got '" + model + "'");
        };
        // a benchmark server keeps no record of its requests: memory and GC stay flat over long runs
        FakeOpenAiServer server = new FakeOpenAiServer(port, threads,
                (exchange, call) -> exchange.path().endsWith("/models") ? answer.reply(exchange, call)
                        : answer.reply(exchange, call).withDelay(wait), false);
        System.out.println("fake OpenAI-compatible server at " + server.baseUrl() + " (model " + model + ", delay "
                + delay + " ms)");
        Thread.currentThread().join();
    }
}
