package io.exchangejdbc.emulator.identity;

/**
 * An access token that failed verification (malformed, not signed by this emulator, expired, for
 * another audience or an unknown tenant); the message says why, in the words Graph uses.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason. */
    public TokenRejectedException(String message) {
        super(message);
    }
}
