package dev.kaizen.household;

/** Households for tests, built once per JVM and shared (a household is immutable and thread-safe). */
final class Households {

    private static HouseholdEnvironment small;
    private static HouseholdEnvironment standard;

    private Households() {
    }

    /** A small config: 60 train, 30 seen and 30 unseen tasks. */
    static HouseholdConfig small(long seed) {
        return new HouseholdConfig(seed, 60, 30, 30, null, null, null, null, null, null);
    }

    /** The shared small household (seed 1). */
    static synchronized HouseholdEnvironment small() {
        if (small == null) {
            small = new HouseholdEnvironment(small(1));
        }
        return small;
    }

    /** The shared household of the default config (3000 train, 500 seen, 500 unseen tasks). */
    static synchronized HouseholdEnvironment standard() {
        if (standard == null) {
            standard = new HouseholdEnvironment(new HouseholdConfig());
        }
        return standard;
    }
}
