/**
 * Helpers for core's tests: the command line with captured streams, recipes and synthetic run
 * directories in temporary folders.
 */
package dev.kaizen.core.testing;
