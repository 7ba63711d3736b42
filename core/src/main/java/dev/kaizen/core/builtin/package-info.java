/**
 * Core's own parts, registered as classpath extensions (shown as plugin {@code core}): search
 * {@code greedy} and {@code sample}, critic {@code none}, reward model {@code environment}, and
 * methods {@code evaluate} and {@code bc}.
 */
package dev.kaizen.core.builtin;
