/**
 * Plugin loading: a PF4J plugin manager over the plugins directory (zips, jars, expanded folders)
 * plus the extensions found on the application classpath. Each plugin has its own class loader
 * that sees, of the host, only the shared packages (kaizen-api, pf4j, jackson-annotations,
 * slf4j-api) and otherwise its own classes and {@code lib/}; a plugin is checked before it starts
 * (its classes link, its index and Plugin-Class exist). Failures are recorded with the file, the
 * plugin id and what to do, and the remaining plugins still load.
 */
package dev.kaizen.core.plugin;
