/** The expert that demonstrates each task by searching where things usually are. */
package dev.kaizen.household.expert;
