package io.exchangejdbc.emulator.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Tenant;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The check of a client assertion: a JSON Web Token signed (RS256) with the private key of a
 * certificate registered for the application, naming the certificate by its thumbprint
 * ({@code x5t#S256}, or the older SHA-1 {@code x5t}), issued by and about the application
 * ({@code iss} = {@code sub} = client id), for the tenant's token endpoint ({@code aud}), and
 * within its lifetime.
 *
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/certificate-credentials">Microsoft
 *     identity platform application authentication certificate credentials</a>
 */
final class ClientAssertion {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private ClientAssertion() {
    }

    /**
     * Verifies an assertion.
     *
     * @return null when it passes, else the AADSTS description of why not
     */
    static String verify(String assertion, AppRegistration app, Tenant tenant, Instant now) {
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return "AADSTS50027:Invalid JWT token. The token is malformed.";
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = flat(B64URL.decode(parts[0]));
            claims = flat(B64URL.decode(parts[1]));
            signature = B64URL.decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return "AADSTS50027:Invalid JWT token. The token is malformed.";
        }
        if (!"RS256".equals(header.get("alg")) && !"PS256".equals(header.get("alg"))) {
            return "AADSTS5002738:Invalid JWT token. The signing algorithm is not supported.";
        }
        X509Certificate cert = null;
        for (X509Certificate c : app.certificates()) {
            if (thumbprint(c, "SHA-256").equals(base64Url(header.get("x5t#S256")))
                    || thumbprint(c, "SHA-1").equals(base64Url(header.get("x5t")))) {
                cert = c;
                break;
            }
        }
        if (cert == null) {
            return "AADSTS700027:The certificate with identifier used to sign the client"
                    + " assertion is not registered on application. [Reason - The key was not"
                    + " found.]";
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                return "AADSTS700027:Client assertion failed signature validation.";
            }
        } catch (GeneralSecurityException e) {
            return "AADSTS700027:Client assertion failed signature validation.";
        }
        if (!app.clientId().equals(claims.get("iss")) || !app.clientId().equals(
                claims.get("sub"))) {
            return "AADSTS700021:Client assertion application identifier doesn't match"
                    + " 'client_id' parameter.";
        }
        if (!audienceNamesTenant(claims.get("aud"), tenant)) {
            return "AADSTS700024:Client assertion audience claim does not match Realm issuer.";
        }
        long t = now.getEpochSecond();
        Object exp = claims.get("exp");
        Object nbf = claims.get("nbf");
        if (!(exp instanceof Long e) || t >= e || (nbf instanceof Long n && t + 300 < n)) {
            return "AADSTS700024:Client assertion is not within its valid time range.";
        }
        return null;
    }

    private static boolean audienceNamesTenant(Object aud, Tenant tenant) {
        if (!(aud instanceof String s)) {
            return false;
        }
        try {
            String path = URI.create(s).getPath();
            String[] seg = path == null ? new String[0] : path.split("/");
            return seg.length >= 3 && tenant.isNamedBy(seg[1])
                    && (path.endsWith("/oauth2/v2.0/token") || path.endsWith("/oauth2/token"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A thumbprint header in base64url without padding. msal4j writes the thumbprints in plain
     * base64 (with {@code +}, {@code /} and {@code =}), which Entra accepts as well.
     */
    private static String base64Url(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        String url = s.replace('+', '-').replace('/', '_');
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        return url.substring(0, end);
    }

    /** The base64url SHA thumbprint of a certificate, as the JOSE headers carry it. */
    static String thumbprint(X509Certificate cert, String algorithm) {
        try {
            byte[] d = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level string and number members of a JSON object. */
    private static Map<String, Object> flat(byte[] json) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }
}
