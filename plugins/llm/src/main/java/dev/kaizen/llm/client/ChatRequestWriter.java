package dev.kaizen.llm.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes a {@link ChatRequest} as the JSON body of a chat-completions request, straight to bytes
 * (prompts with long histories are large). Optional fields the request leaves unset are left out, so
 * that the server applies its own defaults. Thread-safe.
 */
final class ChatRequestWriter {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The request as JSON. */
    byte[] write(ChatRequest request) {
        int size = 512;
        for (ChatMessage message : request.messages()) {
            size += message.content().length() + 48;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + size / 8);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("model", request.model());
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                json.writeStartObject();
                json.writeStringField("role", message.role());
                json.writeStringField("content", message.content());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("temperature", request.temperature());
            if (request.topP() != null) {
                json.writeNumberField("top_p", request.topP());
            }
            if (request.n() > 1) {
                json.writeNumberField("n", request.n());
            }
            if (request.maxTokens() != null) {
                json.writeNumberField("max_tokens", request.maxTokens());
            }
            if (!request.stop().isEmpty()) {
                json.writeArrayFieldStart("stop");
                for (String stop : request.stop()) {
                    json.writeString(stop);
                }
                json.writeEndArray();
            }
            if (request.seed() != null) {
                json.writeNumberField("seed", request.seed());
            }
            if (request.logprobs()) {
                json.writeBooleanField("logprobs", true);
                if (request.topLogprobs() != null && request.topLogprobs() > 0) {
                    json.writeNumberField("top_logprobs", request.topLogprobs());
                }
            }
            json.writeBooleanField("stream", false);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
        return out.toByteArray();
    }
}
