/**
 * The {@code llm-critic}: AgentQ's AI feedback. A chat model ranks candidate actions (best of K,
 * remove it, ask again; or one full ranking) and ranks become scores {@code 1 − rank/(K−1)}.
 */
package dev.kaizen.llm.critic;
