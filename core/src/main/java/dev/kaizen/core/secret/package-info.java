/**
 * Secrets: which config fields hold one (marked {@link dev.kaizen.api.Secret}, or named like one),
 * and the values seen so far, masked in every line the host prints or logs.
 */
package dev.kaizen.core.secret;
