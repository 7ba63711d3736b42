package dev.kaizen.stepagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularBcOptimizerFactory;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.stepagent.fakes.FakeBcConfig;
import dev.kaizen.stepagent.fakes.FakeBcFactory;
import dev.kaizen.stepagent.fakes.FakeDiscriminatorConfig;
import dev.kaizen.stepagent.fakes.FakeDiscriminatorFactory;
import dev.kaizen.stepagent.fakes.FakeDpoConfig;
import dev.kaizen.stepagent.fakes.FakeDpoFactory;
import dev.kaizen.stepagent.fakes.FakeExternalFactory;
import dev.kaizen.stepagent.fakes.FakePpoConfig;
import dev.kaizen.stepagent.fakes.FakePpoFactory;
import dev.kaizen.stepagent.fakes.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the method from recipe-like configs and runs it on the {@code test} environment. */
class StepAgentFactoryTest {

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Recorder recorder = new Recorder();

    private FakeMethodContext context(Policy policy) {
        FakeMethodContext context = new FakeMethodContext(3, runDirectory, environment, policy);
        context.register(new StepAgentFactory(), new TabularBcOptimizerFactory(), new FakeDpoFactory(recorder),
                new FakePpoFactory(recorder), new FakeDiscriminatorFactory(recorder));
        return context;
    }

    private static TrainingMethod build(FakeComponentContext context, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("type", "stepagent");
        return new StepAgentFactory().create(
                (StepAgentConfig) context.config(TrainingMethodConfig.class, all), context);
    }

    @Test
    void inspectionTasksAtTheDemonstrationsInspectOnlyThoseAsInThePaper() throws Exception {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        build(context, Map.of("reflection", "implicit", "demonstrations", 5, "warmup", Map.of("type", "tabular-bc"),
                "iterations", 1, "inspection", Map.of("batchSize", 4, "tasks", 5))).run(context);
        assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("stepagent-inspection")).singleElement()
                .satisfies(m -> assertThat(m.fields().get("prefixes")).isEqualTo(20));
        assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("stepagent-inspected")).singleElement()
                .satisfies(m -> assertThat(m.fields().get("beyondDemonstrations")).isEqualTo(0));
    }

    @Test
    void implicitRunsWarmUpThenInspectionAndStepDpoPerIterationWithTheBetaSchedule() throws Exception {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        TrainingMethod method = build(context, Map.of(
                "reflection", "implicit",
                "demonstrations", 5,
                "warmup", Map.of("type", "tabular-bc"),
                "iterations", 2,
                "inspection", Map.of("temperature", 1.0, "batchSize", 4),
                "optimizerSchedule", List.of(Map.of(), Map.of("beta", 0.5))));

        method.run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(context.evaluations()).extracting(EvaluationResult::stage)
                .containsExactly("baseline", "baseline", "iter-1", "iter-1", "final", "final");
        assertThat(context.trajectories().get("demonstrations")).hasSize(5);
        // default optimizer of the implicit variant is dpo; iteration 2 gets beta 0.5 from the schedule
        assertThat(recorder.built).containsExactly(new FakeDpoConfig(0.1, 1.0), new FakeDpoConfig(0.5, 1.0));
        assertThat(recorder.fits).isEmpty();
        assertThat(recorder.trainings).allSatisfy(training -> {
            assertThat(training.batch().trajectories()).isEmpty();
            assertThat(training.batch().pairs()).isNotEmpty()
                    .allMatch(pair -> pair.level() == PairLevel.STEP);
        });
        // aggregation (the default): iteration 2 trains on the pairs of both inspections, oldest first
        List<PreferencePair> both = new java.util.ArrayList<>(context.pairs().get("iter-1"));
        both.addAll(context.pairs().get("final"));
        assertThat(recorder.trainings.get(0).batch().pairs()).isEqualTo(context.pairs().get("iter-1"));
        assertThat(recorder.trainings.get(1).batch().pairs()).isEqualTo(both);
        assertThat(context.persisted()).containsKey("stepagent-disagreements");
        var inspections = context.recordedMetrics().stream().filter(m -> m.event().equals("stepagent-inspection"))
                .toList();
        assertThat(inspections).hasSize(2);
        Map<String, ?> first = inspections.get(0).fields();
        assertThat(first.get("stage")).isEqualTo("iter-1");
        // the 5 demonstrations' 20 prefixes and those of the other 15 training tasks' expert trajectories
        assertThat(first.get("prefixes")).isEqualTo(80);
        assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("stepagent-inspected")).singleElement()
                .satisfies(m -> {
                    assertThat(m.fields().get("expertTrajectories")).isEqualTo(20);
                    assertThat(m.fields().get("beyondDemonstrations")).isEqualTo(15);
                });
        assertThat((double) first.get("prefixesPerSecond")).isPositive();
        assertThat(context.recordedMetrics()).anyMatch(m -> m.event().equals("stepagent-warmup")
                && m.fields().get("demonstrations").equals(5));
        assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("stepagent-reflection")).hasSize(2);
    }

    @Test
    void withoutAggregationEachIterationTrainsOnItsOwnPairsOnly() throws Exception {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        build(context, Map.of("demonstrations", 5, "warmup", Map.of("type", "tabular-bc"), "iterations", 2,
                "aggregate", false, "inspection", Map.of("temperature", 1.0))).run(context);

        assertThat(recorder.trainings).hasSize(2);
        assertThat(recorder.trainings.get(0).batch().pairs()).isEqualTo(context.pairs().get("iter-1"));
        assertThat(recorder.trainings.get(1).batch().pairs()).isEqualTo(context.pairs().get("final"));
        assertThat(context.persisted()).doesNotContainKey("stepagent-disagreements");
    }

    @Test
    void restartTrainsEveryIterationFromTheBaselineOnAllPairsSoFar() throws Exception {
        for (boolean restart : List.of(true, false)) {
            Recorder fresh = new Recorder();
            FakeMethodContext context = new FakeMethodContext(3, runDirectory, environment, new TabularPolicy(0.0));
            context.register(new StepAgentFactory(), new TabularBcOptimizerFactory(), new FakeDpoFactory(fresh));
            build(context, Map.of("demonstrations", 5, "warmup", Map.of("type", "tabular-bc"), "iterations", 3,
                    "restart", restart, "inspection", Map.of("temperature", 2.0))).run(context);

            assertThat(fresh.trainings).hasSize(3);
            List<PreferencePair> all = fresh.trainings.get(2).batch().pairs();
            var contexts = all.stream().map(PreferencePair::context).toList();
            var actions = all.stream().map(p -> p.rejected().get(0).action()).toList();
            double[] first = fresh.trainings.get(0).start().logProbabilities(contexts, actions);
            double[] third = fresh.trainings.get(2).start().logProbabilities(contexts, actions);
            if (restart) {
                assertThat(third).containsExactly(first);
                assertThat(context.persisted()).containsKey("stepagent-baseline");
            } else {
                assertThat(third).isNotEqualTo(first);
                assertThat(context.persisted()).doesNotContainKey("stepagent-baseline");
            }
            // the inspections use the latest policy either way: they differ from one iteration to the next
            assertThat(context.pairs().get("iter-2")).isNotEqualTo(context.pairs().get("iter-1"));
        }
    }

    @Test
    void inverseFitsTheDiscriminatorAndTrainsPpoOnRolloutsInsteadOfDpo() throws Exception {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        TrainingMethod method = build(context, Map.of(
                "reflection", "inverse",
                "demonstrations", 5,
                "warmup", Map.of("type", "tabular-bc"),
                "iterations", 2,
                "exploration", Map.of("samples", 2)));

        method.run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(recorder.built).containsExactly(new FakeDiscriminatorConfig(0.25), new FakePpoConfig(1.0),
                new FakeDiscriminatorConfig(0.25), new FakePpoConfig(1.0));
        assertThat(recorder.fits).hasSize(2);
        assertThat(recorder.fits.get(0).pairs()).isEqualTo(context.pairs().get("iter-1"));
        assertThat(recorder.fits.get(1).pairs()).hasSize(context.pairs().get("iter-1").size()
                + context.pairs().get("final").size());
        assertThat(recorder.trainings).hasSize(2).allSatisfy(training -> {
            assertThat(training.batch().pairs()).isEmpty();
            // exploration.tasks defaults to the number of demonstrations: 5 tasks x 2 samples
            assertThat(training.batch().trajectories()).hasSize(10);
        });
        assertThat(context.trajectories()).containsKeys("iter-1-explore", "iter-1-relabelled", "final-explore");
    }

    @Test
    void theVariantIsSwitchedByConfigAlone() throws Exception {
        for (String variant : List.of("implicit", "inverse")) {
            Recorder fresh = new Recorder();
            FakeMethodContext context = new FakeMethodContext(3, runDirectory, environment, new TabularPolicy(0.0));
            context.register(new StepAgentFactory(), new TabularBcOptimizerFactory(), new FakeDpoFactory(fresh),
                    new FakePpoFactory(fresh), new FakeDiscriminatorFactory(fresh));
            build(context, Map.of("reflection", variant, "demonstrations", 3, "iterations", 1,
                    "warmup", Map.of("type", "tabular-bc"))).run(context);

            boolean inverse = variant.equals("inverse");
            assertThat(fresh.built).extracting(c -> c.getClass().getSimpleName()).containsExactlyElementsOf(inverse
                    ? List.of("FakeDiscriminatorConfig", "FakePpoConfig") : List.of("FakeDpoConfig"));
            assertThat(fresh.fits).hasSize(inverse ? 1 : 0);
            assertThat(context.stages()).containsExactly("baseline", "final");
        }
    }

    @Test
    void inspectionPairsTeachAnUntrainedPolicyToSubmitOnSeenTasks() throws Exception {
        // Start from an untrained checkpoint: greedy, it clicks +1 until out of steps and never succeeds.
        // Inspection finds exactly where it disagrees with the expert (submitting at the target), and
        // one round of reflection on those pairs fixes it.
        Path checkpoint = Files.createDirectories(runDirectory.resolve("untrained"));
        new TabularPolicy(0.0).save(checkpoint);
        FakeMethodContext context = context(new TabularPolicy(0.0));
        build(context, Map.of("demonstrations", 20, "checkpoint", checkpoint.toString(), "iterations", 1,
                "inspection", Map.of("temperature", 0.0), "optimizer", Map.of("type", "tabular-bc")))
                .run(context);

        Map<String, Double> seen = new LinkedHashMap<>();
        context.evaluations().stream().filter(e -> e.split() == Split.SEEN)
                .forEach(e -> seen.put(e.stage(), e.successRate()));
        assertThat(seen).containsExactly(Map.entry("baseline", 0.0), Map.entry("final", 1.0));
        assertThat(context.pairs().get("final")).hasSize(20);
        assertThat(context.trajectories()).doesNotContainKey("demonstrations");
    }

    @Test
    void sameSeedSameRun() throws Exception {
        List<List<EvaluationResult>> evaluations = new java.util.ArrayList<>();
        List<Object> pairs = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            FakeMethodContext context = context(new TabularPolicy(0.0));
            build(context, Map.of("demonstrations", 10, "warmup", Map.of("type", "tabular-bc"),
                    "inspection", Map.of("temperature", 1.5, "samples", 2),
                    "optimizer", Map.of("type", "tabular-bc", "step", 0.3))).run(context);
            evaluations.add(context.evaluations());
            pairs.add(context.pairs());
        }
        assertThat(evaluations.get(1)).isEqualTo(evaluations.get(0));
        assertThat(pairs.get(1)).isEqualTo(pairs.get(0));
    }

    @Test
    void theInverseVariantAndRestartNeedATrainablePolicyAndSayWhy() {
        Policy fixed = (contexts, sampling) -> contexts.stream().map(c -> new Decision(List.of())).toList();
        FakeMethodContext context = context(fixed);
        TrainingMethod inverse = build(context, Map.of("reflection", "inverse", "warmup", Map.of("type", "tabular-bc")));
        assertThatThrownBy(() -> inverse.run(context))
                .isInstanceOf(IncompatiblePartsException.class)
                .hasMessageContaining("reflection: inverse").hasMessageContaining("not trainable")
                .hasMessageContaining("use reflection: implicit").hasMessageContaining("djl-scorer");
        TrainingMethod restart = build(context, Map.of("restart", true, "warmup", Map.of("type", "tabular-bc")));
        assertThatThrownBy(() -> restart.run(context))
                .isInstanceOf(IncompatiblePartsException.class)
                .hasMessageContaining("restart: true").hasMessageContaining("set restart: false");
        assertThat(context.stages()).isEmpty();

        // declared, so the host refuses such a recipe before anything runs
        StepAgentFactory factory = new StepAgentFactory();
        assertThat(factory.requirements(new StepAgentConfig(Reflection.INVERSE, null, null, null, null, null, null,
                null, null, null, null, null, null))).singleElement()
                .satisfies(r -> assertThat(r.trait()).isEqualTo(Requirement.TRAINABLE));
        assertThat(factory.requirements(new StepAgentConfig(null, null, null, null, null, null, null, true, null,
                null, null, null, null))).singleElement()
                .satisfies(r -> assertThat(r.trait()).isEqualTo(Requirement.TRAINABLE));
        assertThat(factory.requirements(new StepAgentConfig())).isEmpty();
    }

    @Test
    void theImplicitVariantRunsAPolicyThatOnlyDecidesWithAnExternalTrainer() throws Exception {
        // a served model: it decides, it cannot be scored or copied; its trainer takes the data and any policy
        Policy served = (contexts, sampling) -> contexts.stream()
                .map(c -> Decision.of(dev.kaizen.api.env.Action.of("click[-1]"), Double.NaN)).toList();
        FakeMethodContext context = context(served);
        FakeExternalFactory external = new FakeExternalFactory();
        context.register(external);
        build(context, Map.of("demonstrations", 5, "warmup", Map.of("type", "external"), "iterations", 2,
                "inspection", Map.of("batchSize", 4, "tasks", 5), "optimizer", Map.of("type", "external")))
                .run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(external.calls).hasSize(3).allSatisfy(call -> assertThat(call.policy()).isSameAs(served));
        assertThat(external.calls.get(0).batch().trajectories()).hasSize(5);
        assertThat(external.calls.get(0).batch().pairs()).isEmpty();
        // every expert step the policy disagreed with became a step pair: expert chosen, the policy's rejected
        List<PreferencePair> pairs = context.pairs().get("iter-1");
        assertThat(pairs).isNotEmpty().allSatisfy(pair -> {
            assertThat(pair.level()).isEqualTo(PairLevel.STEP);
            assertThat(pair.rejected().get(0).action().text()).isEqualTo("click[-1]");
        });
        assertThat(external.calls.get(1).batch().pairs()).isEqualTo(pairs);
        assertThat(external.calls.get(2).batch().pairs()).as("aggregated").hasSize(2 * pairs.size());
    }

    @Test
    void demonstrationsAreCappedByTheTrainingSplitAndTrainedWithTheHostsBcSeed() throws Exception {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        Recorder warmups = new Recorder();
        context.register(new FakeBcFactory(warmups));
        // warmup left out: the default {type: bc}
        build(context, Map.of("demonstrations", 500, "iterations", 1, "optimizer", Map.of("type", "tabular-bc")))
                .run(context);

        assertThat(context.trajectories().get("demonstrations")).hasSize(20);
        assertThat(warmups.built).containsExactly(new FakeBcConfig(1.0));
        assertThat(warmups.trainings).hasSize(1);
        assertThat(warmups.trainings.get(0).batch().seed()).isEqualTo(context.seed("bc/train"));
        assertThat(warmups.trainings.get(0).batch().label()).isEqualTo("bc");
        assertThat(warmups.trainings.get(0).batch().trajectories())
                .isEqualTo(context.trajectories().get("demonstrations"));
    }

    @Test
    void aMissingCheckpointIsReportedWithItsPath() {
        FakeMethodContext context = context(new TabularPolicy(0.0));
        String missing = runDirectory.resolve("nowhere").toString();
        TrainingMethod method = build(context, Map.of("checkpoint", missing));

        assertThatThrownBy(() -> method.run(context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.checkpoint: '" + missing + "' is not a directory");
        assertThat(context.evaluations()).isEmpty();
    }

    @Test
    void aDefaultPartThatIsNotInstalledIsReportedWithTheFieldToSet() {
        FakeMethodContext context = context(new TabularPolicy(0.0));

        assertThatThrownBy(() -> build(context, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("method.warmup is left out and its default {type: bc} is not available")
                .hasMessageContaining("known type ids = [dpo, ppo, tabular-bc]");
    }

    @Test
    void aScheduleEntryThatNamesNoOptimizerFieldFailsWhenTheMethodIsBuilt() {
        FakeMethodContext context = context(new TabularPolicy(0.0));

        assertThatThrownBy(() -> build(context, Map.of("warmup", Map.of("type", "tabular-bc"),
                "optimizerSchedule", List.of(Map.of(), Map.of("betta", 0.5)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.optimizerSchedule[1] does not fit the optimizer")
                .hasMessageContaining("betta");
    }
}
