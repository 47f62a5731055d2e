package io.exchangejdbc.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.auth.TokenProviders;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.http.onprem.OnPremSettings;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.http.onprem.OnPremWire;
import io.exchangejdbc.log.ConnectionLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A {@link SoapPoster} over the connection's {@link Transport}: its Timeout, retries of
 * read-only requests (ErrorServerBusy is the {@link EwsClient}'s, above the poster), per-mailbox
 * throttle, cancellation and query timeouts, and redacted logging apply to every scheme alike.
 *
 * <p>The schemes of Exchange Server on premises ({@code AuthScheme=Basic}, {@code Digest},
 * {@code NTLM}, {@code Negotiate}) are one path: the transport is made by
 * {@link #transport(ExchangeConfig, ConnectionLog)} over an {@link OnPremWire}, whose
 * {@link OnPremTransport} answers the server's challenges (Basic sent with the first request,
 * Digest MD5 or SHA-256, NTLMv2, SPNEGO with the connection's own Kerberos sign-in) on sockets of
 * the connection's own, through the {@code Proxy*} proxy and with the {@code SSLServerCert}
 * trust. The poster then adds no {@code Authorization} header; a refused password fails once
 * with SQLState 28000 ("Authentication failed for user X with scheme Y"), a scheme the server
 * does not offer with 28000 naming the ones it does. Routing the on-premises schemes under the
 * same {@link Transport} rather than giving them a poster of their own keeps one copy of the
 * request policy. Basic sends the password in every request, so it is only sent over HTTPS or
 * to a loopback address.
 *
 * <p>The online schemes sign each request over the JDK's HTTP client with {@code Bearer} and a
 * token of the connection's {@link TokenProvider} (AzureAD with {@code OAuthAccessToken} or a
 * user sign-in, AzureServicePrincipal, AzureServicePrincipalCert, AzureMSI), renewed once when
 * the server refuses it.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth">
 *     Authenticate an EWS application by using OAuth</a>
 */
public final class TransportSoapPoster implements SoapPoster {

    private final Transport transport;
    private final URI server;
    private final Signer signer;
    private final String defaultMailbox;

    /** How a request is signed. */
    private interface Signer extends AutoCloseable {
        /** The Authorization header value, or null to send none. */
        String authorization() throws SQLException;

        /** Forgets a refused credential; true when a new one may be tried. */
        boolean renew();

        String advice();

        @Override
        void close();
    }

    private TransportSoapPoster(Transport transport, URI server, Signer signer,
            String defaultMailbox) {
        this.transport = requireNonNull(transport, "transport");
        this.server = requireNonNull(server, "server");
        this.signer = requireNonNull(signer, "signer");
        this.defaultMailbox = defaultMailbox;
    }

    /** Whether the configuration signs in with an on-premises scheme. */
    static boolean onPremises(ExchangeConfig config) {
        String scheme = config.authScheme();
        String s = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        return s.equals("basic") || s.equals("digest") || s.equals("ntlm")
                || s.equals("negotiate");
    }

    /**
     * The transport for a configuration's EWS requests: over an {@link OnPremWire} for the
     * on-premises schemes, else over the JDK's HTTP client. Does not touch the network.
     *
     * @throws SQLException 28000 when the scheme needs User and it is missing; 08001 for a bad
     *                      SSLServerCert or proxy setting
     */
    public static Transport transport(ExchangeConfig config, ConnectionLog log)
            throws SQLException {
        // forConnection: SSLServerCert and the Proxy* properties apply to EWS as to Graph
        TransportOptions options = TransportOptions.forConnection(config);
        if (!onPremises(config)) {
            return new Transport(options, log);
        }
        OnPremTransport onPrem = new OnPremTransport(OnPremSettings.from(config), log, true);
        return new Transport(options, log, new OnPremWire(onPrem));
    }

    /**
     * The poster of a configuration: the {@code Server} URL and the {@code AuthScheme}'s
     * credentials. Does not touch the network.
     *
     * @param transport the transport {@link #transport(ExchangeConfig, ConnectionLog)} made
     * @throws SQLException 08001 when Server is missing, Basic would go over plain HTTP to
     *                      another machine; 28000 when User or Password is missing
     */
    public static TransportSoapPoster open(ExchangeConfig config, Transport transport)
            throws SQLException {
        URI server = server(config);
        String scheme = config.authScheme();
        if (onPremises(config)) {
            if (!transport.wireSignsIn()) {
                throw new IllegalArgumentException("AuthScheme=" + scheme + " needs the"
                        + " transport of TransportSoapPoster.transport");
            }
            String user = config.get(ExchangeProperty.USER);
            boolean basic = scheme.strip().equalsIgnoreCase("Basic");
            if (basic && (user == null || user.isBlank()
                    || config.get(ExchangeProperty.PASSWORD) == null)) {
                throw new SQLException("AuthScheme=Basic needs User and Password; set them"
                        + " in the connection string.", "28000");
            }
            if (basic && !"https".equalsIgnoreCase(server.getScheme()) && !isLoopback(server)) {
                throw new SQLException("AuthScheme=Basic would send the password in clear"
                        + " text to " + server.getHost() + ": use an https:// Server URL, or"
                        + " AuthScheme=NTLM, Negotiate or Digest.", "08001");
            }
            return new TransportSoapPoster(transport, server, new WireSigner(scheme),
                    user == null || user.isBlank() ? null : mailboxOf(user.strip()));
        }
        TokenProvider tokens = TokenProviders.create(config, transport);
        return new TransportSoapPoster(transport, server, new BearerSigner(tokens), null);
    }

    private static URI server(ExchangeConfig config) throws SQLException {
        String value = config.get(ExchangeProperty.SERVER);
        if (value == null || value.isBlank()) {
            throw new SQLException("Schema=EWS needs Server, the EWS URL, for example"
                    + " Server=https://mail.contoso.com/EWS/Exchange.asmx.", "08001");
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https")
                    || uri.getScheme().equalsIgnoreCase("http"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("Server='" + value + "' is not an http(s) URL; give the EWS"
                    + " URL, for example https://mail.contoso.com/EWS/Exchange.asmx.", "08001");
        }
    }

    /** The mailbox a user name stands for, for the throttle: DOMAIN\\user is the user. */
    private static String mailboxOf(String user) {
        int backslash = user.indexOf('\\');
        return backslash >= 0 ? user.substring(backslash + 1) : user;
    }

    private static boolean isLoopback(URI uri) {
        try {
            return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The EWS URL posted to. */
    public URI server() {
        return server;
    }

    @Override
    public SoapResponse post(SoapRequest request, QueryControl control) throws SQLException {
        requireNonNull(request, "request");
        for (int attempt = 1; ; attempt++) {
            TransportRequest.Builder b = TransportRequest.post(server, "text/xml; charset=utf-8",
                    request.envelope())
                    .header("SOAPAction", "\"" + request.soapAction() + "\"")
                    .header("Accept", "text/xml")
                    .retrySafe(request.readOnly())
                    .endpointProperty("Server");
            if (request.anchorMailbox() != null) {
                b.header("X-AnchorMailbox", request.anchorMailbox());
            }
            b.mailbox(mailboxKey(request));
            String authorization = signer.authorization();
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            HttpResult result = transport.send(b.build(), transport.newDeadline(), control);
            if (result.status() == 401) {
                result.close();
                if (attempt == 1 && signer.renew()) {
                    continue;
                }
                throw new SQLException("The EWS server " + server.getHost() + " refused the"
                        + " credentials (HTTP 401) for " + request.operation() + ". "
                        + signer.advice(), "28000");
            }
            return new Result(result, request.operation());
        }
    }

    /** The mailbox a request counts against in the transport's per-mailbox scheduler. */
    private String mailboxKey(SoapRequest request) {
        String mailbox = request.anchorMailbox() != null ? request.anchorMailbox()
                : defaultMailbox;
        return mailbox == null ? "me" : mailbox.toLowerCase(Locale.ROOT);
    }

    @Override
    public void holdOff(SoapRequest request, java.time.Duration wait) {
        transport.throttle().quiet(mailboxKey(request), wait);
    }

    @Override
    public void close() {
        signer.close();
    }

    /** An answer of the transport. */
    private static final class Result implements SoapResponse {
        private final HttpResult result;
        private final String operation;

        Result(HttpResult result, String operation) {
            this.result = result;
            this.operation = operation;
        }

        @Override
        public int status() {
            return result.status();
        }

        @Override
        public String header(String name) {
            return result.header(name);
        }

        @Override
        public InputStream body() {
            return result.body();
        }

        @Override
        public String describe() {
            return operation + " at " + result.uri().getHost();
        }

        @Override
        public SQLException readFailure(IOException cause) {
            return result.readFailure(cause);
        }

        @Override
        public void close() {
            result.close();
        }
    }

    /** The on-premises schemes: the wire signs in, the poster adds nothing. */
    private static final class WireSigner implements Signer {
        private final String scheme;

        WireSigner(String scheme) {
            this.scheme = scheme;
        }

        @Override
        public String authorization() {
            return null;
        }

        @Override
        public boolean renew() {
            return false;
        }

        @Override
        public String advice() {
            return "Check User and Password, and that " + scheme + " authentication is enabled"
                    + " for EWS on the server.";
        }

        @Override
        public void close() {
            // the wire holds the credentials and is closed with the transport
        }

        @Override
        public String toString() {
            return scheme;
        }
    }

    private static final class BearerSigner implements Signer {
        private final TokenProvider tokens;

        BearerSigner(TokenProvider tokens) {
            this.tokens = tokens;
        }

        @Override
        public String authorization() throws SQLException {
            String token = tokens.token();
            return token == null ? null : "Bearer " + token;
        }

        @Override
        public boolean renew() {
            if (!tokens.renewable()) {
                return false;
            }
            tokens.invalidate();
            return true;
        }

        @Override
        public String advice() {
            return tokens.rejectionAdvice();
        }

        @Override
        public void close() {
            tokens.close();
        }

        @Override
        public String toString() {
            return tokens.toString();
        }
    }
}
