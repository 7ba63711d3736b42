package dev.kaizen.agentgym;

import dev.kaizen.api.env.EnvironmentConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Config of the AgentGym environment. Fields left out take the defaults of the environment family
 * named by {@code env} (AgentGym's clients for that family do the same).
 *
 * @param baseUrl the server, e.g. {@code http://localhost:36001} (required)
 * @param env the environment family, e.g. {@code webshop}, {@code alfworld}, {@code babyai},
 *     {@code sciworld}, {@code textcraft} (required); it sets the defaults below
 * @param protocol {@code id} or {@code env-idx}; default {@code env-idx} for webshop, else {@code id}
 * @param train task indices ({@code data_idx} / {@code session_id}) of the training split, e.g.
 *     {@code "0-199"}
 * @param seen task indices of the seen evaluation split
 * @param unseen task indices of the unseen evaluation split
 * @param maxSteps steps after which an episode is cut off; default 30
 * @param requestTimeoutSeconds how long one request may take; default 60
 * @param connectTimeoutSeconds how long connecting may take; default 10
 * @param createRetries retries of creating and resetting an episode on a broken connection or a 5xx
 *     answer (steps are never retried: they change the server's state); default 2
 * @param rewardField the step answer's field holding the episode's score so far; default
 *     {@code score} for babyai and sciworld, else {@code reward}. Kaizen's step reward is its increase,
 *     so the episode's return is the final score, as AgentGym counts it
 * @param rewardScale multiplies the score into Kaizen's [0, 1] (success is 1); default 0.01 for
 *     sciworld (scores 0..100), else 1
 * @param availableActions whether to ask the server for the valid actions after every step
 *     ({@code GET /available_actions}, WebShop's {@code has_search_bar} and {@code clickables});
 *     default true for the {@code env-idx} protocol. Without it any non-empty text is an action
 * @param demonstrations an AgentGym trajectory file (AgentTraj: a JSON array or JSON lines of
 *     {@code {"item_id": "<env>_<index>", "conversations": [...]}}) whose actions are replayed on the
 *     server as expert demonstrations; null for none
 */
public record AgentGymConfig(String baseUrl, String env, Protocol protocol, String train, String seen, String unseen,
                             Integer maxSteps, Double requestTimeoutSeconds, Double connectTimeoutSeconds,
                             Integer createRetries, String rewardField, Double rewardScale, Boolean availableActions,
                             String demonstrations) implements EnvironmentConfig {

    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Map<String, String> SCORE_FIELD = Map.of("babyai", "score", "sciworld", "score");
    private static final Map<String, Double> SCALE = Map.of("sciworld", 0.01);

    public AgentGymConfig {
        uri(baseUrl);
        if (env == null || !FAMILY.matcher(env).matches()) {
            throw new IllegalArgumentException("env is required: the AgentGym environment family in lowercase, e.g. "
                    + "webshop, alfworld, babyai, sciworld, textcraft; got " + (env == null ? "nothing" : "'" + env + "'"));
        }
        protocol = protocol == null ? (env.equals("webshop") ? Protocol.ENV_IDX : Protocol.ID) : protocol;
        train = train == null ? "" : train;
        seen = seen == null ? "" : seen;
        unseen = unseen == null ? "" : unseen;
        maxSteps = maxSteps == null ? 30 : maxSteps;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? 60.0 : requestTimeoutSeconds;
        connectTimeoutSeconds = connectTimeoutSeconds == null ? 10.0 : connectTimeoutSeconds;
        createRetries = createRetries == null ? 2 : createRetries;
        rewardField = rewardField == null || rewardField.isBlank() ? SCORE_FIELD.getOrDefault(env, "reward") : rewardField;
        rewardScale = rewardScale == null ? SCALE.getOrDefault(env, 1.0) : rewardScale;
        availableActions = availableActions == null ? protocol == Protocol.ENV_IDX : availableActions;
        demonstrations = demonstrations == null || demonstrations.isBlank() ? null : demonstrations;

        List<Integer> trainTasks = TaskIndices.parse(train, "train");
        List<Integer> seenTasks = TaskIndices.parse(seen, "seen");
        List<Integer> unseenTasks = TaskIndices.parse(unseen, "unseen");
        if (trainTasks.isEmpty() && seenTasks.isEmpty() && unseenTasks.isEmpty()) {
            throw new IllegalArgumentException("no tasks: give task indices in train, seen and/or unseen, "
                    + "e.g. train: \"0-199\", seen: \"200-249\"");
        }
        disjoint("train", trainTasks, "seen", seenTasks);
        disjoint("train", trainTasks, "unseen", unseenTasks);
        disjoint("seen", seenTasks, "unseen", unseenTasks);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (!(requestTimeoutSeconds > 0) || !(connectTimeoutSeconds > 0)) {
            throw new IllegalArgumentException("requestTimeoutSeconds and connectTimeoutSeconds must be > 0, got "
                    + requestTimeoutSeconds + " and " + connectTimeoutSeconds);
        }
        if (createRetries < 0) {
            throw new IllegalArgumentException("createRetries must be >= 0, got " + createRetries);
        }
        if (!(rewardScale > 0) || rewardScale.isInfinite()) {
            throw new IllegalArgumentException("rewardScale must be a finite number > 0, got " + rewardScale);
        }
    }

    private static void disjoint(String a, List<Integer> left, String b, List<Integer> right) {
        Set<Integer> both = new HashSet<>(left);
        both.retainAll(right);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("task " + both.stream().sorted().findFirst().orElseThrow()
                    + " is in both " + a + " and " + b + "; a task belongs to one split");
        }
    }

    /** The base URL, checked. */
    static URI uri(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required: the AgentGym server, e.g. http://localhost:36001");
        }
        try {
            URI uri = new URI(baseUrl.strip().replaceAll("/+$", ""));
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(baseUrl, "not http(s)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl must be an http:// or https:// URL such as "
                    + "http://localhost:36001, got '" + baseUrl + "'");
        }
    }

    /** The task indices of a split's field. */
    List<Integer> indices(String split) {
        return switch (split) {
            case "train" -> TaskIndices.parse(train, "train");
            case "seen" -> TaskIndices.parse(seen, "seen");
            case "unseen" -> TaskIndices.parse(unseen, "unseen");
            default -> throw new IllegalArgumentException("no split " + split);
        };
    }
}
