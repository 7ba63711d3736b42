package dev.kaizen.llm.client;

import dev.kaizen.http.PooledHttpClients;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * One attempt at a chat request over HTTP: posts the body, with the API key as a bearer token, and
 * turns the answer into a {@link ChatResponse} or an {@link LlmServerException} that says whether a
 * retry could help (429, 408, 5xx, no answer; with the server's {@code Retry-After} as a
 * {@link RetryAfterException}). At most {@link ChatClientSettings#maxConcurrency()} attempts are in
 * flight at once.
 *
 * <p>Connections come from a {@linkplain PooledHttpClients pooled client} whose connections never
 * log headers or bytes, since the request carries the API key. Thread-safe; closing it ends the
 * requests under way.
 */
final class ChatTransport implements AutoCloseable {

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final Semaphore permits;
    private final ChatResponseParser parser = new ChatResponseParser();
    private final AtomicLong requests = new AtomicLong();

    ChatTransport(ChatClientSettings settings) {
        this.http = PooledHttpClients.builder()
                .setConnectTimeout(settings.connectTimeout())
                .setRequestTimeout(settings.requestTimeout())
                .optQuietConnections(true)
                .build();
        this.permits = new Semaphore(settings.maxConcurrency(), true);
    }

    /** The requests sent so far (every attempt counts). */
    long requests() {
        return requests.get();
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

    /** Posts {@code body} to {@code endpoint} once. */
    ChatResponse attempt(ChatClientSettings current, URI endpoint, byte[] body) {
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
                    "cannot reach " + endpoint + ": " + current.redact(String.valueOf(e.getMessage()))
                            + " (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            permits.release();
        }
        int status = response.status();
        String text = response.body();
        if (status == 200) {
            return parser.parse(current, endpoint, response.contentType(), text);
        }
        String message = current.redact(parser.serverMessage(text));
        boolean retryable = status == 429 || status == 408 || status >= 500;
        String what = endpoint + " answered " + status + ": " + message;
        Duration retryAfter = Backoff.retryAfter(response.retryAfter());
        if (retryable && retryAfter != null) {
            throw new RetryAfterException(endpoint.toString(), status, message, what, retryAfter);
        }
        throw new LlmServerException(endpoint.toString(), status, message, retryable, what, null);
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

    /** Closes every connection, also those of requests under way (they fail). */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }
}
