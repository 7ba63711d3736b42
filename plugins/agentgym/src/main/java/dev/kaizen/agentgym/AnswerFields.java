package dev.kaizen.agentgym;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields a profile points at in a server's answer; a missing or ill-typed field is an {@link AgentGymException}. */
final class AnswerFields {

    private AnswerFields() {
    }

    /** The text at {@code pointer}: a string as it is, another value as JSON. */
    static String text(JsonNode answer, String pointer, String server, String what) {
        JsonNode node = answer.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new AgentGymException(server + " answered " + what + " without " + describe(pointer) + ": "
                    + AgentGymClient.abbreviate(answer.toString()) + "; does the profile fit this server?");
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** The number at {@code pointer} ({@code true}/{@code false} read as 1/0), or {@code fallback} where there is none. */
    static double number(JsonNode answer, String pointer, double fallback, String server, String what) {
        JsonNode node = answer.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1.0 : 0.0;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new AgentGymException(server + " sent a non-numeric " + describe(pointer) + " for " + what + ": "
                    + node);
        }
        return node.asDouble();
    }

    /** The flag at {@code pointer}; missing is false. */
    static boolean flag(JsonNode answer, String pointer, String server, String what) {
        JsonNode node = answer.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean() && !node.isNumber()) {
            throw new AgentGymException(server + " sent a " + describe(pointer) + " that is not true or false for "
                    + what + ": " + node);
        }
        return node.asBoolean();
    }

    /** The strings of the array at {@code pointer}; missing is empty. */
    static List<String> strings(JsonNode answer, String pointer, String server, String what) {
        JsonNode node = answer.at(pointer);
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new AgentGymException(server + " sent a " + describe(pointer) + " that is not a list for " + what
                    + ": " + AgentGymClient.abbreviate(node.toString()));
        }
        for (JsonNode item : node) {
            out.add(item.isTextual() ? item.asText() : item.toString());
        }
        return out;
    }

    private static String describe(String pointer) {
        return pointer.isEmpty() ? "a value" : "'" + pointer.substring(1) + "'";
    }
}
