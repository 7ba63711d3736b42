/** Experience memories: remembered (task, observation, action, value) records, retrieved by similarity. */
package dev.kaizen.api.memory;
