/** Evaluation: success rate, mean reward and the Wilson 95% interval per stage, split and search. */
package dev.kaizen.core.evaluation;
