package dev.kaizen.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.core.secret.SecretValues;
import java.time.Clock;
import java.util.Map;

/**
 * The run's metrics sink: each event becomes one line of {@code metrics.jsonl} with {@code event}
 * and {@code time} first, with secrets masked (text under a secret's name, and the secret values
 * seen). While a resumed run replays completed stages it is muted, since those events are already
 * in the file. Thread-safe.
 */
final class RunMetrics implements MetricsSink {

    private final RunFiles files;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile boolean muted;

    RunMetrics(RunFiles files, ObjectMapper json, Clock clock) {
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    void mute(boolean value) {
        this.muted = value;
    }

    boolean muted() {
        return muted;
    }

    @Override
    public void record(String event, Map<String, ?> fields) {
        if (muted) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        line.put("event", event);
        line.put("time", clock.instant().toString());
        fields.forEach((key, value) -> {
            if (!key.equals("event") && !key.equals("time")) {
                line.set(key, json.valueToTree(value));
            }
        });
        SecretValues.mask(line);
        try {
            files.appendMetric(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metric '" + event + "' cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
