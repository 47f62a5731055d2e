/**
 * Helpers the emulator's tests share: a small HTTP client, a JSON reader and a clock tests can
 * move.
 */
package io.exchangejdbc.emulator.testing;
