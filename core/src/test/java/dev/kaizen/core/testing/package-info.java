/** Helpers for core's tests: the command line with captured streams, recipes in temporary folders. */
package dev.kaizen.core.testing;
