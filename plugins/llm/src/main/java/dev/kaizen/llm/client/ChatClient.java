package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.http.PooledHttpClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one OpenAI-compatible chat-completions server.
 *
 * <p>At most {@link ChatClientSettings#maxConcurrency()} requests are in flight at once. Requests
 * that fail with 429, 5xx, a timeout, a broken connection or an unreadable body are retried with
 * exponential backoff and seeded jitter, waiting at least as long as a {@code Retry-After} header
 * asks ({@link RetryingSender}). {@code n > 1} and {@code logprobs} are treated as capabilities: a
 * server that refuses them (400/422) or ignores {@code n} gets separate requests (or requests without
 * log-probabilities) from then on; that fallback is this class's own work.
 *
 * <p>Requests are blocking HTTP/1.1 on pooled keep-alive connections ({@link ChatTransport}): the
 * calling thread does the I/O itself, which costs a fraction of the CPU of an asynchronous client
 * per request. Redirects are not followed; a connection idle for more than {@link #CHECK_AFTER_IDLE}
 * is checked before it is reused (so that a restarted server gets the request instead of a dead
 * connection); connections never log headers or bytes, since the request carries the API key.
 *
 * <p>Thread-safe; one client is meant to be shared by all threads of a part. The creator closes it,
 * which also ends the requests under way.
 */
public final class ChatClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
    /** Connections idle this long are checked before reuse (see {@link PooledHttpClients#CHECK_AFTER_IDLE}). */
    static final TimeValue CHECK_AFTER_IDLE = PooledHttpClients.CHECK_AFTER_IDLE;

    /** Counters of what the client did, for metrics. */
    public record Stats(long requests, long retries, long failures, Boolean nSupported, Boolean logprobsSupported) {
    }

    private final AtomicReference<ChatClientSettings> settings;
    private final ChatTransport transport;
    private final RetryingSender sender;
    private final ExecutorService fanOut;
    private final AtomicReference<Boolean> nSupported = new AtomicReference<>();
    private final AtomicReference<Boolean> logprobsSupported = new AtomicReference<>();

    public ChatClient(ChatClientSettings settings) {
        this.settings = new AtomicReference<>(requireNonNull(settings, "settings is null"));
        this.transport = new ChatTransport(settings);
        this.sender = new RetryingSender(transport);
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
        return new Stats(transport.requests(), sender.retries(), sender.failures(), nSupported.get(),
                logprobsSupported.get());
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

    /** One request with retries, to the server the settings name now; no fallbacks. */
    private ChatResponse exchange(ChatRequest request) {
        return sender.send(settings(), request);
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
        transport.close();
    }

    @Override
    public String toString() {
        ChatClientSettings current = settings();
        return "ChatClient[" + current.baseUrl() + (current.apiKey() == null ? "" : ", " + current.apiKey()) + "]";
    }
}
