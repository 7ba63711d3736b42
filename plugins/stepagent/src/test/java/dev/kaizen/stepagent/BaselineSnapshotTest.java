package dev.kaizen.stepagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSnapshotTest {

    @TempDir
    Path directory;

    @Test
    void restoresTheBaselineIntoTheLivePolicyAlsoAfterACheckpointRoundTrip() throws Exception {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        AgentContext context = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow()
                .contextAt(3);
        List<AgentContext> contexts = List.of(context, context);
        List<Action> actions = List.of(Action.of("click[submit]"), Action.of("click[+1]"));
        TabularPolicy policy = new TabularPolicy(0.0);
        policy.adjust(context, Action.of("click[submit]"), 2.0);
        double[] atBaseline = policy.logProbabilities(contexts, actions);

        BaselineSnapshot snapshot = new BaselineSnapshot(policy.frozenCopy());
        snapshot.take(policy);
        policy.adjust(context, Action.of("click[+1]"), 5.0); // later training moves the live policy
        assertThat(policy.logProbabilities(contexts, actions)).isNotEqualTo(atBaseline);

        Path saved = Files.createDirectories(directory.resolve("saved"));
        snapshot.save(saved);
        BaselineSnapshot resumed = new BaselineSnapshot(new TabularPolicy(0.0));
        resumed.load(saved);
        resumed.restoreInto(policy, directory.resolve("scratch"));

        assertThat(policy.logProbabilities(contexts, actions)).containsExactly(atBaseline);
        try (var left = Files.list(directory.resolve("scratch"))) {
            assertThat(left).isEmpty();
        }
    }
}
