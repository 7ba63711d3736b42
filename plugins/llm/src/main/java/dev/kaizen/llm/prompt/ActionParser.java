package dev.kaizen.llm.prompt;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the action out of a model's reply: the text after the first {@code Action:} line (or on the
 * line after it, as some fine-tuned agents write), which must be allowed by the observation.
 *
 * <p>Only harmless differences are forgiven: surrounding quotes or backticks, a trailing period, and
 * letter case when exactly one concrete action matches ignoring case. Anything else is reported
 * with what was wrong, so the model can be asked once more. Stateless.
 */
public final class ActionParser {

    private static final Pattern ACTION_LINE =
            Pattern.compile("^[ \\t>*_#-]*action[ \\t*_]*:[ \\t*_]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final int MAX_RECORDED_CHARS = 200;

    private ActionParser() {
    }

    /**
     * What a reply amounts to.
     *
     * @param action the action the reply names: valid if {@code error} is null; otherwise the text to
     *     record as an invalid action (possibly empty)
     * @param start the first character of the action in the reply, or -1
     * @param end one past its last character, or -1
     * @param error what was wrong, or null if the action is valid
     */
    public record Parsed(Action action, int start, int end, String error) {

        public Parsed {
            requireNonNull(action, "action is null");
        }

        public boolean valid() {
            return error == null;
        }
    }

    /** Parses {@code reply} against what {@code observation} allows. */
    public static Parsed parse(String reply, Observation observation) {
        requireNonNull(reply, "reply is null");
        Matcher line = ACTION_LINE.matcher(reply);
        if (!line.find()) {
            String last = lastLine(reply);
            return new Parsed(Action.of(last), -1, -1, reply.isBlank() ? "the reply was empty"
                    : "the reply has no line starting with 'Action:'");
        }
        int start = line.start(1);
        int end = line.end(1);
        if (reply.substring(start, end).isBlank()) {
            int next = end;
            while (next < reply.length() && (reply.charAt(next) == '\n' || reply.charAt(next) == '\r'
                    || Character.isWhitespace(reply.charAt(next)))) {
                next++;
            }
            int stop = reply.indexOf('\n', next);
            start = next;
            end = stop < 0 ? reply.length() : stop;
        }
        String raw = reply.substring(start, end).strip();
        int offset = reply.indexOf(raw, start);
        start = raw.isEmpty() ? start : offset;
        end = start + raw.length();
        if (raw.isEmpty()) {
            return new Parsed(Action.of(""), -1, -1, "the 'Action:' line names no action");
        }
        Action exact = Action.of(raw);
        if (observation.allows(exact)) {
            return new Parsed(exact, start, end, null); // the usual case; the first variant is raw itself
        }
        List<String> variants = variants(raw);
        for (String candidate : variants) {
            Action action = Action.of(candidate);
            if (observation.allows(action)) {
                return new Parsed(action, start, end, null);
            }
        }
        for (String candidate : variants) {
            Action matched = ignoringCase(candidate, observation);
            if (matched != null) {
                return new Parsed(matched, start, end, null);
            }
        }
        String recorded = raw.length() <= MAX_RECORDED_CHARS ? raw : raw.substring(0, MAX_RECORDED_CHARS);
        return new Parsed(Action.of(recorded), start, end, "'" + recorded + "' is not a valid action here");
    }

    /** The raw text, without surrounding quotes or backticks, and without a trailing period. */
    private static List<String> variants(String raw) {
        List<String> out = new ArrayList<>();
        out.add(raw);
        String unquoted = raw;
        while (unquoted.length() >= 2 && isQuote(unquoted.charAt(0))
                && unquoted.charAt(unquoted.length() - 1) == unquoted.charAt(0)) {
            unquoted = unquoted.substring(1, unquoted.length() - 1).strip();
        }
        out.add(unquoted);
        for (String s : List.copyOf(out)) {
            if (s.endsWith(".")) {
                out.add(s.substring(0, s.length() - 1).strip());
            }
        }
        return out.stream().distinct().filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isQuote(char c) {
        return c == '`' || c == '"' || c == '\'';
    }

    private static Action ignoringCase(String text, Observation observation) {
        String lower = text.toLowerCase(Locale.ROOT);
        Action found = null;
        for (Action action : observation.actions()) {
            if (action.text().toLowerCase(Locale.ROOT).equals(lower)) {
                if (found != null) {
                    return null;
                }
                found = action;
            }
        }
        return found;
    }

    private static String lastLine(String reply) {
        String[] lines = reply.strip().split("\\R");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.length() <= MAX_RECORDED_CHARS ? last : last.substring(0, MAX_RECORDED_CHARS);
    }

    /** The message that asks the model once more, after a reply that could not be used. */
    public static String repairRequest(Parsed parsed) {
        return "Your reply could not be used: " + parsed.error() + ". Reply again, ending with one line "
                + "'Action: <action>' where the action is one of the valid actions listed above, copied exactly, "
                + "or a template with {} replaced by your own text.";
    }
}
