package dev.kaizen.core.backend;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.core.backend.codec.RecordReader;
import dev.kaizen.core.backend.codec.RecordWriter;
import dev.kaizen.core.registry.ComponentKind;
import java.util.List;

/**
 * One piece of a request, as an executor runs it: a slice of the request's tasks, either rolled
 * out with the policy (a rollout request) or searched (a search problem). Everything a task's
 * episode depends on (its seed, the sampling seed, the parts) is the same as in the whole request,
 * so a piece's trajectories are those the whole request gives for its tasks.
 *
 * @param host how to build the parts
 * @param label the request's label
 * @param partition this piece's index among the request's pieces
 * @param partitions how many pieces the request was cut into
 * @param environment the environment
 * @param policy the policy
 * @param tasks this piece's tasks, in the request's order
 * @param sampling a rollout's sampling; null for a search
 * @param source a rollout's trajectory source; null for a search
 * @param search a search's algorithm; null for a rollout
 * @param critic a search's critic; null for a rollout
 * @param seed a search problem's seed; 0 for a rollout
 * @param handOver where the executor leaves its outcome in its JVM for the driver to take, when it runs
 *     in the driver's JVM (an in-process master); null to send the outcome back as bytes
 */
public record WorkPiece(HostSpec host, String label, int partition, int partitions, PartSpec environment,
                        PartSpec policy, List<Task> tasks, Sampling sampling, TrajectorySource source,
                        PartSpec search, PartSpec critic, long seed, String handOver) {

    private static final int FORMAT = 1;

    public WorkPiece {
        requireNonNull(host, "host is null");
        requireNonNull(label, "label is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(policy, "policy is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        if ((search == null) == (sampling == null)) {
            throw new IllegalArgumentException("a piece is either a rollout (sampling) or a search (search)");
        }
        if (search != null) {
            requireNonNull(critic, "critic is null");
        } else {
            requireNonNull(source, "source is null");
        }
    }

    /** Whether this piece is a search problem (else a rollout request). */
    public boolean isSearch() {
        return search != null;
    }

    public byte[] encode() {
        RecordWriter out = new RecordWriter();
        out.count(FORMAT);
        out.string(host.key());
        out.strings(host.pluginDirectories());
        out.number(host.seed());
        out.string(host.settings());
        out.string(label);
        out.string(handOver);
        out.count(partition);
        out.count(partitions);
        part(out, environment);
        part(out, policy);
        out.tasks(tasks);
        out.flag(isSearch());
        if (isSearch()) {
            part(out, search);
            part(out, critic);
            out.number(seed);
        } else {
            out.count(sampling.count());
            out.number(sampling.temperature());
            out.number(sampling.seed());
            out.count(source.ordinal());
        }
        return out.toByteArray();
    }

    public static WorkPiece decode(byte[] bytes) {
        RecordReader in = new RecordReader(bytes);
        int format = in.count();
        if (format != FORMAT) {
            throw new IllegalStateException("a piece of format " + format + " reached an executor that reads format "
                    + FORMAT + "; run the same Kaizen installation on every machine");
        }
        HostSpec host = new HostSpec(in.string(), in.strings(), in.longNumber(), in.string());
        String label = in.string();
        String handOver = in.string();
        int partition = in.count();
        int partitions = in.count();
        PartSpec environment = part(in);
        PartSpec policy = part(in);
        List<Task> tasks = in.tasks();
        if (in.flag()) {
            PartSpec search = part(in);
            PartSpec critic = part(in);
            return new WorkPiece(host, label, partition, partitions, environment, policy, tasks, null, null, search,
                    critic, in.longNumber(), handOver);
        }
        Sampling sampling = new Sampling(in.count(), in.number(), in.longNumber());
        TrajectorySource source = TrajectorySource.values()[in.count()];
        return new WorkPiece(host, label, partition, partitions, environment, policy, tasks, sampling, source, null,
                null, 0L, handOver);
    }

    private static void part(RecordWriter out, PartSpec part) {
        out.count(part.kind().ordinal());
        out.string(part.config());
        out.string(part.state());
    }

    private static PartSpec part(RecordReader in) {
        return new PartSpec(ComponentKind.values()[in.count()], in.string(), in.string());
    }
}
