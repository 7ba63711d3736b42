/**
 * Training methods: a method's outer loop (AgentQ, ETO, StepAgent, Rememberer, ...), run in
 * resumable stages with the parts the recipe names.
 */
package dev.kaizen.api.method;
