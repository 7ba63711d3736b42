package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.eto.testing.GreedySearchFactory;
import dev.kaizen.eto.testing.InvertedRewardFactory;
import dev.kaizen.eto.testing.NoCriticFactory;
import dev.kaizen.eto.testing.RecordingBcFactory;
import dev.kaizen.eto.testing.SampleSearchFactory;
import dev.kaizen.eto.testing.TabularDpoFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * A method run on the counter test environment with the tabular policy: every part the methods
 * name is registered, each recording what it was asked to do.
 */
final class Fixture {

    final SampleSearchFactory sample = new SampleSearchFactory();
    final GreedySearchFactory greedy = new GreedySearchFactory();
    final NoCriticFactory none = new NoCriticFactory();
    final RecordingBcFactory bc = new RecordingBcFactory();
    final TabularDpoFactory dpo = new TabularDpoFactory();
    final InvertedRewardFactory inverted = new InvertedRewardFactory();
    final Environment environment;
    final TabularPolicy policy;
    final FakeMethodContext context;

    Fixture(long seed, Path directory) {
        this(seed, directory, new CounterEnvironment(new CounterEnvironmentConfig(6, 4, 4, 12, null, null, null)),
                new TabularPolicy(0.0));
    }

    Fixture(long seed, Path directory, Environment environment, TabularPolicy policy) {
        this.environment = environment;
        this.policy = policy;
        this.context = new FakeMethodContext(seed, directory, environment, policy);
        context.register(new EtoMethodFactory(), new RftMethodFactory(), new GrpoMethodFactory(), sample, greedy, none, bc, dpo,
                inverted);
    }

    /** The method config read from recipe-like values, as the host reads {@code method:}. */
    TrainingMethodConfig config(Map<String, ?> fields) {
        return context.config(TrainingMethodConfig.class, fields);
    }

    /** Builds the method through its factory, by name, and runs it. */
    void run(Map<String, ?> fields) throws Exception {
        run(config(fields));
    }

    void run(TrainingMethodConfig config) throws Exception {
        TrainingMethod method = context.create(config);
        method.run(context);
    }

    /** The metric events of one name, in order. */
    java.util.List<Map<String, ?>> metrics(String event) {
        return context.recordedMetrics().stream().filter(m -> m.event().equals(event))
                .<Map<String, ?>>map(m -> m.fields()).toList();
    }
}
