/**
 * The emulator's public face: {@link io.exchangejdbc.emulator.Emulator}, an in-memory Exchange
 * Online served over loopback HTTP, and {@link io.exchangejdbc.emulator.EmulatorMain}, which runs
 * it on its own.
 */
package io.exchangejdbc.emulator;
