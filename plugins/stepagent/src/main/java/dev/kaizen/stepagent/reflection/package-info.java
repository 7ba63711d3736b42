/**
 * Reflection: turning the inspection's step pairs into a policy update, implicitly (step-level
 * DPO) or by inverse RL (a fitted reward model relabels the policy's rollouts for PPO).
 */
package dev.kaizen.stepagent.reflection;
