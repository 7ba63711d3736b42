package dev.kaizen.llm.request;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.llm.client.ChatChoice;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.client.ChatRequest;
import dev.kaizen.llm.client.LlmServerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * How an {@code llm} part asks its server about a batch of agent contexts: each context's work runs
 * on a pool of {@code maxConcurrency} worker threads, and the results come back in the batch's order.
 * A context whose requests fail after all retries gets the part's own result for a failure, however
 * the contexts were batched; a server that rejects the credentials or the model (401, 403, 404) ends
 * the whole call with its {@link LlmServerException}. A reply the part cannot use is answered once
 * with what was wrong ({@link #repair}).
 *
 * <p>One thread calls {@link #forEach} at a time. The part closes it: {@link #stop} ends the workers,
 * {@link #close} closes the client.
 */
public final class ContextRequests implements AutoCloseable {

    private static final Set<Integer> FATAL_STATUSES = Set.of(401, 403, 404);

    /** What a part answers for a context whose requests failed after all retries (it also logs why). */
    @FunctionalInterface
    public interface FailedContext<T> {
        T result(AgentContext context, LlmServerException failure);
    }

    private final ChatClient client;
    private final String server;
    private final ExecutorService workers;
    private final AtomicLong repairs = new AtomicLong();

    /**
     * @param client the part's client; closed by {@link #close}
     * @param maxConcurrency how many contexts are worked on at once
     * @param threadName the worker threads' names, numbered, e.g. {@code llm-policy}
     * @param server the server as messages name it, e.g. {@code the LLM server}
     */
    public ContextRequests(ChatClient client, int maxConcurrency, String threadName, String server) {
        this.client = requireNonNull(client, "client is null");
        this.server = requireNonNull(server, "server is null");
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(maxConcurrency, r -> {
            Thread thread = new Thread(r, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The client the requests go through. */
    public ChatClient client() {
        return client;
    }

    /**
     * The results of {@code work} for every context, in order.
     *
     * @param work the work for the context at an index, built on the calling thread
     * @param failed the result for a context whose requests failed after all retries
     * @throws LlmServerException if the server rejects the credentials or the model
     */
    public <T> List<T> forEach(List<AgentContext> contexts, IntFunction<Callable<T>> work, FailedContext<T> failed) {
        List<Future<T>> futures = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            futures.add(workers.submit(work.apply(i)));
        }
        List<T> results = new ArrayList<>(contexts.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for " + server, e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof LlmServerException failure)) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
                if (FATAL_STATUSES.contains(failure.status())) {
                    throw failure;
                }
                results.add(failed.result(contexts.get(i), failure));
            }
        }
        return results;
    }

    /**
     * Asks once more after a reply that could not be used: the request's conversation, the reply as
     * the assistant's turn and {@code correction} as the user's, for one completion, seeded from the
     * request's seed (which must be set) and {@code "repair"}. Counts as a repair.
     */
    public ChatChoice repair(ChatRequest request, String reply, String correction) {
        repairs.incrementAndGet();
        List<ChatMessage> retry = new ArrayList<>(request.messages());
        retry.add(ChatMessage.assistant(reply));
        retry.add(ChatMessage.user(correction));
        return client.complete(request.withMessages(retry).withN(1)
                .withSeed(Seeds.derive(request.seed(), "repair"))).get(0);
    }

    /**
     * Stops the workers (work under way is interrupted) and returns the fields every {@code llm}
     * part's metrics event starts with: {@code model}, {@code contexts}, the client's
     * {@code requests}, {@code retries} and {@code failedRequests}, and {@code repairs}.
     */
    public Map<String, Object> stop(String model, LongSupplier contexts) {
        workers.shutdownNow();
        ChatClient.Stats stats = client.stats();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", model);
        fields.put("contexts", contexts.getAsLong());
        fields.put("requests", stats.requests());
        fields.put("retries", stats.retries());
        fields.put("failedRequests", stats.failures());
        fields.put("repairs", repairs.get());
        return fields;
    }

    /** Closes the client, which ends the requests under way. */
    @Override
    public void close() {
        client.close();
    }
}
