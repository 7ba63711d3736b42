package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.regex.Pattern;

/**
 * The recipe's {@code rollout} section: how and where the engine runs episodes. Results do not
 * depend on these settings, only speed does.
 *
 * @param batchSize contexts per {@code decide} call, {@code >= 1} (default 256)
 * @param threads threads that step environments, {@code >= 1} (default 64: environments may be
 *     remote and wait on I/O)
 * @param maxSteps safety cap on steps per episode, {@code >= 1} (default 1000); an episode that
 *     reaches it fails
 * @param mode how deciding and stepping are scheduled (default {@link RolloutMode#LOCKSTEP})
 * @param gatherMillis pipelined mode only: how long the engine may wait, once a context is waiting,
 *     for more contexts to fill a batch before it calls {@code decide}, 0 to 60000 (default 0:
 *     decide at once for whatever is waiting); it never waits when every running episode is waiting
 * @param backend where rollouts, evaluations and searches run: {@code local} (default: this
 *     process's engine) or the name of a backend found on the class path (e.g. {@code spark})
 * @param master the backend's cluster, e.g. {@code local[2]} or {@code spark://host:7077}; null for
 *     the backend's default. Only with a backend other than {@code local}
 * @param partitions how many pieces a request's tasks are cut into, 1 to 100000; null for the
 *     backend's task slots. Only with a backend other than {@code local}
 * @param fallback what to do with a request whose parts the backend cannot rebuild (default
 *     {@link RolloutFallback#LOCAL})
 */
@JsonPropertyOrder({"mode", "batchSize", "threads", "maxSteps", "gatherMillis", "backend", "master", "partitions",
    "fallback"})
public record RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps, RolloutMode mode,
                              Integer gatherMillis, String backend,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String master,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer partitions,
                              RolloutFallback fallback) {

    /** The most {@code gatherMillis} allows. */
    public static final int MAX_GATHER_MILLIS = 60_000;
    /** The backend that runs everything in this process. */
    public static final String LOCAL = "local";
    /** The most {@code partitions} allows. */
    public static final int MAX_PARTITIONS = 100_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public RolloutSettings {
        batchSize = batchSize == null ? 256 : batchSize;
        threads = threads == null ? 64 : threads;
        maxSteps = maxSteps == null ? 1000 : maxSteps;
        mode = mode == null ? RolloutMode.LOCKSTEP : mode;
        gatherMillis = gatherMillis == null ? 0 : gatherMillis;
        backend = backend == null ? LOCAL : backend;
        fallback = fallback == null ? RolloutFallback.LOCAL : fallback;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (threads < 1 || threads > 4096) {
            throw new IllegalArgumentException("threads must be between 1 and 4096, got " + threads);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (gatherMillis < 0 || gatherMillis > MAX_GATHER_MILLIS) {
            throw new IllegalArgumentException("gatherMillis must be between 0 and " + MAX_GATHER_MILLIS
                    + ", got " + gatherMillis);
        }
        if (gatherMillis > 0 && mode != RolloutMode.PIPELINED) {
            throw new IllegalArgumentException("gatherMillis applies to mode pipelined only, got gatherMillis "
                    + gatherMillis + " with mode " + mode + "; set mode: pipelined or drop gatherMillis");
        }
        if (!NAME.matcher(backend).matches()) {
            throw new IllegalArgumentException("backend must be a lowercase name such as local or spark, got '"
                    + backend + "'");
        }
        if (master != null && master.isBlank()) {
            throw new IllegalArgumentException("master must not be blank; leave it out for the backend's default");
        }
        if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
            throw new IllegalArgumentException("partitions must be between 1 and " + MAX_PARTITIONS + ", got "
                    + partitions);
        }
        if (LOCAL.equals(backend) && (master != null || partitions != null)) {
            throw new IllegalArgumentException((master != null ? "master" : "partitions")
                    + " applies to a backend other than local, got " + (master != null ? "master '" + master + "'"
                    : "partitions " + partitions) + " with backend local; set backend: spark or drop "
                    + (master != null ? "master" : "partitions"));
        }
    }

    /** Local settings. */
    public RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps, RolloutMode mode,
                           Integer gatherMillis) {
        this(batchSize, threads, maxSteps, mode, gatherMillis, null, null, null, null);
    }

    /** Local lockstep settings. */
    public RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps) {
        this(batchSize, threads, maxSteps, null, null);
    }

    /** The defaults. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(null, null, null, null, null);
    }

    /** These settings in another mode. */
    public RolloutSettings withMode(RolloutMode newMode) {
        return new RolloutSettings(batchSize, threads, maxSteps, newMode, newMode == RolloutMode.PIPELINED
                ? gatherMillis : null, backend, master, partitions, fallback);
    }

    /** These settings with the local backend: how a backend's executors run their pieces. */
    public RolloutSettings locally() {
        return new RolloutSettings(batchSize, threads, maxSteps, mode, gatherMillis, null, null, null, null);
    }

    /** Whether a backend other than {@code local} runs the requests. */
    public boolean distributed() {
        return !LOCAL.equals(backend);
    }
}
