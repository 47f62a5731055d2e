/**
 * The loopback HTTP server shared by all fronts: request dispatch, response streaming, the
 * request log and fault injection.
 */
package io.exchangejdbc.emulator.http;
