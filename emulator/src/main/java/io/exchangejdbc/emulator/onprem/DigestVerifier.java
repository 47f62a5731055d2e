package io.exchangejdbc.emulator.onprem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digest (RFC 7616) as a server checks it: nonces of its own, each with the highest nonce count
 * seen (a count that does not grow is a replay), {@code qop=auth} required, the {@code uri}
 * parameter matched with the request, MD5 and SHA-256 (and their {@code -sess} forms). A right
 * answer with an unknown or expired nonce is stale: the client is sent a new nonce with
 * {@code stale=true}.
 */
final class DigestVerifier {

    /** The user when the answer is right; stale when it is right but the nonce is not. */
    record Result(String user, boolean stale) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final String realm;
    private final String opaque;
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    DigestVerifier(Accounts accounts, String realm) {
        this.accounts = accounts;
        this.realm = realm;
        this.opaque = random();
    }

    void expireAll() {
        nonces.clear();
    }

    String challenge(String algorithm, boolean stale) {
        String nonce = random();
        nonces.put(nonce, 0L);
        return "Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=" + algorithm
                + ", nonce=\"" + nonce + "\", opaque=\"" + opaque + "\""
                + (stale ? ", stale=true" : "");
    }

    Result verify(String params, String method, String requestUri, Set<AuthMethod> offered) {
        Map<String, String> p = parse(params);
        String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        String hash = algorithm.startsWith("SHA-256") ? "SHA-256"
                : algorithm.startsWith("MD5") ? "MD5" : null;
        if (hash == null || hash.equals("MD5") && !offered.contains(AuthMethod.DIGEST_MD5)
                || hash.equals("SHA-256") && !offered.contains(AuthMethod.DIGEST_SHA256)) {
            return new Result(null, false);
        }
        String user = p.get("username");
        String nonce = p.get("nonce");
        String nc = p.get("nc");
        String cnonce = p.get("cnonce");
        String response = p.get("response");
        if (user == null || nonce == null || response == null || !"auth".equals(p.get("qop"))
                || nc == null || cnonce == null || !requestUri.equals(p.get("uri"))
                || !realm.equals(p.get("realm"))) {
            return new Result(null, false);
        }
        Accounts.Account account = accounts.find(user);
        if (account == null) {
            return new Result(null, false);
        }
        String ha1 = hex(hash, user + ":" + realm + ":" + account.password());
        if (algorithm.endsWith("-SESS")) {
            ha1 = hex(hash, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hex(hash, method + ":" + p.get("uri"));
        String expected = hex(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Result(null, false);
        }
        long count;
        try {
            count = Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return new Result(null, false);
        }
        boolean[] fresh = {false};
        nonces.computeIfPresent(nonce, (k, last) -> {
            if (count > last) {
                fresh[0] = true;
                return count;
            }
            return last;
        });
        if (!nonces.containsKey(nonce)) {
            return new Result(null, true);
        }
        return fresh[0] ? new Result(account.name(), false) : new Result(null, false);
    }

    private static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of a Digest header: {@code name=value} or {@code name="value"}, commas. */
    static Map<String, String> parse(String s) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || s.charAt(i) == ' ')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    v.append(s.charAt(i++));
                }
            }
            out.put(name, v.toString().strip());
        }
        return out;
    }
}
