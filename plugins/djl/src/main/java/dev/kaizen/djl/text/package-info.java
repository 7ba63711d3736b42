/**
 * Text handling for the scorer, trained from scratch (nothing is downloaded): tokenising, stemming,
 * stable feature hashing, character-trigram fingerprints, number and price extraction, and the
 * span queries the policy proposes for free-text templates such as {@code search[{}]}.
 */
package dev.kaizen.djl.text;
