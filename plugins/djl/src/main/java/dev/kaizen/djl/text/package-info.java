/**
 * Text handling for the scorer, trained from scratch (nothing is downloaded): tokenising, stemming,
 * stable feature hashing, character-trigram fingerprints, number and price extraction, and
 * free-text fillers written with an instruction's own tokens (for templates such as
 * {@code search[{}]}).
 */
package dev.kaizen.djl.text;
