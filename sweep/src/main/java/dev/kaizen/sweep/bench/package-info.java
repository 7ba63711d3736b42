/** {@code kaizen bench distributed}: what the spark backend costs against the local engine. */
package dev.kaizen.sweep.bench;
