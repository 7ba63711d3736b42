package dev.kaizen.sweep.rollout;

import dev.kaizen.core.backend.RemoteWorker;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor does with a piece: hands it to core's {@link RemoteWorker}, which reads the
 * job's payloads (a policy's state) from their broadcasts only when it has to rebuild a policy.
 */
final class PieceFunction implements Function<byte[], byte[]> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, Broadcast<byte[]>> payloads;

    PieceFunction(Map<String, Broadcast<byte[]>> payloads) {
        this.payloads = new HashMap<>(payloads);
    }

    @Override
    public byte[] call(byte[] piece) {
        return RemoteWorker.run(piece, id -> {
            Broadcast<byte[]> broadcast = payloads.get(id);
            if (broadcast == null) {
                throw new IllegalStateException("payload " + id + " was not shipped with this job");
            }
            return broadcast.value();
        });
    }
}
