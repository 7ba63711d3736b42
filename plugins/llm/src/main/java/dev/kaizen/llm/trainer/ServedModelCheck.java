package dev.kaizen.llm.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.llm.client.ChatClientSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits after a training until the server lists the trained model ({@code GET <baseUrl>/models}),
 * asking every few seconds for up to {@link TrlOptimizerConfig#readyTimeoutSeconds()}; a timeout of 0
 * does not wait. Not finding it in time raises {@link ExternalTrainerException} with the last answer.
 */
final class ServedModelCheck {

    private final double readyTimeoutSeconds;
    private final ObjectMapper mapper = new ObjectMapper();

    ServedModelCheck(double readyTimeoutSeconds) {
        this.readyTimeoutSeconds = readyTimeoutSeconds;
    }

    /** Returns once the server of {@code settings} lists {@code model}. */
    void waitUntilServed(ChatClientSettings settings, String model) {
        if (readyTimeoutSeconds <= 0) {
            return;
        }
        URI models = settings.models();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Math.round(readyTimeoutSeconds * 1e9);
        String last = "no answer yet";
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(models).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    for (JsonNode entry : mapper.readTree(response.body()).path("data")) {
                        if (model.equals(entry.path("id").asText())) {
                            return;
                        }
                    }
                    last = "the server lists other models";
                } else {
                    last = "status " + response.statusCode();
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalTrainerException("interrupted while waiting for " + models + " to list " + model, e);
            }
            if (System.nanoTime() > deadline) {
                throw new ExternalTrainerException("training finished but " + models + " did not list model '" + model
                        + "' within " + readyTimeoutSeconds + " s (" + last + "); serve the new weights "
                        + "under that name, or adjust modelTemplate/baseUrlTemplate");
            }
            try {
                Thread.sleep(Math.min(2000, Math.max(50, Math.round(readyTimeoutSeconds * 100))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalTrainerException("interrupted while waiting for " + models + " to list " + model, e);
            }
        }
    }
}
