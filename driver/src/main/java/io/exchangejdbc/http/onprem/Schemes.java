package io.exchangejdbc.http.onprem;

import io.exchangejdbc.http.net.ProxySettings;
import java.sql.SQLException;
import java.util.Locale;

/** Makes the {@link AuthScheme} of a connection's settings, for the server and for the proxy. */
final class Schemes {

    private Schemes() {
    }

    /**
     * The scheme for the server, or null for {@code AuthScheme=None}.
     *
     * @param basicAhead whether Basic sends its credentials with the first request
     */
    static AuthScheme server(OnPremSettings s, boolean basicAhead) throws SQLException {
        switch (s.scheme().toLowerCase(Locale.ROOT)) {
            case "basic":
                return new BasicScheme(s.credentials(), basicAhead);
            case "digest":
                return new DigestScheme(s.credentials());
            case "ntlm":
                return new NtlmScheme(s.credentials(), "NTLM");
            case "negotiate":
                return NegotiateScheme.create(s);
            case "none":
                return null;
            default:
                throw new SQLException("AuthScheme=" + s.scheme() + " is not spoken by"
                        + " on-premises Exchange; use Basic, Digest, NTLM or Negotiate.", "0A000");
        }
    }

    /** The scheme for the proxy, or null when the proxy needs no sign-in. */
    static AuthScheme proxy(ProxySettings p) {
        if (p.scheme() == ProxySettings.Scheme.NONE) {
            return null;
        }
        Credentials c = new Credentials(p.user(), p.password());
        switch (p.scheme()) {
            case BASIC:
                return new BasicScheme(c);
            case DIGEST:
                return new DigestScheme(c);
            case NTLM:
                return new NtlmScheme(c, "NTLM");
            default:
                return null;
        }
    }
}
