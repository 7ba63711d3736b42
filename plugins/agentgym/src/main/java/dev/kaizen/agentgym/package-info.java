/**
 * The {@code agentgym} environment: episodes served over HTTP by AgentGym environment servers,
 * spoken to as a {@link dev.kaizen.agentgym.profile.Profile profile} of the server's family says
 * (requests and answers, valid actions, clean-up of the agent's text, success rule, instructions),
 * with a bounded pool of server instances reused through their reset request.
 */
package dev.kaizen.agentgym;
