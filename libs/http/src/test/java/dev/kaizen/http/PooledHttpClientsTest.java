package dev.kaizen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients built by {@link PooledHttpClients} talk to a real local server and do nothing behind the caller's back. */
class PooledHttpClientsTest {

    private HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            seen.add("ok cookie=" + exchange.getRequestHeaders().getFirst("Cookie"));
            exchange.getResponseHeaders().add("Set-Cookie", "session=1");
            reply(exchange, 200, "fine");
        });
        server.createContext("/moved", exchange -> {
            seen.add("moved");
            exchange.getResponseHeaders().add("Location", "/ok");
            reply(exchange, 302, "");
        });
        server.createContext("/busy", exchange -> {
            seen.add("busy");
            exchange.getResponseHeaders().add("Retry-After", "0");
            reply(exchange, 503, "busy");
        });
        server.createContext("/strict", exchange -> {
            // as uvicorn before 0.19: a request that offers a protocol upgrade gets 400 Bad Request
            String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
            String connection = exchange.getRequestHeaders().getFirst("Connection");
            seen.add(exchange.getRequestMethod() + " upgrade=" + upgrade + " connection=" + connection);
            exchange.getRequestBody().readAllBytes();
            reply(exchange, upgrade == null ? 200 : 400, upgrade == null ? "fine" : "Invalid HTTP request received.");
        });
        server.createContext("/hold", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            reply(exchange, 200, "held");
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "late");
        });
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static CloseableHttpClient client(boolean quiet) {
        return PooledHttpClients.builder()
                .setConnectTimeout(Duration.ofSeconds(2))
                .setRequestTimeout(Duration.ofMillis(300))
                .optQuietConnections(quiet)
                .build();
    }

    private static String get(CloseableHttpClient http, URI uri) throws IOException {
        return http.execute(new HttpGet(uri), response -> response.getCode() + " " + EntityUtils.toString(
                response.getEntity() == null ? new StringEntity("")
                        : response.getEntity()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void answersOnReusedConnectionsWithoutKeepingCookies(boolean quiet) throws IOException {
        try (CloseableHttpClient http = client(quiet)) {
            assertThat(get(http, uri("/ok"))).isEqualTo("200 fine");
            assertThat(get(http, uri("/ok"))).isEqualTo("200 fine");
        }
        assertThat(seen).containsExactly("ok cookie=null", "ok cookie=null");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void neitherFollowsRedirectsNorRetries(boolean quiet) throws IOException {
        try (CloseableHttpClient http = client(quiet)) {
            assertThat(get(http, uri("/moved"))).isEqualTo("302 ");
            assertThat(get(http, uri("/busy"))).isEqualTo("503 busy");
        }
        assertThat(seen).containsExactly("moved", "busy");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSlowAnswerTimesOut(boolean quiet) throws IOException {
        try (CloseableHttpClient http = client(quiet)) {
            assertThatThrownBy(() -> get(http, uri("/slow"))).isInstanceOf(SocketTimeoutException.class);
            assertThat(get(http, uri("/ok"))).isEqualTo("200 fine");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void offersNoProtocolUpgradeThatOldServersRefuse(boolean quiet) throws IOException {
        try (CloseableHttpClient http = client(quiet)) {
            assertThat(get(http, uri("/strict"))).isEqualTo("200 fine");
            HttpPost post = new HttpPost(uri("/strict"));
            post.setEntity(new StringEntity("{}", ContentType.APPLICATION_JSON));
            String answer = http.execute(post, response -> response.getCode() + " "
                    + EntityUtils.toString(response.getEntity()));
            assertThat(answer).isEqualTo("200 fine");
        }
        assertThat(seen).containsExactly("GET upgrade=null connection=keep-alive", "POST upgrade=null connection=keep-alive");
    }

    @Test
    void keepsAtMostTheConnectionsAskedFor() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (CloseableHttpClient http = PooledHttpClients.builder().setConnectTimeout(Duration.ofSeconds(2))
                .setRequestTimeout(Duration.ofSeconds(5)).optMaxConnections(2).build()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> get(http, uri("/hold"))));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("200 held");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void aConnectionLimitOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> PooledHttpClients.builder().optMaxConnections(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be between 1 and 4096, got 0");
        assertThatThrownBy(() -> PooledHttpClients.builder().optMaxConnections(5000))
                .hasMessage("maxConnections must be between 1 and 4096, got 5000");
    }

    @Test
    void theTimeoutsAreRequired() {
        assertThatThrownBy(() -> PooledHttpClients.builder().setConnectTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("request timeout");
        assertThatThrownBy(() -> PooledHttpClients.builder().setRequestTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connect timeout");
    }
}
