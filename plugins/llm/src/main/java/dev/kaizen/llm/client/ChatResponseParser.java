package dev.kaizen.llm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what a chat-completions server answered: the completions of a 200 answer (a JSON object,
 * or a stream of {@code data:} chunks, which some servers send even when asked not to), and the
 * server's own words about an error. A malformed 200 answer becomes a retryable
 * {@link LlmServerException}; an {@code error} object in a 200 answer a final one. Text from the
 * server is cut to {@value #MAX_MESSAGE_CHARS} characters and the API key is removed from it.
 * Thread-safe.
 */
final class ChatResponseParser {

    private static final int MAX_MESSAGE_CHARS = 500;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The completions of a 200 answer with this content type and body. */
    ChatResponse parse(ChatClientSettings current, URI endpoint, String contentType, String text) {
        String trimmed = text.strip();
        String type = contentType == null ? "" : contentType;
        try {
            if (type.startsWith("text/event-stream") || trimmed.startsWith("data:")) {
                return parseStream(trimmed);
            }
            JsonNode root = mapper.readTree(trimmed);
            if (root == null || !root.isObject()) {
                throw malformed(current, endpoint, text, "expected a JSON object", null);
            }
            if (root.hasNonNull("error") && !root.has("choices")) {
                String message = current.redact(serverMessage(trimmed));
                throw new LlmServerException(endpoint.toString(), 200, message, false,
                        endpoint + " answered 200 with an error: " + message, null);
            }
            JsonNode choices = root.get("choices");
            if (choices == null || !choices.isArray()) {
                throw malformed(current, endpoint, text, "no 'choices' array", null);
            }
            if (choices.isEmpty()) {
                throw malformed(current, endpoint, text, "the reply's 'choices' array is empty", null);
            }
            List<ChatChoice> out = new ArrayList<>();
            for (JsonNode choice : choices) {
                out.add(choice(choice));
            }
            return new ChatResponse(out);
        } catch (JsonProcessingException e) {
            throw malformed(current, endpoint, text, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private LlmServerException malformed(ChatClientSettings current, URI endpoint, String text, String why,
                                         Throwable cause) {
        return new LlmServerException(endpoint.toString(), 200, null, true,
                endpoint + " sent a malformed chat completion: " + why + "; body starts with: "
                        + current.redact(abbreviate(text)), cause);
    }

    private static ChatChoice choice(JsonNode choice) {
        JsonNode message = choice.path("message");
        String content = text(message.get("content"));
        if (content == null) {
            content = text(choice.get("text"));
        }
        String finish = choice.hasNonNull("finish_reason") ? choice.get("finish_reason").asText() : null;
        return new ChatChoice(content == null ? "" : content, finish, tokens(choice.get("logprobs")));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : node) {
                joined.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
            }
            return joined.toString();
        }
        return node.asText();
    }

    private static List<TokenLogprob> tokens(JsonNode logprobs) {
        if (logprobs == null || logprobs.isNull()) {
            return null;
        }
        JsonNode content = logprobs.get("content");
        if (content == null || !content.isArray()) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>(content.size());
        for (JsonNode token : content) {
            JsonNode logprob = token.get("logprob");
            if (!token.hasNonNull("token") || logprob == null || !logprob.isNumber()) {
                return null;
            }
            out.add(new TokenLogprob(token.get("token").asText(), logprob.asDouble()));
        }
        return out;
    }

    /** Assembles a streamed answer (some servers stream even when asked not to). */
    private ChatResponse parseStream(String text) throws JsonProcessingException {
        Map<Integer, StringBuilder> contents = new TreeMap<>();
        Map<Integer, List<TokenLogprob>> tokens = new TreeMap<>();
        Map<Integer, String> finishes = new TreeMap<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = mapper.readTree(data);
            for (JsonNode choice : chunk.path("choices")) {
                int index = choice.path("index").asInt(0);
                String piece = text(choice.path("delta").get("content"));
                contents.computeIfAbsent(index, i -> new StringBuilder()).append(piece == null ? "" : piece);
                List<TokenLogprob> more = tokens(choice.get("logprobs"));
                if (more != null) {
                    tokens.computeIfAbsent(index, i -> new ArrayList<>()).addAll(more);
                }
                if (choice.hasNonNull("finish_reason")) {
                    finishes.put(index, choice.get("finish_reason").asText());
                }
            }
        }
        if (contents.isEmpty()) {
            throw new JsonProcessingException("a stream without choices") {
                private static final long serialVersionUID = 1L;
            };
        }
        List<ChatChoice> out = new ArrayList<>();
        contents.forEach((index, content) ->
                out.add(new ChatChoice(content.toString(), finishes.get(index), tokens.get(index))));
        return new ChatResponse(out);
    }

    /** The server's own words about an error: OpenAI's {@code error.message}, FastAPI's {@code detail}, or the body. */
    String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode error = root.get("error");
                if (error != null && error.isObject() && error.hasNonNull("message")) {
                    return abbreviate(error.get("message").asText());
                }
                if (error != null && error.isTextual()) {
                    return abbreviate(error.asText());
                }
                for (String key : List.of("detail", "message")) {
                    if (root.hasNonNull(key)) {
                        JsonNode value = root.get(key);
                        return abbreviate(value.isTextual() ? value.asText() : value.toString());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: the raw body is the message
        }
        return abbreviate(body.strip());
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
