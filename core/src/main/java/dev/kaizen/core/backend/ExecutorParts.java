package dev.kaizen.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.core.Closing;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.recipe.ConfigBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an executor JVM keeps between pieces, per run (host key): the plugins, loaded once per JVM
 * and shared as {@link Kaizen#sharingPlugins()} instances share them; each environment, built from
 * its config once; and the policies rebuilt for the latest state, idle ones kept for the next piece
 * (a policy is used by one piece at a time). In the driver's own JVM (an in-process master such as
 * {@code local[2]}) the driver registers its plugins and its environment, which executors then use
 * instead of loading and building their own: a native library loads once per JVM.
 */
final class ExecutorParts {

    private static final Map<String, ConfigBinder> HOSTS = new ConcurrentHashMap<>();
    private static final Map<PartKey, Environment> ENVIRONMENTS = new ConcurrentHashMap<>();
    private static final Map<PartKey, Environment> SHARED_ENVIRONMENTS = new ConcurrentHashMap<>();
    private static final Map<PartKey, PolicyPool> POLICIES = new ConcurrentHashMap<>();
    private static final Map<String, WorkOutcome> HANDED_OVER = new ConcurrentHashMap<>();

    private ExecutorParts() {
    }

    /** A part of a run: which run, the seed it is built with, its config. */
    private record PartKey(String host, long seed, String config) {
    }

    /** The driver's plugins, for executors in its JVM. */
    static void register(String host, ConfigBinder binder) {
        HOSTS.put(host, binder);
    }

    /** The driver's environment built from {@code config} (the first one, the recipe's), for executors in its JVM. */
    static void share(String host, long seed, String config, Environment environment) {
        SHARED_ENVIRONMENTS.putIfAbsent(new PartKey(host, seed, config), environment);
    }

    /** An outcome an executor leaves for the driver in the same JVM; a piece run again replaces it. */
    static void leave(String key, WorkOutcome outcome) {
        HANDED_OVER.put(key, outcome);
    }

    /**
     * The outcome left under {@code key}, which is forgotten.
     *
     * @throws IllegalStateException if none was left in this JVM
     */
    static WorkOutcome take(String key) {
        WorkOutcome outcome = HANDED_OVER.remove(key);
        if (outcome == null) {
            throw new IllegalStateException("no outcome was left in this JVM under " + key + ": the backend ran the"
                    + " piece in another JVM although it said its executors run in the driver's");
        }
        return outcome;
    }

    /** Forgets a run: closes the environments and policies built for it; the driver's own stay open. */
    static void release(String host) {
        HOSTS.remove(host);
        HANDED_OVER.keySet().removeIf(key -> key.startsWith(host + "/"));
        SHARED_ENVIRONMENTS.keySet().removeIf(key -> key.host().equals(host));
        for (PartKey key : List.copyOf(ENVIRONMENTS.keySet())) {
            if (key.host().equals(host)) {
                Closing.quietly(ENVIRONMENTS.remove(key));
            }
        }
        for (PartKey key : List.copyOf(POLICIES.keySet())) {
            if (key.host().equals(host)) {
                POLICIES.remove(key).closeAll();
            }
        }
    }

    /** The run's config binder: the driver's if it registered one in this JVM, else the plugins loaded here. */
    static ConfigBinder binder(HostSpec host) {
        return HOSTS.computeIfAbsent(host.key(), key -> Kaizen.sharedBinder(
                host.pluginDirectories().stream().map(Path::of).toList()));
    }

    /** The environment of {@code spec}, built once per run in this JVM (or the driver's). */
    static Environment environment(HostSpec host, ConfigBinder binder, PartSpec spec) {
        PartKey key = new PartKey(host.key(), host.seed(), spec.config());
        Environment shared = SHARED_ENVIRONMENTS.get(key);
        if (shared != null) {
            return shared;
        }
        return ENVIRONMENTS.computeIfAbsent(key, k -> PieceContext.building(host.seed(), binder)
                .create(config(binder, spec)));
    }

    /** A policy of {@code spec} in its state, for one piece; close the lease when the piece is done. */
    static Lease policy(HostSpec host, ConfigBinder binder, PartSpec spec, Function<String, byte[]> payloads)
            throws IOException {
        PolicyPool pool = POLICIES.computeIfAbsent(new PartKey(host.key(), host.seed(), spec.config()),
                key -> new PolicyPool());
        Policy idle = pool.take(spec.state());
        if (idle != null) {
            return new Lease(pool, spec.state(), idle);
        }
        Policy built = PieceContext.building(host.seed(), binder).create(config(binder, spec));
        try {
            if (spec.state() != null) {
                load(built, payloads.apply(spec.state()));
            }
        } catch (IOException | RuntimeException e) {
            Closing.quietly(built);
            throw e;
        }
        return new Lease(pool, spec.state(), built);
    }

    private static void load(Policy policy, byte[] state) throws IOException {
        if (!(policy instanceof Checkpointable checkpointable)) {
            throw new IllegalStateException("the policy " + policy.getClass().getName() + " was given a saved state"
                    + " but cannot load one");
        }
        Path directory = Files.createTempDirectory("kaizen-policy-");
        try {
            DirectoryArchive.unpack(state, directory);
            checkpointable.load(directory);
        } finally {
            DirectoryArchive.delete(directory);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ComponentConfig<T> config(ConfigBinder binder, PartSpec spec) {
        try {
            return (ComponentConfig<T>) binder.bind(binder.json().readTree(spec.config()), spec.kind().configBase(),
                    spec.kind().id());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a malformed " + spec.kind().id() + " config reached this executor", e);
        }
    }

    /** Idle policies of one config, all in the latest state asked for; older ones are closed. */
    private static final class PolicyPool {
        private final Deque<Policy> idle = new ArrayDeque<>();
        private String state;
        private boolean closed;

        /** An idle policy in {@code wanted}, or null; idle ones in another state are closed. */
        synchronized Policy take(String wanted) {
            if (!java.util.Objects.equals(state, wanted)) {
                idle.forEach(Closing::quietly);
                idle.clear();
                state = wanted;
            }
            return idle.pollFirst();
        }

        synchronized void give(String of, Policy policy) {
            if (closed || !java.util.Objects.equals(state, of)) {
                Closing.quietly(policy);
            } else {
                idle.addFirst(policy);
            }
        }

        synchronized void closeAll() {
            closed = true;
            List<Policy> all = new ArrayList<>(idle);
            idle.clear();
            all.forEach(Closing::quietly);
        }
    }

    /** A policy lent to one piece. */
    static final class Lease implements AutoCloseable {
        private final PolicyPool pool;
        private final String state;
        private final Policy policy;

        private Lease(PolicyPool pool, String state, Policy policy) {
            this.pool = pool;
            this.state = state;
            this.policy = policy;
        }

        Policy policy() {
            return policy;
        }

        @Override
        public void close() {
            pool.give(state, policy);
        }
    }
}
