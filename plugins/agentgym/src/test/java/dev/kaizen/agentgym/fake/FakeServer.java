package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process AgentGym environment server on 127.0.0.1 that answers as one {@link Family}: its
 * routes, field names, answer shapes and error bodies. Like uvicorn before 0.19, it answers a request
 * that offers a protocol upgrade with 400. It records every request, can delay steps, and can be
 * killed (it stops listening, as a crashed server does).
 *
 * <p>Bounded: at most {@value #MAX_LIVE} run at once in a JVM, each stops itself after
 * {@value #LIFETIME_MINUTES} minutes, and its handler threads are daemons.
 */
public final class FakeServer implements AutoCloseable {

    static final int MAX_LIVE = 32;
    static final int LIFETIME_MINUTES = 10;
    private static final AtomicInteger LIVE = new AtomicInteger();
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-agentgym-reaper");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // answer without waiting for delayed ACKs (Nagle): a real server's latency, not the kernel's
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Family family;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final boolean record;
    private final AtomicLong stepDelayMillis = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile long killAfter = Long.MAX_VALUE;
    private volatile boolean stopped;

    private FakeServer(Family family, int port, int threads, boolean record) throws IOException {
        if (LIVE.incrementAndGet() > MAX_LIVE) {
            LIVE.decrementAndGet();
            throw new IllegalStateException("more than " + MAX_LIVE + " fake AgentGym servers at once; close some");
        }
        this.family = family;
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
        REAPER.schedule(this::close, LIFETIME_MINUTES, TimeUnit.MINUTES);
    }

    /** Starts a server for {@code family} on a free port. */
    public static FakeServer start(Family family) {
        return start(family, 0, 64, true);
    }

    /** Starts a server on {@code port} (0 for a free one); {@code record} keeps every request. */
    public static FakeServer start(Family family, int port, int threads, boolean record) {
        try {
            return new FakeServer(family, port, threads, record);
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

    public Family family() {
        return family;
    }

    /** Every request so far, in arrival order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The requests to {@code route} ({@code "POST /step"}). */
    public List<Call> calls(String route) {
        return calls().stream().filter(c -> c.route().equals(route)).toList();
    }

    /** Delays every answer to a step request. */
    public FakeServer delaySteps(long millis) {
        stepDelayMillis.set(millis);
        return this;
    }

    /** Dies (stops listening) once it has answered {@code requests} requests. */
    public FakeServer killAfter(long requests) {
        killAfter = requests;
        return this;
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            byte[] raw;
            try (InputStream in = http.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = raw.length == 0 ? null : Reply.JSON.readTree(raw);
            String path = http.getRequestURI().getPath();
            Call call = new Call(http.getRequestMethod(), path, query(http.getRequestURI().getRawQuery()), body,
                    http.getRequestHeaders().getFirst("Upgrade"), http.getRemoteAddress().getPort());
            if (record) {
                calls.add(call);
            }
            Reply reply;
            if (call.upgrade() != null) {
                reply = new Reply(400, "Invalid HTTP request received.");
            } else {
                long delay = path.endsWith("/step") ? stepDelayMillis.get() : 0;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                reply = family.answer(call);
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", reply.body().startsWith("{") || reply.body().startsWith("[")
                    || reply.body().startsWith("\"") ? "application/json" : "text/plain");
            http.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = http.getResponseBody()) {
                os.write(out);
            }
            if (handled.incrementAndGet() >= killAfter) {
                Thread killer = new Thread(this::close, "fake-agentgym-kill");
                killer.setDaemon(true);
                killer.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to answer
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Stops listening and ends every handler; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        server.stop(0);
        executor.shutdownNow(); // wakes handlers still sleeping out a delay
        LIVE.decrementAndGet();
    }
}
