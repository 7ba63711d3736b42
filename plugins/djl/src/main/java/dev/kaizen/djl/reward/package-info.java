/**
 * Learned reward models: {@code discriminator} (GAIL-style {@code D(s, a)} that tells expert steps
 * from agent steps, on the same network as the policy, trained separately) and {@code implicit}
 * (the DPO implicit reward {@code β·log π/π_ref} of a policy and its reference).
 */
package dev.kaizen.djl.reward;
