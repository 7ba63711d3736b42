/**
 * Large language models as Kaizen parts: the {@code llm} policy and the {@code llm-critic} over any
 * OpenAI-compatible chat server (vLLM, llama.cpp server, Ollama, hosted APIs), dataset formats for
 * external trainers ({@code kaizen export}) and the {@code trl} optimiser that runs such a trainer
 * between iterations.
 */
package dev.kaizen.llm;
