package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The completions a server returned for one request (or, after a fallback, for several).
 *
 * @param choices the completions, in order
 */
public record ChatResponse(List<ChatChoice> choices) {

    public ChatResponse {
        choices = List.copyOf(requireNonNull(choices, "choices is null"));
    }
}
