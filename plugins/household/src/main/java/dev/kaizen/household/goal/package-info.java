/** What tasks ask: the six task families, goals and how they are checked, and instructions. */
package dev.kaizen.household.goal;
