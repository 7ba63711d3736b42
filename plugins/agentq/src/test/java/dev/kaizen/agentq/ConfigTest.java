package dev.kaizen.agentq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.agentq.critic.PolicyCriticConfig;
import dev.kaizen.agentq.critic.PolicyCriticFactory;
import dev.kaizen.agentq.mcts.MctsConfig;
import dev.kaizen.agentq.mcts.MctsFactory;
import dev.kaizen.agentq.method.AgentQConfig;
import dev.kaizen.agentq.method.AgentQFactory;
import dev.kaizen.agentq.testing.OrderCritic;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularBcOptimizerFactory;
import dev.kaizen.api.testing.TabularPolicyFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds every part from sample configs as a recipe would, and rejects bad ones with clear messages. */
class ConfigTest {

    @TempDir
    Path dir;

    private FakeComponentContext context() {
        return new FakeComponentContext(3, dir).register(new CounterEnvironmentFactory(), new TabularPolicyFactory(),
                new TabularBcOptimizerFactory(), new MctsFactory(), new PolicyCriticFactory(), new AgentQFactory());
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }

    @Test
    void defaultsAreFilledIn() {
        assertThat(context().config(SearchAlgorithmConfig.class, Map.of("type", "mcts"))).isEqualTo(new MctsConfig());
        MctsConfig mcts = new MctsConfig();
        assertThat(mcts.simulations()).isEqualTo(8);
        assertThat(mcts.proposals()).isEqualTo(5);
        assertThat(mcts.cExp()).isEqualTo(1.0);
        assertThat(mcts.commit()).isEqualTo("visits");
        AgentQConfig agentq = (AgentQConfig) context().config(TrainingMethodConfig.class, Map.of("type", "agentq"));
        assertThat(agentq.alpha()).isEqualTo(0.5);
        assertThat(agentq.theta()).isEqualTo(0.1);
        assertThat(agentq.iterations()).isEqualTo(2);
        assertThat(agentq.search()).isEqualTo(new MctsConfig());
        assertThat(agentq.critic()).isEqualTo(new PolicyCriticConfig());
        assertThat(agentq.inferenceSearch()).isEqualTo(new MctsConfig());
        assertThat(agentq.searchBaseline()).isTrue();
        assertThat(agentq.pairing()).isEqualTo("all");
    }

    @Test
    void sampleConfigsBuildPartsThatRunOnTheTestEnvironment() {
        FakeComponentContext context = context();
        Environment environment = context.create(context.config(EnvironmentConfig.class, Map.of("type", "test")));
        Policy policy = context.create(context.config(PolicyConfig.class, Map.of("type", "tabular")));
        SearchAlgorithm search = context.create(context.config(SearchAlgorithmConfig.class, Map.of("type", "mcts",
                "simulations", 4, "proposals", 3, "commit", "value", "maxDepth", 6)));
        try (Critic critic = context.create(context.config(CriticConfig.class, Map.of("type", "policy-critic")))) {
            List<SearchResult> results = search.search(new SearchProblem(environment,
                    environment.tasks(Split.SEEN), policy, critic, 9, "sample"));
            assertThat(results).hasSize(10).allSatisfy(r -> {
                assertThat(r.trajectory().error()).isNull();
                assertThat(r.nodes()).isNotEmpty();
                assertThat(r.explored()).contains(r.trajectory());
            });
        }
    }

    @Test
    void badMctsFieldsNameTheFieldAndWhatIsAllowed() {
        FakeComponentContext context = context();
        Map<String, Object> base = Map.of("type", "mcts");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "simulations", 0)))
                .hasMessageContaining("simulations must be >= 1, got 0");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "proposals", -2)))
                .hasMessageContaining("proposals must be >= 1, got -2");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "cExp", -1.0)))
                .hasMessageContaining("cExp must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "expansionTemperature", "NaN")))
                .hasMessageContaining("expansionTemperature");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "commit", "best")))
                .hasMessageContaining("commit must be one of [visits, value], got 'best'");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "maxDepth", 0)))
                .hasMessageContaining("maxDepth must be >= 1");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "maxSeconds", -5.0)))
                .hasMessageContaining("maxSeconds");
        assertThatThrownBy(() -> context.config(SearchAlgorithmConfig.class, with(base, "simulation", 3)))
                .hasMessageContaining("simulation");
    }

    @Test
    void badAgentQFieldsNameTheFieldAndWhatIsAllowed() {
        FakeComponentContext context = context();
        Map<String, Object> base = Map.of("type", "agentq");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "alpha", 1.5)))
                .hasMessageContaining("method.alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "theta", -0.1)))
                .hasMessageContaining("method.theta must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "iterations", 0)))
                .hasMessageContaining("method.iterations must be >= 1, got 0");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "tasksPerIteration", 0)))
                .hasMessageContaining("method.tasksPerIteration must be >= 1, got 0");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "demonstrations", -1)))
                .hasMessageContaining("method.demonstrations must be >= 0");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "minVisits", 0)))
                .hasMessageContaining("method.minVisits must be >= 1");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "checkpoint", " ")))
                .hasMessageContaining("method.checkpoint must name a checkpoint directory");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "schedule",
                Map.of("beta", List.of()))))
                .hasMessageContaining("method.schedule.beta must list at least one value");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "pairing", "top")))
                .hasMessageContaining("method.pairing must be one of [all, best], got 'top'");
        assertThatThrownBy(() -> context.config(TrainingMethodConfig.class, with(base, "search",
                Map.of("type", "mcts", "commit", "first"))))
                .hasMessageContaining("commit must be one of");
    }

    @Test
    void aCriticThatBreaksItsContractIsReportedByName() {
        FakeComponentContext context = context();
        Environment environment = context.create(context.config(EnvironmentConfig.class, Map.of("type", "test")));
        Policy policy = context.create(context.config(PolicyConfig.class, Map.of("type", "tabular")));
        SearchAlgorithm search = context.create(new MctsConfig());
        Critic outOfRange = (contexts, candidates) -> candidates.stream().map(c -> {
            double[] scores = new double[c.size()];
            java.util.Arrays.fill(scores, 2.0);
            return scores;
        }).toList();
        assertThatThrownBy(() -> search.search(new SearchProblem(environment, environment.tasks(Split.SEEN), policy,
                outOfRange, 1, "bad")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned the score 2.0")
                .hasMessageContaining("[0, 1]");
        Critic tooFew = (contexts, candidates) -> List.of();
        assertThatThrownBy(() -> search.search(new SearchProblem(environment, environment.tasks(Split.SEEN), policy,
                tooFew, 1, "bad")))
                .hasMessageContaining("returned 0 score lists for 10 contexts");
        // a well-behaved critic is fine
        assertThat(search.search(new SearchProblem(environment, environment.tasks(Split.SEEN).subList(0, 1), policy,
                new OrderCritic(), 1, "good"))).hasSize(1);
    }
}
