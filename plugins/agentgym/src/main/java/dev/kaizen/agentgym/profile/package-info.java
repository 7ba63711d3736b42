/**
 * AgentGym environment profiles: what one family of AgentGym servers (WebShop, ALFWorld, BabyAI, ...)
 * expects on the wire and how its own Python client treats the agent's text, as data. The built-in
 * profiles are YAML resources under {@code agentgym/profiles/}; a user's server gets a YAML file of
 * the same shape ({@link dev.kaizen.agentgym.profile.Profiles}).
 */
package dev.kaizen.agentgym.profile;
