/**
 * Plugin loading: a PF4J plugin manager over the plugins directory (zips, jars, expanded folders)
 * plus the extensions found on the application classpath; failures are recorded by file name and
 * the remaining plugins still load.
 */
package dev.kaizen.core.plugin;
