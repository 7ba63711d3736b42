/** Critics: score candidate actions for a context (AgentQ's AI feedback). */
package dev.kaizen.api.critic;
