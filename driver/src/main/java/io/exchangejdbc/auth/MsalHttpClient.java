package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP client msal4j uses in this driver: it sends msal4j's requests (token requests, instance
 * discovery) through the connection's {@link Transport}, so that {@code Timeout},
 * {@code CustomHeaders}, logging with secrets masked and the {@code LoginUrl} apply to sign-in
 * too.
 *
 * <p>It also maps addresses. msal4j only accepts {@code https} authorities of the form
 * {@code https://host/tenant/} and builds every endpoint as {@code https://host/tenant/...}, while
 * {@code LoginUrl} may be plain {@code http} (a test server or a local relay) or carry a path
 * prefix (a gateway). msal4j is therefore given {@code https://<host:port of LoginUrl>/<tenant>/}
 * and this client rewrites every URL that starts with {@code https://<host:port>} to start with
 * the configured {@code LoginUrl} instead. For Microsoft's own hosts the rewrite is the identity.
 *
 * @see <a href="https://github.com/AzureAD/microsoft-authentication-library-for-java">msal4j</a>
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow">
 *     OAuth 2.0 client credentials flow</a>
 */
final class MsalHttpClient implements IHttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "date",
            "expect", "from", "host", "upgrade", "via", "warning");

    /** Identity answers are small JSON documents; anything longer is not one. */
    private static final int MAX_BODY_CHARS = 1 << 20;

    private final Transport transport;
    private final String msalOrigin;
    private final String loginUrl;

    /**
     * @param msalOrigin the origin msal4j was given, {@code https://host[:port]}
     * @param loginUrl   the configured {@code LoginUrl}, without a trailing slash
     */
    MsalHttpClient(Transport transport, String msalOrigin, String loginUrl) {
        this.transport = requireNonNull(transport, "transport");
        this.msalOrigin = requireNonNull(msalOrigin, "msalOrigin");
        this.loginUrl = requireNonNull(loginUrl, "loginUrl");
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URI uri = URI.create(mapUrl(request.url().toString()));
        String body = request.body();
        TransportRequest.Builder b;
        if (body != null) {
            String contentType = request.headerValue("Content-Type");
            b = TransportRequest.post(uri, contentType != null ? contentType
                    : "application/x-www-form-urlencoded; charset=utf-8",
                    body.getBytes(StandardCharsets.UTF_8));
        } else {
            b = TransportRequest.of(request.httpMethod().methodName, uri, null);
        }
        // Token requests of the flows used here change nothing on the service, so the transport
        // may repeat them on 429/503/504 (msal4j's own retries are turned off).
        b.retrySafe(true).endpointProperty("LoginUrl");
        if (request.headers() != null) {
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (h.getValue() != null && !RESTRICTED.contains(name)
                        && !(body != null && name.equals("content-type"))) {
                    b.header(h.getKey(), h.getValue());
                }
            }
        }
        try (HttpResult result = transport.send(b.build())) {
            HttpResponse response = new HttpResponse();
            response.statusCode(result.status());
            response.addHeaders(result.headers());
            response.body(result.readText(MAX_BODY_CHARS));
            return response;
        }
    }

    /** The URL to send for a URL msal4j built; see the class comment. */
    String mapUrl(String url) {
        if (url.regionMatches(true, 0, msalOrigin, 0, msalOrigin.length())
                && (url.length() == msalOrigin.length()
                        || url.charAt(msalOrigin.length()) == '/')) {
            return loginUrl + url.substring(msalOrigin.length());
        }
        return url;
    }
}
