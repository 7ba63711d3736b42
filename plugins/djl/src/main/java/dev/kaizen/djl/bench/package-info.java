/** The {@code policy} benchmark: decisions per second of {@code djl-scorer}, batched and one at a time. */
package dev.kaizen.djl.bench;
