package io.exchangejdbc.emulator.identity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's memory of delegated sign-ins: authorization codes waiting to be redeemed (single
 * use, ten minutes, bound to the client, redirect URI and PKCE challenge) and refresh tokens (each
 * used once: redeeming one issues its successor, as Entra rotates them for public clients).
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/refresh-tokens">Refresh
 *     tokens</a>
 */
public final class SignInGrants {

    /** How long an authorization code may be redeemed, as Entra's. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /**
     * Who signed in and what for.
     *
     * @param tenantId the user's tenant
     * @param clientId the application the user signed in to
     * @param userId the user's object id
     * @param scopes the delegated permissions granted, without the resource prefix
     * @param audience the resource the access tokens are for
     */
    public record Grant(String tenantId, String clientId, String userId, Set<String> scopes,
            String audience) {
        /** Copies the scopes. */
        public Grant {
            requireNonNull(tenantId, "tenantId");
            requireNonNull(clientId, "clientId");
            requireNonNull(userId, "userId");
            scopes = Set.copyOf(scopes);
            requireNonNull(audience, "audience");
        }
    }

    /** An authorization code issued by the authorize endpoint. */
    record PendingCode(Grant grant, String redirectUri, String codeChallenge,
            String challengeMethod, Instant expires) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();

    /** Creates an empty memory. */
    public SignInGrants(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Issues an authorization code for a grant. */
    String issueCode(Grant grant, String redirectUri, String codeChallenge,
            String challengeMethod) {
        String code = "0.emu-code." + randomText(48);
        codes.put(code, new PendingCode(grant, redirectUri, codeChallenge, challengeMethod,
                clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /**
     * Takes a code out of the memory: a code can be redeemed once, whether or not the attempt
     * succeeds, as Entra does.
     *
     * @return the pending code, or null when unknown, expired or already used
     */
    PendingCode redeemCode(String code) {
        PendingCode pending = codes.remove(code);
        if (pending == null) {
            return null;
        }
        usedCodes.add(code);
        return clock.instant().isBefore(pending.expires()) ? pending : null;
    }

    /** Tells whether a code was redeemed before (for the error message). */
    boolean wasUsed(String code) {
        return usedCodes.contains(code);
    }

    /** Issues a refresh token for a grant. */
    String issueRefreshToken(Grant grant) {
        String token = "1.emu-rt." + randomText(64);
        refreshTokens.put(token, grant);
        return token;
    }

    /** Takes a refresh token out of the memory; null when unknown, used or revoked. */
    Grant redeemRefreshToken(String token) {
        return refreshTokens.remove(token);
    }

    /** Revokes every refresh token of a user, as a password reset or a sign-out everywhere does. */
    public void revokeRefreshTokens(String userId) {
        refreshTokens.values().removeIf(g -> g.userId().equalsIgnoreCase(userId));
    }

    /** Verifies a PKCE verifier against the challenge the authorize request carried. */
    static boolean pkceMatches(String challenge, String method, String verifier) {
        if (challenge == null) {
            return verifier == null;
        }
        if (verifier == null) {
            return false;
        }
        if (method == null || method.equals("plain")) {
            return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                    verifier.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
