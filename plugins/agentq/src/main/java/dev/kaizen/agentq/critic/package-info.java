/**
 * The {@code policy-critic}: ranks proposed actions by a policy's scores and turns ranks into
 * critic scores {@code Q̂ = 1 − rank/(K−1)}.
 */
package dev.kaizen.agentq.critic;
