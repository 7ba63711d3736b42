package dev.kaizen.rememberer.memory.learning;

import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.rememberer.memory.record.ActionEntry;
import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One learning step of the memory: applies {@link NStepQLearning} to every step of every finished
 * episode (episodes that ended with an error are skipped), last step first so that n-step targets
 * bootstrap from values already updated with this episode. A state seen for the first time gets a
 * new record; a record keeps at most {@code actionsPerRecord} actions. Not thread-safe.
 */
public final class QValueUpdate {

    private final NStepQLearning rule;
    private final int actionsPerRecord;
    private final MemoryRecords records;
    private final Function<String, InstructionTerms> analyse;

    /**
     * @param actionsPerRecord the most actions a record keeps, {@code >= 1}
     * @param analyse turns an instruction into its terms, for new records
     */
    public QValueUpdate(NStepQLearning rule, int actionsPerRecord, MemoryRecords records,
                        Function<String, InstructionTerms> analyse) {
        this.rule = rule;
        this.actionsPerRecord = actionsPerRecord;
        this.records = records;
        this.analyse = analyse;
    }

    /** Advances the records' clock and learns from {@code trajectories}. */
    public UpdateResult apply(List<Trajectory> trajectories) {
        long clock = records.tick();
        Set<MemoryRecord> changed = new LinkedHashSet<>();
        int skipped = 0;
        int steps = 0;
        int created = 0;
        int evictedActions = 0;
        for (Trajectory trajectory : trajectories) {
            if (trajectory.error() != null) {
                skipped++;
                continue;
            }
            String instruction = trajectory.task().instruction();
            List<Step> list = trajectory.steps();
            int length = list.size();
            double[] rewards = new double[length];
            for (int t = 0; t < length; t++) {
                rewards[t] = list.get(t).reward();
            }
            for (int t = length - 1; t >= 0; t--) {
                double bootstrap = 0;
                if (rule.bootstraps(t, length)) {
                    MemoryRecord next = records.get(instruction, list.get(rule.bootstrapStep(t)).observation().text());
                    bootstrap = next == null ? 0.0 : next.maxValue();
                }
                double target = rule.target(rewards, t, bootstrap);
                Step step = list.get(t);
                MemoryRecord record = records.get(instruction, step.observation().text());
                if (record == null) {
                    record = records.add(new MemoryRecord(records.newId(), instruction, step.observation(),
                            analyse.apply(instruction), clock));
                    created++;
                }
                ActionEntry old = record.action(step.action());
                int visits = old == null ? 1 : old.visits() + 1;
                double value = rule.updated(old == null ? 0.0 : old.value(), visits, target);
                if (record.put(new ActionEntry(step.action(), value, visits, step.reward(), clock), actionsPerRecord)) {
                    evictedActions++;
                }
                record.touch(clock);
                changed.add(record);
                steps++;
            }
        }
        return new UpdateResult(changed, trajectories.size() - skipped, skipped, steps, created, evictedActions);
    }
}
