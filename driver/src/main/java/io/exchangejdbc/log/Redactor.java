package io.exchangejdbc.log;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masking of secrets in text before it reaches a log, an exception message or any other place a
 * person may read: bearer tokens and {@code Authorization} headers, OAuth parameters in form bodies
 * and URLs ({@code client_secret=}, {@code code=}, {@code refresh_token=}, ...), token fields in
 * JSON ({@code "access_token": "..."}), anything shaped like a JSON Web Token, and the literal
 * values the connection registered as secret (its password, client secret, access token, custom
 * header values).
 *
 * <p>Immutable and thread-safe. A redacted value is replaced by {@value #MASK}; the name it was
 * attached to is kept so that the reader still sees which field was there.
 *
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow">
 *     OAuth 2.0 client credentials flow (the parameters it hides)</a>
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** A redactor that knows no literal secrets, only the patterns. */
    public static final Redactor PATTERNS_ONLY = new Redactor(List.of());

    /** Fields whose values are credentials wherever they appear. */
    private static final String SECRET_FIELDS = "client_secret|client_assertion|code_verifier"
            + "|refresh_token|access_token|id_token|assertion|password|passwd|pwd"
            + "|api[-_]?key";

    /**
     * Parameters of forms and URLs whose values are credentials: the fields above plus the
     * authorization {@code code}, the signature of pre-signed URLs and the token of upload
     * session URLs. Not applied to JSON, where
     * {@code "code"} is the error code of every Graph error body.
     */
    private static final String SECRET_PARAMETERS = SECRET_FIELDS + "|code|sig|signature"
            + "|authtoken";

    /**
     * {@code name=value} in a query string or form body. The look-behind keeps {@code errorcode=}
     * from being taken for {@code code=}.
     */
    private static final Pattern FORM_PARAMETER = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(" + SECRET_PARAMETERS + ")=([^&\\s\"'<>;,]*)",
            Pattern.CASE_INSENSITIVE);

    /** {@code "name": "value"} in JSON, the value with its escapes. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            // possessive: an alternation repeated per character would recurse once per
            // character and overflow the stack on a long value
            "(\"(?:" + SECRET_FIELDS + ")\"\\s*:\\s*)\"(?:[^\"\\\\]++|\\\\.)*+\"",
            Pattern.CASE_INSENSITIVE);

    /**
     * The credentials after an authentication scheme, in a header line or in prose. Credentials
     * contain a digit or a symbol, which keeps prose such as "Basic authentication" readable.
     */
    private static final Pattern SCHEME_CREDENTIALS = Pattern.compile(
            "\\b(Bearer|Basic|Digest|NTLM|Negotiate|PoP)\\s+"
                    + "((?=[A-Za-z0-9\\-._~+/=]*[0-9\\-._~+/=])[A-Za-z0-9\\-._~+/=]{8,})",
            Pattern.CASE_INSENSITIVE);

    /** {@code Authorization: ...} header lines, whatever the scheme. */
    private static final Pattern AUTHORIZATION_LINE = Pattern.compile(
            "((?:Proxy-)?Authorization\\s*[:=]\\s*)([^\\r\\n]*)", Pattern.CASE_INSENSITIVE);

    /** A JSON Web Token (three base64url parts, the first two JSON objects). */
    private static final Pattern JWT = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    /** Headers whose value is a credential or a session. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization",
            "proxy-authorization", "cookie", "set-cookie", "x-ms-client-secret");

    /** Literal secrets, longest first so that a secret containing another is masked whole. */
    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * A redactor that also masks each of the given literal values wherever it appears (as is and
     * percent-encoded). Null and blank values are ignored.
     */
    public static Redactor of(Collection<String> secretValues) {
        requireNonNull(secretValues, "secretValues");
        Set<String> all = new LinkedHashSet<>();
        for (String s : secretValues) {
            if (s == null || s.isBlank()) {
                continue;
            }
            all.add(s);
            String trimmed = s.strip();
            all.add(trimmed);
            all.add(URLEncoder.encode(trimmed, StandardCharsets.UTF_8));
            all.add(URLEncoder.encode(trimmed, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(sorted));
    }

    /** This redactor plus more literal secrets. */
    public Redactor withSecrets(Collection<String> more) {
        requireNonNull(more, "more");
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /** Whether a header's value is a credential by the header's name alone. */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(requireNonNull(name, "name").toLowerCase(Locale.ROOT));
    }

    /**
     * The value of a header, safe to print: credentials headers keep only their scheme
     * ({@code Bearer ****}); other values go through {@link #redact(String)}.
     */
    public String header(String name, String value) {
        if (value == null) {
            return null;
        }
        String lower = requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
        }
        if (SECRET_HEADERS.contains(lower)) {
            return MASK;
        }
        return redact(value);
    }

    /**
     * The text with every secret this redactor knows masked: literal secrets, authorization
     * headers, scheme credentials, OAuth parameters in forms and URLs, token fields in JSON and
     * JSON Web Tokens. Null stays null.
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = replaceGroup(AUTHORIZATION_LINE, out, 2, Redactor::maskCredentials);
        out = replaceGroup(SCHEME_CREDENTIALS, out, 2, v -> MASK);
        out = replaceGroup(FORM_PARAMETER, out, 2, v -> v.isEmpty() ? v : MASK);
        out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "\"" + MASK + "\""));
        out = JWT.matcher(out).replaceAll(MASK);
        return out;
    }

    /** {@code Bearer abc} becomes {@code Bearer ****}; a bare value becomes {@code ****}. */
    private static String maskCredentials(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equals(MASK)) {
            return value;
        }
        int space = v.indexOf(' ');
        return space > 0 ? v.substring(0, space) + " " + MASK : MASK;
    }

    private static String replaceGroup(Pattern pattern, String text, int group,
            java.util.function.UnaryOperator<String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        do {
            sb.append(text, last, m.start(group));
            sb.append(replacement.apply(m.group(group)));
            last = m.end(group);
        } while (m.find());
        sb.append(text, last, text.length());
        return sb.toString();
    }

    /** The number of literal secrets (in all their spellings) this redactor masks. */
    int literalCount() {
        return secrets.size();
    }
}
