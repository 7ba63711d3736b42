package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-process OpenAI-compatible chat server on 127.0.0.1 ({@code POST /v1/chat/completions},
 * {@code GET /v1/models}) whose model is a function of the conversation: the messages' contents, in
 * order. Answers {@code n} identical choices without log-probabilities. Its threads are daemons.
 */
public final class FakeChatServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<List<String>, String> model;
    private final AtomicLong completions = new AtomicLong();

    private FakeChatServer(Function<List<String>, String> model) throws IOException {
        this.model = model;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "fake-chat");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeChatServer start(Function<List<String>, String> model) {
        try {
            return new FakeChatServer(model);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API root, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Completions answered so far. */
    public long completions() {
        return completions.get();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            byte[] raw;
            try (InputStream in = http.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String path = http.getRequestURI().getPath();
            String answer;
            if (path.endsWith("/models")) {
                ObjectNode models = Reply.object();
                models.putArray("data").addObject().put("id", "fake").put("object", "model");
                answer = models.toString();
            } else {
                JsonNode request = Reply.JSON.readTree(raw);
                List<String> messages = new ArrayList<>();
                request.path("messages").forEach(m -> messages.add(m.path("content").asText()));
                String reply = model.apply(messages);
                completions.incrementAndGet();
                answer = completion(reply, Math.max(1, request.path("n").asInt(1)));
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(200, out.length);
            try (OutputStream os = http.getResponseBody()) {
                os.write(out);
            }
        } catch (RuntimeException e) {
            // the client went away, or the model failed: the client sees a broken answer
        }
    }

    private static String completion(String content, int n) {
        ObjectNode root = Reply.object();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "fake");
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < n; i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
        }
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return root.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
