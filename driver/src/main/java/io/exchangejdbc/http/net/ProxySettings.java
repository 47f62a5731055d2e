package io.exchangejdbc.http.net;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy of a connection: {@code ProxyServer} and {@code ProxyPort}, or with
 * {@code ProxyAutoDetect=true} the proxy the JVM's system selector ({@link ProxySelector#getDefault()},
 * which follows {@code http.proxyHost}, {@code https.proxyHost} and, with
 * {@code java.net.useSystemProxies=true}, the operating system) gives; hosts of
 * {@code ProxyExceptions} are reached directly. The proxy's own sign-in is {@code ProxyAuthScheme}
 * with {@code ProxyUser} and {@code ProxyPassword}.
 *
 * <p>Immutable; nothing here changes a JVM-wide setting.
 */
public final class ProxySettings {

    /** How the driver signs in to the proxy. */
    public enum Scheme { NONE, BASIC, DIGEST, NTLM }

    private final String host;
    private final int port;
    private final boolean autoDetect;
    private final Scheme scheme;
    private final String user;
    private final String password;
    private final List<String> exceptions;

    private ProxySettings(String host, int port, boolean autoDetect, Scheme scheme, String user,
            String password, List<String> exceptions) {
        this.host = host;
        this.port = port;
        this.autoDetect = autoDetect;
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.exceptions = List.copyOf(exceptions);
    }

    /** No proxy. */
    public static ProxySettings none() {
        return new ProxySettings(null, 0, false, Scheme.NONE, null, null, List.of());
    }

    /**
     * The proxy settings of a connection.
     *
     * @throws SQLException 0A000 for {@code ProxyAuthScheme=NEGOTIATE}; 08001 when a proxy
     *                      sign-in is asked for without {@code ProxyUser}
     */
    public static ProxySettings from(ExchangeConfig config) throws SQLException {
        String host = config.isSet(ExchangeProperty.PROXY_SERVER)
                ? config.get(ExchangeProperty.PROXY_SERVER).strip() : null;
        int port = config.getInt(ExchangeProperty.PROXY_PORT);
        boolean auto = config.getBoolean(ExchangeProperty.PROXY_AUTO_DETECT);
        String name = config.proxyAuthScheme().toUpperCase(Locale.ROOT);
        if (name.equals("NEGOTIATE")) {
            throw new SQLException("ProxyAuthScheme=NEGOTIATE is not supported by this release;"
                    + " use BASIC, DIGEST, NTLM or NONE.", "0A000");
        }
        Scheme scheme = Scheme.valueOf(name);
        String user = config.get(ExchangeProperty.PROXY_USER);
        if (scheme != Scheme.NONE && (user == null || user.isBlank())) {
            throw new SQLException("ProxyAuthScheme=" + name + " needs ProxyUser (and"
                    + " ProxyPassword); set them, or set ProxyAuthScheme=NONE.", "08001");
        }
        List<String> exceptions = new ArrayList<>();
        String ex = config.get(ExchangeProperty.PROXY_EXCEPTIONS);
        if (ex != null) {
            for (String part : ex.split("[,;]")) {
                if (!part.isBlank()) {
                    exceptions.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ProxySettings(host, port, auto, scheme, user,
                config.get(ExchangeProperty.PROXY_PASSWORD), exceptions);
    }

    /** The proxy sign-in scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** {@code ProxyUser}, or null. */
    public String user() {
        return user;
    }

    /** {@code ProxyPassword}, or null. */
    public String password() {
        return password;
    }

    /** Whether any proxy may be used (a server is set, or auto-detection is on). */
    public boolean enabled() {
        return host != null || autoDetect;
    }

    /** Whether {@code host} is one of {@code ProxyExceptions}. */
    public boolean isException(String targetHost) {
        if (targetHost == null) {
            return false;
        }
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String e : exceptions) {
            if (e.startsWith("*.") ? h.endsWith(e.substring(1)) || h.equals(e.substring(2))
                    : e.startsWith("*") ? h.endsWith(e.substring(1)) : h.equals(e)) {
                return true;
            }
        }
        return false;
    }

    /** The proxy a request to {@code target} goes through, {@link Proxy#NO_PROXY} for none. */
    public Proxy proxyFor(URI target) {
        if (isException(target.getHost())) {
            return Proxy.NO_PROXY;
        }
        if (host != null) {
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        }
        if (autoDetect) {
            ProxySelector system = ProxySelector.getDefault();
            if (system != null) {
                for (Proxy p : system.select(target)) {
                    if (p.type() == Proxy.Type.HTTP) {
                        return p;
                    }
                }
            }
        }
        return Proxy.NO_PROXY;
    }

    /** A selector applying these settings, for the JDK's HTTP client. */
    public ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxyFor(uri));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // Nothing to remember: the next request tries the same proxy.
            }
        };
    }

    /**
     * The {@code Proxy-Authorization} value to send ahead with a request to {@code target}, for
     * the JDK's HTTP client: {@code Basic} with ProxyUser and ProxyPassword when the request goes
     * through a proxy that signs in with BASIC, else null.
     */
    public String basicHeaderFor(URI target) {
        if (scheme != Scheme.BASIC || proxyFor(target).type() != Proxy.Type.HTTP) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return host != null ? "proxy " + host + ":" + port + " (" + scheme + ")"
                : autoDetect ? "system proxy (" + scheme + ")" : "no proxy";
    }
}
