/** Hand-written fakes for the agentq tests. */
package dev.kaizen.agentq.testing;
