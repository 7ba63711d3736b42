package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A chat-completions request. Streaming is always off.
 *
 * @param model the model name the server knows
 * @param messages the conversation, oldest first
 * @param temperature sampling temperature, {@code >= 0}
 * @param topP nucleus sampling mass, or null for the server's default
 * @param n how many completions to return, {@code >= 1}
 * @param maxTokens the most tokens per completion, or null for the server's default
 * @param stop stop sequences, possibly empty
 * @param seed the sampling seed sent to the server (servers that honour it repeat themselves)
 * @param logprobs whether to ask for token log-probabilities
 * @param topLogprobs how many alternatives per token to ask for, or null
 */
public record ChatRequest(String model, List<ChatMessage> messages, double temperature, Double topP, int n,
                          Integer maxTokens, List<String> stop, Long seed, boolean logprobs, Integer topLogprobs) {

    public ChatRequest {
        requireNonNull(model, "model is null");
        messages = List.copyOf(requireNonNull(messages, "messages is null"));
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0: " + temperature);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
    }

    public ChatRequest withN(int newN) {
        return new ChatRequest(model, messages, temperature, topP, newN, maxTokens, stop, seed, logprobs, topLogprobs);
    }

    public ChatRequest withSeed(Long newSeed) {
        return new ChatRequest(model, messages, temperature, topP, n, maxTokens, stop, newSeed, logprobs, topLogprobs);
    }

    public ChatRequest withMessages(List<ChatMessage> newMessages) {
        return new ChatRequest(model, newMessages, temperature, topP, n, maxTokens, stop, seed, logprobs, topLogprobs);
    }

    public ChatRequest withoutLogprobs() {
        return new ChatRequest(model, messages, temperature, topP, n, maxTokens, stop, seed, false, null);
    }
}
