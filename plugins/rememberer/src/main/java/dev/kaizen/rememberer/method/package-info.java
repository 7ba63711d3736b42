/**
 * Method {@code rememberer}: a behaviour-cloned policy, frozen, plus an experience memory that
 * learns from training epochs and advises the policy at evaluation.
 */
package dev.kaizen.rememberer.method;
