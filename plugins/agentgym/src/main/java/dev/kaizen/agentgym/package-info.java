/**
 * The {@code agentgym} environment: episodes served over HTTP by AgentGym environment servers
 * (WebShop, ALFWorld, BabyAI, SciWorld, TextCraft, ...), in both of their protocols: {@code id}
 * ({@code /create}, {@code /reset {id, data_idx}}, {@code /step {id, action}}, {@code /observation?id=},
 * {@code /close}) and {@code env-idx} (WebShop's server: {@code env_idx}, {@code session_id},
 * {@code /available_actions}).
 */
package dev.kaizen.agentgym;
