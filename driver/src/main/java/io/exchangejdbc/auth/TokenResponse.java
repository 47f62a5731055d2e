package io.exchangejdbc.auth;

/**
 * The tokens a token endpoint returned for a user: access token, refresh token (null when the
 * service sent none) and the access token's lifetime in seconds.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow: successful response</a>
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn) {

    @Override
    public String toString() {
        return "tokens expiring in " + expiresIn + " s"
                + (refreshToken != null ? ", with a refresh token" : "");
    }
}
