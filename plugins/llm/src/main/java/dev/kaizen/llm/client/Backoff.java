package dev.kaizen.llm.client;

import dev.kaizen.api.Seeds;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

/**
 * How long to wait before retrying a chat request: exponential backoff with jitter seeded from the
 * client's jitter seed, the request's seed and the retry's number (so a rerun waits the same), never
 * shorter than the server's {@code Retry-After}. Stateless.
 */
final class Backoff {

    private Backoff() {
    }

    /** The wait before retry number {@code retry} (0 for the first) after the failure {@code last}. */
    static Duration delay(ChatClientSettings current, ChatRequest request, int retry, LlmServerException last) {
        long base = current.initialBackoff().toMillis();
        long capped = Math.min(current.maxBackoff().toMillis(), base << Math.min(retry, 30));
        long seed = Seeds.derive(Seeds.derive(current.jitterSeed(), request.seed() == null ? 0L : request.seed()), retry);
        double u = new SplittableRandom(seed).nextDouble();
        long jittered = (long) (capped * (0.5 + 0.5 * u));
        if (last instanceof RetryAfterException asked) {
            jittered = Math.max(jittered, asked.waitFor().toMillis());
        }
        return Duration.ofMillis(jittered);
    }

    /**
     * The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date; null if there
     * is none or it cannot be read.
     */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
