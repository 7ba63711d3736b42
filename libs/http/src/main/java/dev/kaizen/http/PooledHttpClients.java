package dev.kaizen.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds blocking HTTP/1.1 clients on pooled keep-alive connections (Apache HttpClient 5): the
 * calling thread does the I/O itself, which costs a fraction of the CPU of an asynchronous client
 * per request.
 *
 * <p>Every client built here keeps up to {@link #MAX_CONNECTIONS} connections to its server, checks
 * a connection idle for more than {@link #CHECK_AFTER_IDLE} before it is reused, gives up on a
 * connection after the connect timeout and on an answer (and on waiting for a free connection)
 * after the request timeout, and does nothing behind its caller's back: no automatic retries,
 * redirects, cookies, content compression, authentication caching or protocol upgrade (HttpClient
 * 5.4 would otherwise offer {@code Upgrade: TLS/1.2} with {@code Connection: Upgrade} on plain-HTTP
 * requests, which servers such as uvicorn before 0.19 answer with 400 Bad Request). Callers decide
 * what to retry.
 *
 * <pre>{@code
 * CloseableHttpClient http = PooledHttpClients.builder()
 *         .setConnectTimeout(Duration.ofSeconds(10))
 *         .setRequestTimeout(Duration.ofSeconds(120))
 *         .optQuietConnections(true)
 *         .build();
 * }</pre>
 *
 * <p>The caller owns the client it builds and closes it.
 */
public final class PooledHttpClients {

    /** Connections kept per server unless {@link Builder#optMaxConnections} says otherwise. */
    public static final int MAX_CONNECTIONS = 4096;

    /**
     * Connections idle this long are checked before reuse: one the server closed (it restarted, or
     * its keep-alive timeout passed) is replaced instead of failing the request. The check waits
     * 1 ms on an open connection, so connections reused sooner (those of a busy rollout) skip it;
     * servers take longer than this to restart and close idle connections after seconds.
     */
    public static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofMilliseconds(100);

    private PooledHttpClients() {
    }

    /** A builder; the connect and request timeouts are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a pooled client: {@code setX} required, {@code optX} optional, then {@link #build()}. Not thread-safe. */
    public static final class Builder {

        private Duration connectTimeout;
        private Duration requestTimeout;
        private boolean quietConnections;
        private int maxConnections = MAX_CONNECTIONS;

        private Builder() {
        }

        /** How long connecting may take (required). */
        public Builder setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
            return this;
        }

        /**
         * How long an answer may take, counted as the longest silence on the socket and as the
         * longest wait for an answer to begin; also the longest wait for a free pooled connection
         * (required).
         */
        public Builder setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
            return this;
        }

        /**
         * Whether connections never log headers or bytes ({@link QuietConnectionFactory}), whatever
         * the logging set-up; for requests that carry a secret such as an API key. Default false:
         * HttpClient's own connections.
         */
        public Builder optQuietConnections(boolean quiet) {
            this.quietConnections = quiet;
            return this;
        }

        /**
         * The most connections kept to the server, e.g. as many as requests that can be under way at
         * once; a request beyond them waits for a free one (up to the request timeout). Default
         * {@link #MAX_CONNECTIONS}.
         *
         * @throws IllegalArgumentException if {@code max} is below 1 or above {@link #MAX_CONNECTIONS}
         */
        public Builder optMaxConnections(int max) {
            if (max < 1 || max > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("maxConnections must be between 1 and " + MAX_CONNECTIONS
                        + ", got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException if a required option is not set
         */
        public CloseableHttpClient build() {
            if (connectTimeout == null || requestTimeout == null) {
                throw new IllegalStateException("a pooled HTTP client needs a connect timeout and a request timeout");
            }
            Timeout request = Timeout.ofMilliseconds(requestTimeout.toMillis());
            PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create();
            if (quietConnections) {
                connections.setConnectionFactory(new QuietConnectionFactory());
            }
            return HttpClients.custom()
                    .setConnectionManager(connections
                            .setMaxConnTotal(maxConnections)
                            .setMaxConnPerRoute(maxConnections)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                                    .setSocketTimeout(request)
                                    .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                                    .build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(request)
                            .setConnectionRequestTimeout(request).setProtocolUpgradeEnabled(false).build())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableContentCompression()
                    .disableAuthCaching()
                    .build();
        }
    }
}
