/**
 * Access to the DJL engine from inside a PF4J plugin: every DJL call runs through
 * {@link dev.kaizen.djl.engine.DjlRuntime}, which sets the thread's context class loader to the
 * plugin's own so that DJL's {@code ServiceLoader} finds the PyTorch engine packed in the plugin.
 */
package dev.kaizen.djl.engine;
