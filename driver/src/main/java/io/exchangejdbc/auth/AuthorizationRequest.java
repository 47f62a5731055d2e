package io.exchangejdbc.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of one authorization request of a desktop sign-in: the {@code state} that ties the
 * redirect to this request and the PKCE code verifier whose S256 challenge goes in the URL.
 *
 * @param state        a random value the redirect must carry back unchanged
 * @param codeVerifier the PKCE verifier, sent only with the code redemption
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636">RFC 7636: Proof Key for Code
 *     Exchange</a>
 */
record AuthorizationRequest(String state, String codeVerifier) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A request with a fresh state and verifier. */
    static AuthorizationRequest create() {
        return new AuthorizationRequest(random(24), random(48));
    }

    /** The S256 challenge of the verifier. */
    String codeChallenge() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "authorization request";
    }
}
