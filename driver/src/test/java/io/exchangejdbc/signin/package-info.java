/** End-to-end sign-in flows of the driver against the emulator's identity endpoints. */
package io.exchangejdbc.signin;
