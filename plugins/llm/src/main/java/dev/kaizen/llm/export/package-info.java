/**
 * Dataset formats for {@code kaizen export} and the {@code trl} optimiser: a run's trajectories and
 * preference pairs as the files TRL, LLaMA-Factory, OpenRLHF, ETO's trainer and AgentGym's trainer
 * read unchanged. Contexts are rendered with the {@code llm} policy's ReAct prompt, so a model trained
 * on them meets the same prompts at inference. Agent actions are the trained turns; observations are
 * user turns, inside a trained continuation only where the format masks them (loss flags, assistant-only
 * loss, ETO's multi-turn masking).
 */
package dev.kaizen.llm.export;
