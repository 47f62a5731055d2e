package io.exchangejdbc.http.onprem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Digest (RFC 7616) with MD5, SHA-256 and their {@code -sess} forms, {@code qop=auth}, a nonce
 * count per nonce and a fresh client nonce per request. When the server offers several
 * algorithms, SHA-256 is preferred. A nonce the server calls stale ({@code stale=true}) is
 * replaced by the new one and the request repeated, once; any other refusal means the
 * credentials are wrong.
 *
 * <p>Once challenged, later requests answer ahead with the last nonce and the next nonce count,
 * saving a round trip.
 */
final class DigestScheme implements AuthScheme {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credentials credentials;
    private State state;

    /** What the last challenge said, and how many times its nonce was used. */
    private record State(String realm, String nonce, String opaque, String algorithm, boolean qop,
            boolean userhash, int count) {
    }

    DigestScheme(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "Digest";
    }

    @Override
    public String user() {
        return credentials.user();
    }

    @Override
    public synchronized String ahead(String method, String requestUri) {
        return state == null ? null : authorization(method, requestUri);
    }

    @Override
    public Attempt begin(String method, String requestUri) {
        return new Attempt() {
            private int answers;

            @Override
            public String answer(List<Challenge> challenges, boolean sentAhead)
                    throws java.sql.SQLException {
                Challenge best = best(challenges);
                if (best == null) {
                    return null;
                }
                boolean stale = "true".equalsIgnoreCase(best.param("stale"));
                if ((answers > 0 || sentAhead) && !stale) {
                    return null;
                }
                if (answers >= 3) {
                    return null;
                }
                answers++;
                synchronized (DigestScheme.this) {
                    String qop = best.param("qop");
                    boolean auth = qop != null && List.of(qop.toLowerCase(Locale.ROOT)
                            .split("\\s*,\\s*")).contains("auth");
                    if (qop != null && !auth) {
                        throw new java.sql.SQLException("The server asks for Digest with qop="
                                + qop + ", which the driver does not support (only qop=auth).",
                                "28000");
                    }
                    state = new State(best.param("realm"), best.param("nonce"),
                            best.param("opaque"), algorithm(best), auth,
                            "true".equalsIgnoreCase(best.param("userhash")), 0);
                    return authorization(method, requestUri);
                }
            }
        };
    }

    /** The strongest Digest challenge offered that the driver can answer, or null. */
    private static Challenge best(List<Challenge> challenges) {
        Challenge md5 = null;
        for (Challenge c : challenges) {
            if (c.param("nonce") == null) {
                continue;
            }
            String alg = algorithm(c);
            if (alg.startsWith("SHA-256")) {
                return c;
            }
            if (alg.startsWith("MD5") && md5 == null) {
                md5 = c;
            }
        }
        return md5;
    }

    private static String algorithm(Challenge c) {
        String a = c.param("algorithm");
        return a == null ? "MD5" : a.toUpperCase(Locale.ROOT);
    }

    private String authorization(String method, String uri) {
        State s = state;
        int nc = s.count() + 1;
        state = new State(s.realm(), s.nonce(), s.opaque(), s.algorithm(), s.qop(),
                s.userhash(), nc);
        String realm = s.realm() == null ? "" : s.realm();
        String hashName = s.algorithm().startsWith("SHA-256") ? "SHA-256" : "MD5";
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String cnonce = HexFormat.of().formatHex(random);
        String ncHex = String.format(Locale.ROOT, "%08x", nc);
        String response = response(s.algorithm(), credentials.user(), realm,
                credentials.password(), s.nonce(), ncHex, cnonce, s.qop(), method, uri);
        String username = s.userhash() ? hash(hashName, credentials.user() + ":" + realm)
                : credentials.user();
        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=").append(quote(username))
                .append(", realm=").append(quote(realm))
                .append(", nonce=").append(quote(s.nonce()))
                .append(", uri=").append(quote(uri))
                .append(", algorithm=").append(s.algorithm())
                .append(", response=").append(quote(response));
        if (s.qop()) {
            sb.append(", qop=auth, nc=").append(ncHex).append(", cnonce=").append(quote(cnonce));
        }
        if (s.opaque() != null) {
            sb.append(", opaque=").append(quote(s.opaque()));
        }
        if (s.userhash()) {
            sb.append(", userhash=true");
        }
        return sb.toString();
    }

    /**
     * The {@code response} parameter (RFC 7616 section 3.4.1) for {@code algorithm} (MD5,
     * SHA-256, or their -sess forms, upper case).
     */
    static String response(String algorithm, String user, String realm, String password,
            String nonce, String ncHex, String cnonce, boolean qop, String method, String uri) {
        String hashName = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(hashName, user + ":" + realm + ":" + password);
        if (algorithm.endsWith("-SESS")) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        return qop
                ? hash(hashName, ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + ha2);
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }

    private static String quote(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
