/**
 * The Kaizen service-provider interfaces: the small, stable surface that plugins implement and use.
 *
 * <p>Every kind of part follows one pattern: a runtime interface ({@code Xxx}), a factory
 * ({@code XxxFactory}, a PF4J {@link org.pf4j.ExtensionPoint} with {@code name()},
 * {@code configType()} and {@code create(config, context)}) and a Jackson config base type
 * ({@code XxxConfig}, polymorphic on its {@code "type"} property). The host registers each
 * factory's config class under the factory's name, so a name is written in exactly one place.
 *
 * <p>Packages: {@link dev.kaizen.api.env environments}, {@link dev.kaizen.api.trajectory trajectories
 * and preference pairs}, {@link dev.kaizen.api.policy policies}, {@link dev.kaizen.api.critic critics},
 * {@link dev.kaizen.api.search search algorithms}, {@link dev.kaizen.api.reward reward models},
 * {@link dev.kaizen.api.optimizer optimisers}, {@link dev.kaizen.api.memory experience memories},
 * {@link dev.kaizen.api.method training methods}, {@link dev.kaizen.api.rollout the rollout service}
 * {@link dev.kaizen.api.bench benchmarks} and
 * {@link dev.kaizen.api.export dataset formats}.
 */
package dev.kaizen.api;
