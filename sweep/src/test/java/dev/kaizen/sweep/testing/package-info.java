/** Parts for the sweep module's tests. */
package dev.kaizen.sweep.testing;
