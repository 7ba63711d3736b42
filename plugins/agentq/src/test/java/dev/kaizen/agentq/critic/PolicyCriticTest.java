package dev.kaizen.agentq.critic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.agentq.testing.ScriptedPolicy;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.testing.TabularPolicyFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCriticTest {

    private static final Action PLUS = Action.of("click[+1]");
    private static final Action MINUS = Action.of("click[-1]");
    private static final Action SUBMIT = Action.of("click[submit]");

    @TempDir
    Path dir;

    private static AgentContext start() {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        try (Episode episode = environment.reset(environment.tasks(Split.TRAIN).get(0), 0)) {
            return AgentContext.start(episode.task(), episode.observation());
        }
    }

    @Test
    void ranksBecomeScoresOneMinusRankOverKMinusOne() {
        int[] ranks = CriticScores.ranks(new double[] {-1.2, -0.3, -2.0, -0.3});
        assertThat(ranks).containsExactly(2, 0, 3, 1);   // equal scores keep their order
        assertThat(CriticScores.fromRanks(ranks)).containsExactly(1 - 2 / 3.0, 1.0, 0.0, 1 - 1 / 3.0);
        assertThat(CriticScores.fromRanks(new int[] {0})).containsExactly(1.0);
        assertThat(CriticScores.ranks(new double[] {Double.NaN, -5})).containsExactly(1, 0);
    }

    @Test
    void probabilityScoresRenormaliseOverTheCandidates() {
        double[] p = CriticScores.normalisedProbabilities(new double[] {Math.log(0.1), Math.log(0.3)});
        assertThat(p[0]).isCloseTo(0.25, within(1e-12));
        assertThat(p[1]).isCloseTo(0.75, within(1e-12));
        assertThat(CriticScores.normalisedProbabilities(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}))
                .containsExactly(0.5, 0.5);
    }

    @Test
    void ranksByTheLogProbabilitiesOfATrainablePolicy() {
        AgentContext context = start();
        TabularPolicy policy = new TabularPolicy(0.0);
        policy.adjust(context, SUBMIT, 2.0);
        policy.adjust(context, MINUS, 1.0);
        Critic critic = PolicyCritic.of(policy, PolicyCriticConfig.RANK);
        List<double[]> scores = critic.score(List.of(context, context),
                List.of(List.of(PLUS, MINUS, SUBMIT), List.of(PLUS)));
        assertThat(scores.get(0)).containsExactly(0.0, 0.5, 1.0);
        assertThat(scores.get(1)).containsExactly(1.0);

        // probabilities: softmax of logits (0, 1, 2) over the three candidates
        double z = 1 + Math.E + Math.E * Math.E;
        double[] probabilities = PolicyCritic.of(policy, PolicyCriticConfig.PROBABILITY)
                .score(List.of(context), List.of(List.of(PLUS, MINUS, SUBMIT))).get(0);
        assertThat(probabilities[0]).isCloseTo(1 / z, within(1e-12));
        assertThat(probabilities[2]).isCloseTo(Math.E * Math.E / z, within(1e-12));
    }

    @Test
    void ranksByProposalOrderForPoliciesWithoutScores() {
        // proposes the observation's actions in order (+1, -1, submit) without log-probabilities
        Policy noScores = new Policy() {
            @Override
            public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
                return new ScriptedPolicy(SUBMIT).decide(contexts, sampling).stream()
                        .map(d -> new Decision(d.candidates().stream()
                                .map(c -> new dev.kaizen.api.policy.Candidate(c.action(), Double.NaN)).toList()))
                        .toList();
            }
        };
        AgentContext context = start();
        double[] scores = PolicyCritic.of(noScores, PolicyCriticConfig.RANK).score(List.of(context),
                List.of(List.of(SUBMIT, Action.of("enter[3]"), PLUS))).get(0);
        // proposed: +1 first, submit third; enter[3] never proposed
        assertThat(scores).containsExactly(0.5, 0.0, 1.0);
    }

    @Test
    void withoutAPolicyItMustBeBoundBySearch() {
        Critic unbound = new PolicyCriticFactory().create(new PolicyCriticConfig(), new FakeComponentContext(1, dir));
        assertThatThrownBy(() -> unbound.score(List.of(start()), List.of(List.of(PLUS))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'policy-critic' has no policy").hasMessageContaining("set 'policy'");
        TabularPolicy policy = new TabularPolicy(0.0);
        Critic bound = ((SearchPolicyCritic) unbound).bind(policy);
        assertThat(bound.score(List.of(start()), List.of(List.of(PLUS, MINUS))).get(0)).containsExactly(1.0, 0.0);
    }

    @Test
    void aConfiguredPolicyIsBuiltByNameKeptWhenBoundAndClosed() {
        FakeComponentContext context = new FakeComponentContext(1, dir).register(new TabularPolicyFactory(),
                new PolicyCriticFactory());
        CriticConfig config = context.config(CriticConfig.class, Map.of("type", "policy-critic",
                "policy", Map.of("type", "tabular"), "scoring", "probability"));
        assertThat(config).isEqualTo(new PolicyCriticConfig(new dev.kaizen.api.testing.TabularPolicyConfig(0.0),
                "probability"));
        try (Critic critic = context.create(config)) {
            assertThat(((SearchPolicyCritic) critic).bind(new ScriptedPolicy(SUBMIT))).isSameAs(critic);
            assertThat(critic.score(List.of(start()), List.of(List.of(PLUS, MINUS))).get(0)).containsExactly(0.5, 0.5);
        }
    }

    @Test
    void badScoringIsRejectedWithTheAllowedValues() {
        FakeComponentContext context = new FakeComponentContext(1, dir).register(new PolicyCriticFactory());
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "policy-critic", "scoring", "ranked")))
                .hasMessageContaining("scoring must be one of [rank, probability], got 'ranked'");
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "policy-critic", "temperature", 1)))
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> PolicyCritic.of(new TabularPolicy(0.0), PolicyCriticConfig.RANK)
                .score(List.of(start()), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }
}
