package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Optional;

/** Another environment's tasks and episodes, with its expert left out or its similarity replaced. */
final class ChangedEnvironment implements Environment {

    private final Environment base;
    private final boolean expert;
    private final ObservationSimilarity similarity;

    private ChangedEnvironment(Environment base, boolean expert, ObservationSimilarity similarity) {
        this.base = base;
        this.expert = expert;
        this.similarity = similarity;
    }

    /** {@code base} without demonstrations. */
    static Environment withoutExpert(Environment base) {
        return new ChangedEnvironment(base, false, base.observationSimilarity());
    }

    /** {@code base} judging observations alike by {@code similarity}. */
    static Environment withSimilarity(Environment base, ObservationSimilarity similarity) {
        return new ChangedEnvironment(base, true, similarity);
    }

    @Override
    public List<Task> tasks(Split split) {
        return base.tasks(split);
    }

    @Override
    public Episode reset(Task task, long seed) {
        return base.reset(task, seed);
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        return expert ? base.demonstration(task) : Optional.empty();
    }

    @Override
    public ObservationSimilarity observationSimilarity() {
        return similarity;
    }
}
