package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The interactive sign-in of a user on a desktop ({@code AuthScheme=AzureAD;
 * InitiateOAuth=GETANDREFRESH}): opens the system browser at the authorize URL (authorization
 * code with PKCE and a random {@code state}), receives the redirect on a listener at
 * {@code CallbackURL} (bound to the loopback interface only, for one redirect, for at most
 * {@link #WAIT} minutes), checks the state and redeems the code.
 *
 * <p>Where no browser can be opened (a headless machine, or the system property
 * {@code exchangejdbc.browser=none}) it prints the URL on standard error and in the log and waits
 * for the redirect all the same: open the URL on any browser of the same machine.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions">
 *     Loopback redirect URIs</a>
 */
final class DesktopSignIn {

    /** The redirect URI of desktop sign-in when {@code CallbackURL} is not set. */
    static final String DEFAULT_CALLBACK = "http://localhost:33333";
    /** The system property that turns off opening a browser ({@code none}). */
    static final String BROWSER_PROPERTY = "exchangejdbc.browser";
    /** How long to wait for the user to sign in. */
    static final Duration WAIT = Duration.ofMinutes(5);

    private final EntraTokenEndpoint endpoint;
    private final ConnectionLog log;

    DesktopSignIn(EntraTokenEndpoint endpoint, ConnectionLog log) {
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.log = requireNonNull(log, "log");
    }

    /**
     * Signs the user in and returns the tokens.
     *
     * @param callbackUrl the loopback redirect URI, {@code http://localhost:PORT[/path]}
     * @throws SQLException 28000 when the sign-in fails, is refused or times out
     */
    TokenResponse signIn(String callbackUrl, Set<String> scopes, String prompt)
            throws SQLException {
        URI callback = URI.create(callbackUrl == null ? DEFAULT_CALLBACK : callbackUrl.strip());
        if (!"http".equalsIgnoreCase(callback.getScheme()) || callback.getPort() <= 0
                || !isLoopback(callback.getHost())) {
            throw new SQLException("Desktop sign-in listens for the redirect on this machine:"
                    + " CallbackURL must be http://localhost:PORT (it is " + callback + ").",
                    "28000");
        }
        String path = callback.getRawPath() == null || callback.getRawPath().isEmpty() ? "/"
                : callback.getRawPath();
        AuthorizationRequest request = AuthorizationRequest.create();
        CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    callback.getPort()), 0);
        } catch (BindException e) {
            throw new SQLException("Cannot listen for the sign-in redirect on port "
                    + callback.getPort() + " of this machine: it is in use. Set CallbackURL to"
                    + " another http://localhost:PORT registered for the application.",
                    "28000", e);
        } catch (IOException e) {
            throw new SQLException("Cannot listen for the sign-in redirect at " + callback
                    + ": " + e.getMessage(), "28000", e);
        }
        server.createContext("/", exchange -> receive(exchange, path, request.state(),
                redirect));
        server.start();
        try {
            String url = endpoint.authorizeUrl(callback.toString(), scopes, request.state(),
                    request.codeChallenge(), prompt);
            show(url);
            Map<String, String> params;
            try {
                params = redirect.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new SQLException("Nobody signed in within " + WAIT.toMinutes()
                        + " minutes; connect again and complete the sign-in in the browser.",
                        "28000");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the sign-in.", "HY008", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException s ? s
                        : new SQLException("The sign-in failed.", "28000", e.getCause());
            }
            return endpoint.redeemCode(params.get("code"), callback.toString(), scopes,
                    request.codeVerifier());
        } finally {
            server.stop(0);
        }
    }

    private void receive(HttpExchange exchange, String path, String state,
            CompletableFuture<Map<String, String>> redirect) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(path)
                    || !exchange.getRequestMethod().equals("GET") || redirect.isDone()) {
                respond(exchange, 404, "Not found.");
                return;
            }
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            String given = params.get("state");
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    state.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 400, "The sign-in answer does not belong to this request."
                        + " Close this window and connect again.");
                redirect.completeExceptionally(new SQLException("The sign-in redirect carried"
                        + " a state that does not match the request, so it was refused (it may"
                        + " have been forged). Connect again to sign in.", "28000"));
                return;
            }
            if (params.get("error") != null) {
                respond(exchange, 400, "Sign-in failed. You can close this window.");
                String description = params.getOrDefault("error_description", "");
                redirect.completeExceptionally(new SQLException(log.redactor().redact(
                        "Microsoft Entra ID did not sign the user in: " + params.get("error")
                                + (description.isEmpty() ? "" : ": "
                                        + SignInErrors.firstSentence(description))
                                + ". Connect again and complete the sign-in."), "28000"));
                return;
            }
            if (params.get("code") == null) {
                respond(exchange, 400, "The answer carries no authorization code.");
                return;
            }
            respond(exchange, 200, "Signed in to exchange-jdbc. You can close this window.");
            redirect.complete(params);
        }
    }

    private void show(String url) {
        String line = "exchange-jdbc: to sign in, open this address in a browser: " + url;
        log.log(LogModule.AUTH, Verbosity.SUMMARY, line);
        System.err.println(line);
        if (!"none".equalsIgnoreCase(System.getProperty(BROWSER_PROPERTY))
                && !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(URI.create(url));
            } catch (IOException | RuntimeException e) {
                log.log(LogModule.AUTH, Verbosity.SUMMARY, "could not open a browser ("
                        + e.getClass().getSimpleName() + "); waiting for the address above to"
                        + " be opened");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text)
            throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "exchange-jdbc</title></head><body><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]"));
    }
}
