/**
 * {@code kaizen compare}: reads completed run directories (given directly or found in sweep
 * directories), groups them, and compares the groups across seeds: mean success with its Student-t
 * interval, the pooled Wilson interval, and paired gains over a baseline group with the paired
 * t-test and the Wilcoxon signed-rank test (Apache Commons Statistics). Writes a table,
 * {@code compare.json} and {@code compare.html} with PNG charts.
 */
package dev.kaizen.core.compare;
