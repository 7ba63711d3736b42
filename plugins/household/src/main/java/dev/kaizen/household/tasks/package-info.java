/** The splits: what {@code unseen} holds out, and how the tasks of each split are drawn and checked. */
package dev.kaizen.household.tasks;
