package io.exchangejdbc.http.onprem;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.http.net.ProxySettings;
import io.exchangejdbc.http.net.ServerTrust;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What an {@link OnPremTransport} needs from the connection: the sign-in scheme and credentials,
 * the Kerberos settings for Negotiate, the server trust, the proxy and the request options.
 *
 * @param scheme      {@code Basic}, {@code Digest}, {@code NTLM}, {@code Negotiate} or
 *                    {@code None}
 * @param credentials user and password; null only with {@code None} or a Kerberos keytab or
 *                    ticket cache
 * @param kerberos    the Kerberos settings (used by Negotiate)
 * @param trust       the server certificates trusted
 * @param proxy       the proxy
 * @param timeout     connect and read timeout; zero for none
 * @param userAgent   the {@code User-Agent} header
 * @param customHeaders headers sent with every request
 */
public record OnPremSettings(String scheme, Credentials credentials, KerberosSettings kerberos,
        ServerTrust trust, ProxySettings proxy, Duration timeout, String userAgent,
        Map<String, String> customHeaders) {

    public OnPremSettings {
        requireNonNull(scheme, "scheme");
        requireNonNull(kerberos, "kerberos");
        requireNonNull(trust, "trust");
        requireNonNull(proxy, "proxy");
        requireNonNull(timeout, "timeout");
        requireNonNull(userAgent, "userAgent");
        customHeaders = Map.copyOf(customHeaders);
    }

    /**
     * The settings of a connection.
     *
     * @throws SQLException 28000 when the scheme needs User and it is missing; 08001 for a bad
     *                      SSLServerCert; 0A000 for a scheme not spoken on premises
     */
    public static OnPremSettings from(ExchangeConfig config) throws SQLException {
        String scheme = config.authScheme();
        String norm = scheme.toLowerCase(Locale.ROOT);
        if (!norm.equals("basic") && !norm.equals("digest") && !norm.equals("ntlm")
                && !norm.equals("negotiate") && !norm.equals("none")) {
            throw new SQLException("AuthScheme=" + scheme + " is not spoken by on-premises"
                    + " Exchange; use Basic, Digest, NTLM or Negotiate.", "0A000");
        }
        KerberosSettings kerberos = KerberosSettings.from(config);
        String user = config.get(ExchangeProperty.USER);
        Credentials credentials = null;
        if (user != null && !user.isBlank()) {
            credentials = new Credentials(user.strip(), config.get(ExchangeProperty.PASSWORD));
        } else if (!norm.equals("none") && !(norm.equals("negotiate") && kerberos.hasOwnSource())) {
            throw new SQLException("AuthScheme=" + scheme + " needs User (and Password). Set"
                    + " them in the connection string or as DriverManager.getConnection's user"
                    + " and password.", "28000");
        }
        TransportOptions options = TransportOptions.from(config);
        return new OnPremSettings(scheme, credentials, kerberos,
                ServerTrust.of(config.get(ExchangeProperty.SSL_SERVER_CERT)),
                ProxySettings.from(config), options.timeout(), options.userAgent(),
                options.customHeaders());
    }

    /** Settings for a scheme and user with no proxy, the JVM's trust and a timeout; for tools. */
    public static OnPremSettings of(String scheme, String user, String password,
            ServerTrust trust, Duration timeout) {
        return new OnPremSettings(scheme, user == null ? null : new Credentials(user, password),
                KerberosSettings.none(), trust, ProxySettings.none(), timeout,
                TransportOptions.userAgent(ExchangeConfig.DRIVER_VERSION), Map.of());
    }

    /** The same settings with another proxy. */
    public OnPremSettings withProxy(ProxySettings p) {
        return new OnPremSettings(scheme, credentials, kerberos, trust, p, timeout, userAgent,
                customHeaders);
    }

    /** The same settings with other Kerberos settings. */
    public OnPremSettings withKerberos(KerberosSettings k) {
        return new OnPremSettings(scheme, credentials, k, trust, proxy, timeout, userAgent,
                customHeaders);
    }

    /** The service principal for Negotiate at {@code server}: KerberosSPN, else HTTP/host. */
    public String servicePrincipal(URI server) {
        return kerberos.spn() != null ? kerberos.spn() : "HTTP/" + server.getHost();
    }
}
