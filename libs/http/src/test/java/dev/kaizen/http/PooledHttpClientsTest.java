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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
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
