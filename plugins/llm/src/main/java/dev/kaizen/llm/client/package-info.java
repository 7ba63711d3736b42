/**
 * A small client for the OpenAI-compatible chat-completions API: blocking HTTP/1.1 on pooled
 * keep-alive connections (Apache HttpClient), bounded concurrency, retries with seeded jitter,
 * per-request timeouts, and fallbacks for servers that refuse or ignore {@code n} and
 * {@code logprobs}. The API key is read from an environment variable and never appears in logs,
 * files or exception messages.
 */
package dev.kaizen.llm.client;
