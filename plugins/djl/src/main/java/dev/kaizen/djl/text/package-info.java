/**
 * Text handling for the scorer, trained from scratch (nothing is downloaded): tokenising
 * ({@link dev.kaizen.djl.text.TokenSpans}), stemming ({@link dev.kaizen.djl.text.Stemmer}), stable
 * feature hashing ({@link dev.kaizen.djl.text.TextHash}), character-trigram fingerprints, number and
 * price extraction, all gathered in a {@link dev.kaizen.djl.text.TextProfile}; sets of hashes as
 * sorted arrays ({@link dev.kaizen.djl.text.SortedSets}); bounded caches of what recurs
 * ({@link dev.kaizen.djl.text.BoundedCache}); and free-text fillers written with an instruction's own
 * tokens, for templates such as {@code search[{}]} ({@link dev.kaizen.djl.text.QueryTokens}).
 */
package dev.kaizen.djl.text;
