/**
 * The component registry: every factory found by kind and name, with the plugin it came from;
 * benchmarks and dataset formats by name.
 */
package dev.kaizen.core.registry;
