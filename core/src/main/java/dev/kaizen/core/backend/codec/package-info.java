/** The exact binary form in which pieces of work and their results travel between driver and executors. */
package dev.kaizen.core.backend.codec;
