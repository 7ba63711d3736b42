/** The host's batched rollout engine, offered to parts through the component context. */
package dev.kaizen.api.rollout;
