/**
 * Test fixtures for everyone's tests, shipped as kaizen-api's test-jar: a tiny deterministic
 * environment ({@code test}), a trainable tabular policy ({@code tabular}), an optimiser for it
 * ({@code tabular-bc}), a sequential rollout engine and fake host contexts.
 */
package dev.kaizen.api.testing;
