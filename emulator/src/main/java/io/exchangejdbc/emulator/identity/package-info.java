/**
 * The Microsoft Entra ID front: the OAuth 2.0 token endpoint, the discovery documents that MSAL
 * reads, and the issuing and verification of the emulator's access tokens.
 */
package io.exchangejdbc.emulator.identity;
