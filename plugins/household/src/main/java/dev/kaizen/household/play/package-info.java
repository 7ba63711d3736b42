/**
 * Playing the household: the rules (valid commands and their effects), the sentences of
 * observations, feedback on invalid actions, episodes with snapshots, and the observation
 * similarity experience memories use.
 */
package dev.kaizen.household.play;
