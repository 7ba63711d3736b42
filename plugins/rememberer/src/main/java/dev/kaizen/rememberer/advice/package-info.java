/**
 * The advice decorator: a policy that retrieves the most similar records of an experience memory
 * for every context, attaches them as {@link dev.kaizen.api.policy.Advice}, and delegates to the
 * wrapped policy, whose weights it never changes.
 */
package dev.kaizen.rememberer.advice;
