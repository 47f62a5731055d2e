package io.exchangejdbc.emulator.onprem;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the credentials of requests to a protected front or to the test proxy, as IIS in front
 * of Exchange does: Basic, Digest (own nonces, nonce counts and {@code qop=auth} checked, a stale
 * nonce answered with {@code stale=true}, MD5 and SHA-256), NTLM (the connection is signed in
 * once an NTLMv2 response matches the user's password) and Negotiate (SPNEGO with a keytab).
 *
 * <p>Thread-safe. The same gate serves the server ({@code WWW-Authenticate}, 401) and a proxy
 * ({@code Proxy-Authenticate}, 407): the caller chooses the headers by {@link #forProxy}.
 */
public final class AuthGate {

    /**
     * What the gate decided.
     *
     * @param user       the account signed in, or null when refused
     * @param scheme     the scheme that signed the user in, or null
     * @param challenges the challenge header values to send when refused (may be empty: a
     *                   refusal without a new challenge for the scheme)
     * @param token      a final Negotiate token to send with the success, or null
     */
    public record Outcome(String user, String scheme, List<String> challenges, String token) {
        /** Whether the request may go on. */
        public boolean allowed() {
            return user != null;
        }
    }

    private final Accounts accounts;
    private final String realm;
    private final boolean forProxy;
    private final DigestVerifier digest;
    private final NtlmVerifier ntlm;
    private final Map<String, String> signedIn = new ConcurrentHashMap<>();
    private final AtomicLong refusals = new AtomicLong();
    private volatile NegotiateAcceptor negotiate;

    /**
     * @param accounts where accounts are found
     * @param realm    the realm named in Basic and Digest challenges
     * @param forProxy whether this gate guards a proxy
     */
    public AuthGate(Accounts accounts, String realm, boolean forProxy) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.realm = requireNonNull(realm, "realm");
        this.forProxy = forProxy;
        this.digest = new DigestVerifier(accounts, realm);
        this.ntlm = new NtlmVerifier(accounts);
    }

    /** Whether this gate guards a proxy (407 and {@code Proxy-*} headers). */
    public boolean forProxy() {
        return forProxy;
    }

    /** The status of a refusal: 401, or 407 for a proxy. */
    public int refusalStatus() {
        return forProxy ? 407 : 401;
    }

    /** The request header carrying credentials. */
    public String credentialsHeader() {
        return forProxy ? "Proxy-Authorization" : "Authorization";
    }

    /** The response header carrying challenges. */
    public String challengeHeader() {
        return forProxy ? "Proxy-Authenticate" : "WWW-Authenticate";
    }

    /** Lets Negotiate accept tickets for the service whose key is in {@code acceptor}. */
    public void negotiate(NegotiateAcceptor acceptor) {
        this.negotiate = acceptor;
    }

    /** Makes every Digest nonce issued so far stale, as a server whose nonces expired does. */
    public void expireNonces() {
        digest.expireAll();
    }

    /** How many requests were refused. */
    public long refusals() {
        return refusals.get();
    }

    /**
     * Checks one request.
     *
     * @param offered       the schemes accepted for this request
     * @param method        the request method
     * @param requestUri    the request target as sent (Digest's {@code uri} must match it)
     * @param authorization the credentials header, or null
     * @param connection    an identity of the TCP connection (NTLM and Negotiate sign in a
     *                      connection), or null when unknown
     */
    public Outcome check(Set<AuthMethod> offered, String method, String requestUri,
            String authorization, String connection) {
        String scheme = authorization == null ? "" : authorization.strip();
        int space = scheme.indexOf(' ');
        String word = space < 0 ? scheme : scheme.substring(0, space);
        String rest = space < 0 ? "" : scheme.substring(space + 1).strip();
        if (authorization == null && connection != null && signedIn.containsKey(connection)) {
            String[] who = signedIn.get(connection).split("\n", 2);
            return new Outcome(who[1], who[0], List.of(), null);
        }
        if (word.equalsIgnoreCase("Basic") && offered.contains(AuthMethod.BASIC)) {
            String user = basic(rest);
            if (user != null) {
                return new Outcome(user, "Basic", List.of(), null);
            }
        } else if (word.equalsIgnoreCase("Digest") && (offered.contains(AuthMethod.DIGEST_MD5)
                || offered.contains(AuthMethod.DIGEST_SHA256))) {
            DigestVerifier.Result r = digest.verify(rest, method, requestUri, offered);
            if (r.user() != null) {
                return new Outcome(r.user(), "Digest", List.of(), null);
            }
            if (r.stale()) {
                refusals.incrementAndGet();
                return new Outcome(null, null, challenges(offered, true), null);
            }
        } else if (word.equalsIgnoreCase("NTLM") && offered.contains(AuthMethod.NTLM)
                && connection != null) {
            signedIn.remove(connection);
            NtlmVerifier.Step step = ntlm.step(connection, rest);
            if (step.challenge() != null) {
                refusals.incrementAndGet();
                return new Outcome(null, null, List.of("NTLM " + step.challenge()), null);
            }
            if (step.user() != null) {
                signedIn.put(connection, "NTLM\n" + step.user());
                return new Outcome(step.user(), "NTLM", List.of(), null);
            }
        } else if (word.equalsIgnoreCase("Negotiate") && offered.contains(AuthMethod.NEGOTIATE)
                && negotiate != null) {
            signedIn.remove(connection == null ? "" : connection);
            NegotiateAcceptor.Result r = negotiate.accept(rest, accounts);
            if (r.user() != null) {
                if (connection != null) {
                    signedIn.put(connection, "Negotiate\n" + r.user());
                }
                return new Outcome(r.user(), "Negotiate", List.of(), r.token());
            }
            if (r.token() != null) {
                refusals.incrementAndGet();
                return new Outcome(null, null, List.of("Negotiate " + r.token()), null);
            }
        }
        refusals.incrementAndGet();
        return new Outcome(null, null, challenges(offered, false), null);
    }

    /** Forgets the sign-in of a connection that closed. */
    public void closed(String connection) {
        signedIn.remove(connection);
        ntlm.forget(connection);
    }

    /** The challenges offering {@code offered}, for a 401 to a request without credentials. */
    public List<String> challenges(Set<AuthMethod> offered) {
        return challenges(offered, false);
    }

    private List<String> challenges(Set<AuthMethod> offered, boolean stale) {
        List<String> out = new ArrayList<>();
        EnumSet<AuthMethod> set = offered.isEmpty() ? EnumSet.noneOf(AuthMethod.class)
                : EnumSet.copyOf(offered);
        if (set.contains(AuthMethod.NEGOTIATE) && negotiate != null) {
            out.add("Negotiate");
        }
        if (set.contains(AuthMethod.NTLM)) {
            out.add("NTLM");
        }
        if (set.contains(AuthMethod.DIGEST_SHA256)) {
            out.add(digest.challenge("SHA-256", stale));
        }
        if (set.contains(AuthMethod.DIGEST_MD5)) {
            out.add(digest.challenge("MD5", stale));
        }
        if (set.contains(AuthMethod.BASIC)) {
            out.add("Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
        return out;
    }

    private String basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        Accounts.Account a = accounts.find(pair.substring(0, colon));
        if (a == null || !MessageDigest.isEqual(a.password().getBytes(StandardCharsets.UTF_8),
                pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return a.name();
    }
}
