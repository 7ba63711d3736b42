/**
 * Kaizen's host: loads plugins, builds parts from recipes, runs training methods in resumable
 * stages, evaluates, and writes run directories; {@link dev.kaizen.core.cli.Kaizen} is the command
 * line. Plugins never see this module, only {@code kaizen-api}.
 */
package dev.kaizen.core;
