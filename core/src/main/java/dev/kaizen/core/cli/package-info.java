/**
 * The {@code kaizen} command line (picocli): {@code run}, {@code eval}, {@code components},
 * {@code plugins}, {@code bench}, {@code play}, {@code export}, {@code compare}; and the Guice wiring of the host
 * services they share. Exit codes: 0 ok, 1 run failure, 2 bad input.
 */
package dev.kaizen.core.cli;
