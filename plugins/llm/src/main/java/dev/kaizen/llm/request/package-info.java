/**
 * The request path the {@code llm} policy and the {@code llm-critic} share: a batch of agent contexts
 * asked about concurrently, one context's failure kept to that context, and the one repair retry of
 * a reply that could not be used.
 */
package dev.kaizen.llm.request;
