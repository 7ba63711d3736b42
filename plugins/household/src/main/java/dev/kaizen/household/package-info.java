/**
 * The household: an embedded ALFWorld-like text world, registered as environment
 * {@code household}. See {@link dev.kaizen.household.HouseholdEnvironment} and
 * {@link dev.kaizen.household.HouseholdConfig}.
 */
package dev.kaizen.household;
