/**
 * What produced a run, written to its {@code run.json}: the Kaizen build, the JVM, operating system
 * and processor, the plugins with their checksums, and what each part's plugin says its results
 * depend on; one record per process that worked on the run.
 */
package dev.kaizen.core.run.provenance;
