/**
 * Optimisers for the {@code djl-scorer} policy: behaviour cloning ({@code bc}), direct preference
 * optimisation at trajectory and step level ({@code dpo}) and clipped PPO with a value head and GAE
 * ({@code ppo}). Each is a {@link dev.kaizen.djl.optimizer.ScorerOptimizer}: it trains the policy in
 * place with AdamW, draws every shuffle from the
 * {@link dev.kaizen.api.optimizer.TrainingBatch#seed() batch's seed}, and reports per-epoch losses
 * both in its {@link dev.kaizen.api.optimizer.TrainingReport} and as metric events
 * ({@code bc-epoch}, {@code dpo-epoch}, {@code ppo-epoch}). The losses themselves are small static
 * functions ({@link dev.kaizen.djl.optimizer.DpoObjective}, {@link dev.kaizen.djl.optimizer.PpoObjective},
 * {@link dev.kaizen.djl.optimizer.Gae}) tested against hand-computed values.
 */
package dev.kaizen.djl.optimizer;
