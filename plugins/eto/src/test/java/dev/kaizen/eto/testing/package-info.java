/**
 * Test stand-ins for parts other modules provide by name ({@code sample}, {@code greedy},
 * {@code none}) and a trajectory-level DPO for the tabular test policy that records what it saw.
 */
package dev.kaizen.eto.testing;
