/** Benchmarks of the driver against its peers on the emulator, printed as a table and JSON. */
package io.exchangejdbc.bench;
