package io.exchangejdbc.emulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The compact serialization of JSON Web Tokens signed with HMAC-SHA256 ({@code HS256}):
 * {@code base64url(header).base64url(payload).base64url(signature)}.
 */
final class Jwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwt() {
    }

    /** Signs header and payload (JSON bytes) with the key. */
    static String sign(byte[] header, byte[] payload, byte[] key) {
        String signingInput = ENCODER.encodeToString(header) + "."
                + ENCODER.encodeToString(payload);
        return signingInput + "." + ENCODER.encodeToString(mac(signingInput, key));
    }

    /**
     * Splits a token and checks its signature.
     *
     * @return the header and payload JSON bytes
     * @throws TokenRejectedException if the token is malformed or the signature does not match
     */
    static byte[][] verify(String token, byte[] key) throws TokenRejectedException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejectedException("IDX14100: JWT is not well formed, there are no "
                    + "dots (.) or the wrong number of them.");
        }
        byte[] header;
        byte[] payload;
        byte[] signature;
        try {
            header = DECODER.decode(parts[0]);
            payload = DECODER.decode(parts[1]);
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("IDX14102: Unable to decode the token parts as "
                    + "base64url.");
        }
        byte[] expected = mac(parts[0] + "." + parts[1], key);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new TokenRejectedException("Access token validation failure. Invalid "
                    + "signature.");
        }
        return new byte[][] {header, payload};
    }

    private static byte[] mac(String input, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
