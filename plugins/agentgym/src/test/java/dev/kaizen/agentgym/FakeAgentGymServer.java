package dev.kaizen.agentgym;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process AgentGym environment server speaking either protocol's wire format, with a small
 * deterministic game: task {@code i} asks to raise a counter to {@code i % 4 + 1} and submit
 * (reward 1 on the target, else 0). In {@code id} mode actions are free text ({@code add 1},
 * {@code submit}; anything else is "Nothing happens."), answers carry {@code observation},
 * {@code reward} (or a cumulative {@code score}) and {@code done}, and errors come back as
 * {@code {"error": ...}} with status 200 like AgentGym's SciWorld server. In {@code env-idx} mode it
 * is WebShop-shaped: {@code /reset} answers {@code [obs, null]}, {@code /observation} and
 * {@code /available_actions} ({@code has_search_bar}, {@code clickables: ["search", "+1",
 * "submit"]}), {@code /step} answers {@code {state, reward, done, info}}, and unknown instances give a
 * 500. {@link #forgetEverything()} behaves like a restarted server process.
 *
 * <p>Its {@link #main} serves fixed-length episodes for benchmarks:
 * {@code FakeAgentGymServer --port 36001 --delay-ms 50 --episode-steps 20}.
 */
public final class FakeAgentGymServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // answer without waiting for delayed ACKs (Nagle): a real server's latency, not the kernel's
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** How the server behaves. */
    public record Options(Protocol protocol, boolean cumulativeScore, boolean offersClose, int episodeSteps) {

        public static Options id() {
            return new Options(Protocol.ID, false, true, 0);
        }

        public static Options envIdx() {
            return new Options(Protocol.ENV_IDX, false, true, 0);
        }

        public Options withCumulativeScore() {
            return new Options(protocol, true, offersClose, episodeSteps);
        }

        public Options withoutClose() {
            return new Options(protocol, cumulativeScore, false, episodeSteps);
        }

        public Options withEpisodeSteps(int steps) {
            return new Options(protocol, cumulativeScore, offersClose, steps);
        }
    }

    /**
     * One request the server received.
     *
     * @param clientPort the client's port: requests on one kept-alive connection share it
     */
    public record Request(String method, String path, String query, JsonNode body, int clientPort) {
    }

    private static final class Game {
        final int index;
        final int target;
        int value;
        int steps;
        boolean done;
        double score;

        Game(int index, int target) {
            this.index = index;
            this.target = target;
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Long, Game> games = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Integer> errorOnStep = ConcurrentHashMap.newKeySet();
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicLong setupDelayMillis = new AtomicLong();
    private final AtomicInteger closed = new AtomicInteger();
    private final boolean record;

    private FakeAgentGymServer(Options options, int port, int threads, boolean record) throws IOException {
        this.options = options;
        this.record = record;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "fake-agentgym");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port. */
    public static FakeAgentGymServer start(Options options) {
        return start(options, 0);
    }

    /** Starts a server on {@code port} (0 for a free one). */
    public static FakeAgentGymServer start(Options options, int port) {
        try {
            return new FakeAgentGymServer(options, port, 64, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The number of instances closed through {@code /close}. */
    public int closedInstances() {
        return closed.get();
    }

    /** The number of instances alive on the server. */
    public int liveInstances() {
        return games.size();
    }

    /** Makes steps of task {@code index} answer {@code {"error": ...}} with status 200. */
    public FakeAgentGymServer errorOnStep(int index) {
        errorOnStep.add(index);
        return this;
    }

    /** Delays every answer to {@code /step}. */
    public FakeAgentGymServer delay(long millis) {
        delayMillis.set(millis);
        return this;
    }

    /** Delays every other answer ({@code /create}, {@code /reset}, {@code /observation}, ...). */
    public FakeAgentGymServer setupDelay(long millis) {
        setupDelayMillis.set(millis);
        return this;
    }

    /** Forgets every instance, as a restarted server process would. */
    public void forgetEverything() {
        games.clear();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            byte[] raw;
            try (InputStream in = http.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = raw.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(raw);
            String path = http.getRequestURI().getPath();
            String query = http.getRequestURI().getQuery();
            if (record) {
                requests.add(new Request(http.getRequestMethod(), path, query, body, http.getRemoteAddress().getPort()));
            }
            long delay = path.equals("/step") ? delayMillis.get() : setupDelayMillis.get();
            if (delay > 0) {
                Thread.sleep(delay);
            }
            Answer answer = answer(http.getRequestMethod(), path, query, body);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream os = http.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to answer
        }
    }

    private record Answer(int status, String body) {
        static Answer ok(JsonNode json) {
            return new Answer(200, json.toString());
        }

        static Answer error(String message) {
            ObjectNode error = MAPPER.createObjectNode();
            error.put("error", message);
            return ok(error);
        }
    }

    private Answer answer(String method, String path, String query, JsonNode body) {
        String field = options.protocol() == Protocol.ID ? "id" : "env_idx";
        switch (method + " " + path) {
            case "POST /create" -> {
                long id = nextId.getAndIncrement();
                games.put(id, new Game(-1, 1));
                if (options.protocol() == Protocol.ID) {
                    ObjectNode created = MAPPER.createObjectNode();
                    created.put("id", id);
                    return Answer.ok(created);
                }
                return Answer.ok(MAPPER.getNodeFactory().numberNode(id));
            }
            case "POST /reset" -> {
                long id = body.path(field).asLong(-1);
                if (!games.containsKey(id)) {
                    return unknown(id);
                }
                int index = body.path(options.protocol() == Protocol.ID ? "data_idx" : "session_id").asInt();
                Game game = new Game(index, options.episodeSteps() > 0 ? options.episodeSteps() : index % 4 + 1);
                games.put(id, game);
                if (options.protocol() == Protocol.ID) {
                    ObjectNode reset = MAPPER.createObjectNode();
                    reset.put("observation", render(game, "You are at a counter."));
                    reset.put("reward", 0);
                    reset.put("score", 0);
                    reset.put("done", false);
                    return Answer.ok(reset);
                }
                ArrayNode pair = MAPPER.createArrayNode();
                pair.add(render(game, "WebShop [SEP] Counter"));
                pair.addNull();
                return Answer.ok(pair);
            }
            case "GET /observation" -> {
                Game game = games.get(idFrom(query, field));
                return game == null ? unknown(idFrom(query, field))
                        : Answer.ok(MAPPER.getNodeFactory().textNode(render(game, "Counter")));
            }
            case "GET /available_actions" -> {
                Game game = games.get(idFrom(query, field));
                if (game == null) {
                    return unknown(idFrom(query, field));
                }
                ObjectNode available = MAPPER.createObjectNode();
                available.put("has_search_bar", true);
                ArrayNode clickables = available.putArray("clickables");
                clickables.add("search").add("+1").add("submit");
                return Answer.ok(available);
            }
            case "POST /step" -> {
                long id = body.path(field).asLong(-1);
                Game game = games.get(id);
                if (game == null) {
                    return unknown(id);
                }
                return step(game, body.path("action").asText());
            }
            case "POST /close" -> {
                if (!options.offersClose()) {
                    return new Answer(404, "{\"detail\":\"Not Found\"}");
                }
                long id = body.path(field).asLong(-1);
                boolean existed = games.remove(id) != null;
                if (existed) {
                    closed.incrementAndGet();
                }
                ObjectNode answer = MAPPER.createObjectNode();
                answer.put("closed", existed);
                return Answer.ok(answer);
            }
            default -> {
                return new Answer(404, "{\"detail\":\"Not Found\"}");
            }
        }
    }

    private Answer step(Game game, String action) {
        if (errorOnStep.contains(game.index)) {
            return Answer.error("simulated failure of the environment");
        }
        if (game.done) {
            return Answer.error("The task has finished.");
        }
        game.steps++;
        double reward = 0;
        String what;
        boolean fixedLength = options.episodeSteps() > 0;
        if (fixedLength) {
            game.value++;
            what = "Step " + game.steps + " done.";
            if (game.steps >= game.target) {
                game.done = true;
                reward = 1;
            }
        } else if (action.equals("add 1") || action.equals("click[+1]")) {
            game.value++;
            what = "The counter goes up.";
        } else if (action.equals("submit") || action.equals("click[submit]")) {
            game.done = true;
            reward = game.value == game.target ? 1 : 0;
            what = reward == 1 ? "Correct!" : "Wrong value.";
        } else {
            what = "Nothing happens.";
        }
        game.score += reward;
        String text = render(game, what);
        ObjectNode answer = MAPPER.createObjectNode();
        if (options.protocol() == Protocol.ID) {
            answer.put("observation", text);
            answer.put("reward", reward);
            answer.put("score", game.score);
        } else {
            answer.put("state", text);
            answer.put("reward", reward);
        }
        answer.put("done", game.done);
        if (options.protocol() == Protocol.ENV_IDX) {
            answer.putNull("info");
        }
        return Answer.ok(answer);
    }

    private static String render(Game game, String prefix) {
        return prefix + " Target: " + game.target + ". Value: " + game.value + ".";
    }

    private Answer unknown(long id) {
        if (options.protocol() == Protocol.ID) {
            return Answer.error("The id " + id + " is not valid.");
        }
        return new Answer(500, "Internal Server Error");
    }

    private static long idFrom(String query, String field) {
        if (query == null) {
            return -1;
        }
        for (String part : query.split("&")) {
            if (part.startsWith(field + "=")) {
                try {
                    return Long.parseLong(part.substring(field.length() + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        executor.shutdownNow(); // wakes handlers still sleeping out a delay
        server.stop(0);
    }

    /**
     * Serves fixed-length episodes. Arguments: {@code --port N} (default 36001), {@code --delay-ms N}
     * per step (default 50), {@code --setup-delay-ms N} per other request (default 0),
     * {@code --episode-steps N} (default 20), {@code --mode id|env-idx} (default id), {@code --threads N}
     * (default 512).
     */
    public static void main(String[] args) throws Exception {
        int port = 36001;
        long delay = 50;
        long setupDelay = 0;
        int steps = 20;
        int threads = 512;
        Protocol protocol = Protocol.ID;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
                case "--setup-delay-ms" -> setupDelay = Long.parseLong(args[i + 1]);
                case "--episode-steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--mode" -> protocol = Protocol.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; allowed: --port, --delay-ms, --setup-delay-ms, --episode-steps, --mode, --threads");
            }
        }
        FakeAgentGymServer server = new FakeAgentGymServer(new Options(protocol, false, true, steps), port, threads,
                false);
        server.delay(delay).setupDelay(setupDelay);
        System.out.println("fake AgentGym server (" + protocol + ") at " + server.baseUrl() + ", " + steps
                + " steps per episode, " + delay + " ms per step, " + setupDelay + " ms per other request");
        Thread.currentThread().join();
    }
}
