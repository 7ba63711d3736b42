/**
 * The neural policy on DJL (PyTorch engine) and the parts that train it: policy {@code djl-scorer},
 * optimisers {@code bc}, {@code dpo} and {@code ppo}, reward models {@code discriminator} and
 * {@code implicit}, and the {@code policy} benchmark.
 *
 * <p>Sub-packages by concern: {@link dev.kaizen.djl.engine} (loading the engine inside a plugin),
 * {@link dev.kaizen.djl.text} (tokens, stems, hashing, fillers written with instruction tokens),
 * {@link dev.kaizen.djl.policy} (the scorer network, its features and checkpoints),
 * {@link dev.kaizen.djl.training} (gradient steps and minibatches shared by every trainer),
 * {@link dev.kaizen.djl.config} (config field checks), {@link dev.kaizen.djl.optimizer},
 * {@link dev.kaizen.djl.reward} and {@link dev.kaizen.djl.bench}. DJL and its native library are
 * used by this plugin only; other plugins reach these parts by name through the api.
 */
package dev.kaizen.djl;
