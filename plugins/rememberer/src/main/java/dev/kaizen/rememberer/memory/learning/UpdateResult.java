package dev.kaizen.rememberer.memory.learning;

import static java.util.Objects.requireNonNull;

import dev.kaizen.rememberer.memory.record.MemoryRecord;
import java.util.Set;

/**
 * What a {@link QValueUpdate} did.
 *
 * @param changed the records it updated or created, in the order it first touched them
 * @param episodes the episodes it learned from
 * @param skipped the episodes it skipped (they ended with an error)
 * @param steps the steps it learned from
 * @param created the records it created
 * @param evictedActions the actions it evicted from full records
 */
public record UpdateResult(Set<MemoryRecord> changed, int episodes, int skipped, int steps, int created,
                           int evictedActions) {

    public UpdateResult {
        requireNonNull(changed, "changed is null");
    }
}
