package dev.kaizen.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.ErrorCounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageValidationTest {

    @Test
    void theKeptStageIsTheBestOnValidationAndALaterStageMustBeatAnEarlierOne() {
        assertThat(StageValidation.kept(List.of(v("baseline", 0.50, 0.7), v("iter-1", 0.62, 0.8),
                v("final", 0.58, 0.9))).stage()).isEqualTo("iter-1");
        assertThat(StageValidation.kept(List.of(v("baseline", 0.60, 0.8), v("final", 0.60, 0.8))).stage())
                .as("a tie keeps the earlier stage").isEqualTo("baseline");
        assertThat(StageValidation.kept(List.of(v("baseline", 0.60, 0.8), v("final", 0.60, 0.85))).stage())
                .as("equal success: the higher mean reward").isEqualTo("final");
        assertThat(StageValidation.kept(List.of())).isNull();
    }

    @Test
    void validationTasksAreTheLastTrainTasksAndTheMethodNeverSeesThem() {
        TrainingView view = TrainingView.carve(new Tasks(2000), 300);
        assertThat(view.validationTasks()).hasSize(300);
        assertThat(view.tasks(Split.TRAIN)).hasSize(1700);
        assertThat(view.validationTasks().get(0).id()).isEqualTo("train-1700");
        Set<Task> overlap = new HashSet<>(view.tasks(Split.TRAIN));
        overlap.retainAll(view.validationTasks());
        assertThat(overlap).isEmpty();
        assertThat(view.tasks(Split.UNSEEN)).isEqualTo(new Tasks(2000).tasks(Split.UNSEEN));
    }

    @Test
    void aSmallTrainSplitLendsAtMostAQuarterAndNoneCanBeAsked() {
        assertThat(TrainingView.carve(new Tasks(20), 300).validationTasks()).hasSize(5);
        assertThat(TrainingView.carve(new Tasks(3), 300).validationTasks()).isEmpty();
        TrainingView none = TrainingView.carve(new Tasks(2000), 0);
        assertThat(none.validationTasks()).isEmpty();
        assertThat(none.tasks(Split.TRAIN)).hasSize(2000);
        assertThatThrownBy(() -> TrainingView.carve(new Tasks(20), -1))
                .hasMessageContaining("evaluation.validation must be >= 0");
    }

    @Test
    void theViewPassesOnTheEnvironmentsLimitOnOpenEpisodes() {
        assertThat(TrainingView.carve(new Tasks(20), 5).maxOpenEpisodes()).isEmpty();
        assertThat(TrainingView.carve(new Limited(20, 3), 5).maxOpenEpisodes()).hasValue(3);
    }

    private static StageValidation v(String stage, double success, double reward) {
        return new StageValidation(stage, 300, success, reward, List.of(success - 0.05, success + 0.05),
                ErrorCounts.NONE);
    }

    /** {@link Tasks} that allows at most {@code limit} open episodes. */
    private record Limited(int train, int limit) implements Environment {
        @Override
        public List<Task> tasks(Split split) {
            return new Tasks(train).tasks(split);
        }

        @Override
        public Episode reset(Task task, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OptionalInt maxOpenEpisodes() {
            return OptionalInt.of(limit);
        }
    }

    /** An environment of {@code train} train tasks and ten of each test split. */
    private record Tasks(int train) implements Environment {
        @Override
        public List<Task> tasks(Split split) {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < (split == Split.TRAIN ? train : 10); i++) {
                tasks.add(new Task(split.id() + "-" + i, split, "task " + i));
            }
            return tasks;
        }

        @Override
        public Episode reset(Task task, long seed) {
            throw new UnsupportedOperationException();
        }
    }
}
