/**
 * Tests of the driver under the faults the emulator injects: throttling, unavailability, broken
 * connections and bodies, slow answers, cancellation, query timeouts and a concurrent soak.
 */
package io.exchangejdbc.faults;
