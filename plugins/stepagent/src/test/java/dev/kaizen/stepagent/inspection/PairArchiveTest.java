package dev.kaizen.stepagent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairArchiveTest {

    @TempDir
    Path directory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).subList(0, 5).stream()
            .map(task -> environment.demonstration(task).orElseThrow()).toList();

    @Test
    void rebuildsExactlyThePairsOfEveryIterationAndSurvivesACheckpoint() throws Exception {
        Inspector inspector = new Inspector(16, Agreement.EXACT);
        InspectionResult first = inspector.inspect(new TabularPolicy(0.0), demonstrations, Sampling.greedy());
        InspectionResult second = inspector.inspect(new TabularPolicy(0.0), demonstrations, new Sampling(1, 1.0, 9L));
        PairArchive archive = new PairArchive();
        archive.add(1, first.disagreements());
        archive.add(2, second.disagreements());

        List<PreferencePair> expected = new ArrayList<>(first.pairs());
        expected.addAll(second.pairs());
        assertThat(archive.pairs(demonstrations)).isEqualTo(expected);
        assertThat(archive.size()).isEqualTo(expected.size());
        assertThat(archive.sizeUpTo(1)).isEqualTo(first.pairs().size());

        archive.save(directory);
        PairArchive loaded = new PairArchive();
        loaded.add(7, first.disagreements()); // replaced by the load
        loaded.load(directory);
        assertThat(loaded.pairs(demonstrations)).isEqualTo(expected);
        assertThat(loaded.sizeUpTo(1)).isEqualTo(first.pairs().size());
    }

    @Test
    void aDisagreementOutsideTheDemonstrationsIsRejected() {
        PairArchive archive = new PairArchive();
        archive.add(1, List.of(new Disagreement(4, 5, Action.of("click[-1]")))); // train-4 has 5 steps: 0..4
        assertThatThrownBy(() -> archive.pairs(demonstrations))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no step 5 in demonstration 4 of 5");
    }

    @Test
    void aDamagedFileIsReportedWithItsLine() throws Exception {
        Files.writeString(directory.resolve("disagreements.jsonl"),
                "{\"iteration\":1,\"demonstration\":0,\"step\":1,\"proposal\":\"click[+1]\"}\n{\"iteration\":1,\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new PairArchive().load(directory))
                .hasMessageContaining("line 2 is not a disagreement");

        Files.writeString(directory.resolve("disagreements.jsonl"),
                "{\"iteration\":0,\"demonstration\":0,\"step\":1,\"proposal\":\"click[+1]\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new PairArchive().load(directory))
                .hasMessageContaining("line 1: needs iteration >= 1");

        Files.writeString(directory.resolve("disagreements.jsonl"),
                "{\"iteration\":1,\"demonstration\":0,\"step\":1,\"proposal\":\"x\",\"extra\":2}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new PairArchive().load(directory))
                .hasMessageContaining("line 1 is not a disagreement");
    }
}
