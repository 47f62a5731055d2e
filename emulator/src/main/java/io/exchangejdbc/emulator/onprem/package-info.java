/**
 * On-premises sign-in for the emulator: an authentication gate speaking Basic, Digest (RFC 7616,
 * MD5 and SHA-256), NTLM (NTLMv2 responses checked against the user's password) and Negotiate
 * (SPNEGO with a keytab through the JDK's GSS-API) that can protect any front; a protected test
 * front; and a small forward proxy (HTTP and CONNECT) with its own sign-in.
 */
package io.exchangejdbc.emulator.onprem;
