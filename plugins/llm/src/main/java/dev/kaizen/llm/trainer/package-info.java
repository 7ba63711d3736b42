/**
 * The {@code trl} optimiser: writes an iteration's data in a dataset format, runs a configured
 * external trainer (TRL, LLaMA-Factory, OpenRLHF, ... under accelerate or DeepSpeed), and points the
 * {@code llm} policy at the model it produced; without a configured command it only writes the data.
 */
package dev.kaizen.llm.trainer;
