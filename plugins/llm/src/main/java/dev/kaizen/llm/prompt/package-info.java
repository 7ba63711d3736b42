/**
 * How an agent context becomes a chat conversation (a ReAct prompt) and how a reply becomes an
 * action. The policy, the critic and the dataset formats share this rendering, so that a model
 * trained on exported data sees at inference exactly the prompts it was trained on.
 */
package dev.kaizen.llm.prompt;
