package io.exchangejdbc.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.auth.TokenProviders;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Base64;
import java.util.Locale;

/**
 * A {@link SoapPoster} over the connection's {@link Transport} (its timeouts, retries of
 * read-only requests, per-mailbox throttle and redacted logging), signing each request with a
 * preemptive {@code Authorization} header: {@code Basic} with {@code User} and {@code Password},
 * or {@code Bearer} with a token of the connection's {@link TokenProvider} (AzureAD with
 * {@code OAuthAccessToken} or a user sign-in, AzureServicePrincipal, AzureServicePrincipalCert,
 * AzureMSI), renewed once when the server refuses it.
 *
 * <p>Basic sends the password in every request, so it is only sent over HTTPS or to a loopback
 * address.
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

    /**
     * The poster of a configuration: the {@code Server} URL and the {@code AuthScheme}'s
     * credentials. Does not touch the network.
     *
     * @throws SQLException 08001 when Server, User or Password is missing or Basic would go
     *                      over plain HTTP to another machine; 0A000 for a scheme this class
     *                      does not sign with
     */
    public static TransportSoapPoster open(ExchangeConfig config, Transport transport)
            throws SQLException {
        URI server = server(config);
        String scheme = config.authScheme();
        String s = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "basic": {
                String user = config.get(ExchangeProperty.USER);
                String password = config.get(ExchangeProperty.PASSWORD);
                if (user == null || user.isBlank() || password == null) {
                    throw new SQLException("AuthScheme=Basic needs User and Password; set them"
                            + " in the connection string.", "08001");
                }
                if (!"https".equalsIgnoreCase(server.getScheme()) && !isLoopback(server)) {
                    throw new SQLException("AuthScheme=Basic would send the password in clear"
                            + " text to " + server.getHost() + ": use an https:// Server URL.",
                            "08001");
                }
                String token = Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
                return new TransportSoapPoster(transport, server, new BasicSigner(token),
                        user.strip());
            }
            case "digest":
            case "ntlm":
            case "negotiate":
                throw new SQLFeatureNotSupportedException("AuthScheme=" + scheme + " is not"
                        + " supported by this build of the EWS client; use Basic over HTTPS or"
                        + " an OAuth scheme.", "0A000");
            default: {
                TokenProvider tokens = TokenProviders.create(config, transport);
                return new TransportSoapPoster(transport, server, new BearerSigner(tokens),
                        null);
            }
        }
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

    private static final class BasicSigner implements Signer {
        private final String header;

        BasicSigner(String token) {
            this.header = "Basic " + token;
        }

        @Override
        public String authorization() {
            return header;
        }

        @Override
        public boolean renew() {
            return false;
        }

        @Override
        public String advice() {
            return "Check User and Password, and that Basic authentication is enabled for EWS"
                    + " on the server.";
        }

        @Override
        public void close() {
            // nothing held
        }

        @Override
        public String toString() {
            return "Basic";
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
