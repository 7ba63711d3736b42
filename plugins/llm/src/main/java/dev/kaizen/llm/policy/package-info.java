/** The {@code llm} policy: ReAct prompting of an OpenAI-compatible chat model, one request per context. */
package dev.kaizen.llm.policy;
