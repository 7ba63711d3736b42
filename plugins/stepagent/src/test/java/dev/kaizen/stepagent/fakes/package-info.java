/** Hand-written fake parts (dpo, ppo, discriminator) that record what the method gives them. */
package dev.kaizen.stepagent.fakes;
