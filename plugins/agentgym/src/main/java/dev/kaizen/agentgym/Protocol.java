package dev.kaizen.agentgym;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The two request families AgentGym environment servers speak. */
public enum Protocol {
    /**
     * {@code POST /create} gives {@code {"id": n}}; {@code POST /reset {"id", "data_idx"}};
     * {@code POST /step {"id", "action"}} gives {@code {"observation", "reward", "done", ...}};
     * {@code GET /observation?id=n}; {@code POST /close {"id"}} where the server has it.
     */
    ID,
    /**
     * WebShop's server: {@code POST /create} gives {@code n}; {@code POST /reset {"env_idx",
     * "session_id"}}; {@code POST /step {"env_idx", "action"}} gives {@code {"state", "reward", "done",
     * "info"}}; {@code GET /observation?env_idx=n}; {@code GET /available_actions?env_idx=n};
     * {@code POST /close {"env_idx"}}.
     */
    ENV_IDX;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Protocol of(String id) {
        for (Protocol protocol : values()) {
            if (protocol.id().equals(id)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Protocol::id).toList());
    }

    /** The request field that carries the environment instance. */
    String instanceField() {
        return this == ID ? "id" : "env_idx";
    }

    /** The reset field that carries the task index. */
    String taskField() {
        return this == ID ? "data_idx" : "session_id";
    }

    @Override
    public String toString() {
        return id();
    }
}
