package dev.kaizen.agentgym;

import dev.kaizen.agentgym.profile.ActionMode;
import dev.kaizen.agentgym.profile.Profile;
import dev.kaizen.agentgym.profile.Profiles;
import dev.kaizen.api.env.EnvironmentConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Config of the AgentGym environment: which server, which family's profile, which tasks.
 *
 * @param baseUrl the server, e.g. {@code http://localhost:36001} (required)
 * @param profile a built-in profile: {@code webshop}, {@code alfworld}, {@code babyai}, {@code sciworld},
 *     {@code textcraft}, {@code maze}, {@code wordle}, {@code sqlgym}, {@code searchqa}, {@code academia},
 *     {@code movie}, {@code sheet}, {@code todo}, {@code weather}, {@code webarena}; or null with
 *     {@code profileFile}
 * @param profileFile a YAML profile of a server of your own (see the plugin's README); or null with {@code profile}
 * @param train task indices (the server's {@code data_idx}, {@code game}, {@code session_id}, ...) of
 *     the training split, e.g. {@code "0-199"}
 * @param seen task indices of the seen evaluation split
 * @param unseen task indices of the unseen evaluation split
 * @param maxSteps steps after which an episode is cut off; default 30
 * @param requestTimeoutSeconds how long one request may take; default 60
 * @param connectTimeoutSeconds how long connecting may take; default 10
 * @param retries how often a request that failed for a passing reason (no connection, a 5xx answer, a
 *     timeout) is tried again, waiting {@code retryBackoffMillis}, then twice that, and so on; a step is
 *     tried again only when it never reached the server. When every try found no server, the server is
 *     taken to be down and every later request fails at once. Default 4
 * @param retryBackoffMillis the wait before the first retry; default 250
 * @param instances the most server instances held at once; each is created once and reset for task after
 *     task. The rollout engine opens no more episodes than this and its {@code rollout.threads}. Default
 *     64, at most the profile's {@code maxInstances}
 * @param actionMode what observations offer: {@code list} (the valid actions the profile reads; for
 *     policies that pick among candidates), {@code free-text} (templates the policy fills itself) or
 *     {@code both}; default the profile's
 * @param instructions what the agent is told before the first observation (the task's instruction);
 *     default the profile's, which are AgentGym's own
 * @param demonstrations an AgentGym trajectory file (AgentTraj: a JSON array or JSON lines of
 *     {@code {"item_id": "<family>_<index>", "conversations": [...]}}) whose actions are replayed on the
 *     server as expert demonstrations; null for none
 */
public record AgentGymConfig(String baseUrl, String profile, String profileFile, String train, String seen,
                             String unseen, Integer maxSteps, Double requestTimeoutSeconds,
                             Double connectTimeoutSeconds, Integer retries, Integer retryBackoffMillis,
                             Integer instances, ActionMode actionMode, String instructions,
                             String demonstrations) implements EnvironmentConfig {

    /** The most instances unless the profile's server holds fewer. */
    static final int DEFAULT_INSTANCES = 64;

    public AgentGymConfig {
        uri(baseUrl);
        profile = profile == null || profile.isBlank() ? null : profile.strip();
        profileFile = profileFile == null || profileFile.isBlank() ? null : profileFile.strip();
        Profile resolved = resolve(profile, profileFile);
        train = train == null ? "" : train;
        seen = seen == null ? "" : seen;
        unseen = unseen == null ? "" : unseen;
        maxSteps = maxSteps == null ? 30 : maxSteps;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? 60.0 : requestTimeoutSeconds;
        connectTimeoutSeconds = connectTimeoutSeconds == null ? 10.0 : connectTimeoutSeconds;
        retries = retries == null ? 4 : retries;
        retryBackoffMillis = retryBackoffMillis == null ? 250 : retryBackoffMillis;
        Integer most = resolved.maxInstances();
        instances = instances == null ? (most == null ? DEFAULT_INSTANCES : Math.min(DEFAULT_INSTANCES, most)) : instances;
        actionMode = actionMode == null ? resolved.mode() : actionMode;
        instructions = instructions == null || instructions.isBlank() ? null : instructions;
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
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be between 0 and 20, got " + retries);
        }
        if (retryBackoffMillis < 0 || retryBackoffMillis > 60_000) {
            throw new IllegalArgumentException("retryBackoffMillis must be between 0 and 60000, got "
                    + retryBackoffMillis);
        }
        if (instances < 1 || instances > 4096) {
            throw new IllegalArgumentException("instances must be between 1 and 4096, got " + instances);
        }
        if (most != null && instances > most) {
            throw new IllegalArgumentException("instances is " + instances + ", but a " + resolved.name()
                    + " server keeps only " + most + " instances apart (more would share one); use at most " + most);
        }
        resolved.check(actionMode, "actionMode");
    }

    /** The profile this config names, read anew. */
    Profile resolvedProfile() {
        return resolve(profile, profileFile);
    }

    private static Profile resolve(String profile, String profileFile) {
        if (profile != null && profileFile != null) {
            throw new IllegalArgumentException("give profile or profileFile, not both (profile '" + profile
                    + "', profileFile '" + profileFile + "')");
        }
        if (profileFile != null) {
            return Profiles.file(Path.of(profileFile));
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile is required: the AgentGym server family, one of "
                    + Profiles.BUILT_IN + "; or profileFile: a YAML file describing your own server");
        }
        return Profiles.builtIn(profile);
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
